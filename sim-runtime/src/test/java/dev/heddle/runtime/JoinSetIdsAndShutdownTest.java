package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JoinSet}'s {@code shutdown}, {@code detachAll}, {@code tryJoinNext}, {@code joinNextWithId}
 * and {@code spawnBlocking}, on the real runtimes and in simulation over many seeds.
 */
class JoinSetIdsAndShutdownTest {
    private static final int SEEDS = 200;

    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(2));
    }

    private static void onEveryRuntime(RuntimeBuilder builder, Runnable body) {
        try (HeddleRuntime rt = builder.build()) {
            rt.blockOn(() -> {
                body.run();
                return null;
            });
        }
    }

    private static void overManySeeds(Runnable body) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Simulation.ofSeed(seed).run(sim -> body.run());
        }
    }

    @Test
    void shutdownAbortsPendingTasksAndWaitsForTheirFinallyBlocksOverManySeeds() {
        overManySeeds(JoinSetIdsAndShutdownTest::shutdownAbortsPendingTasksAndWaitsForTheirFinallyBlocks);
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void shutdownAbortsPendingTasksAndWaitsForTheirFinallyBlocks(RuntimeBuilder builder) {
        onEveryRuntime(builder, JoinSetIdsAndShutdownTest::shutdownAbortsPendingTasksAndWaitsForTheirFinallyBlocks);
    }

    private static void shutdownAbortsPendingTasksAndWaitsForTheirFinallyBlocks() {
        int tasks = 8;
        AtomicInteger started = new AtomicInteger();
        AtomicInteger cleanedUp = new AtomicInteger();
        JoinSet<Void> set = new JoinSet<>();
        for (int i = 0; i < tasks; i++) {
            set.spawn(null, () -> {
                started.incrementAndGet();
                try {
                    new CancellationToken().awaitCancellation();
                } finally {
                    cleanedUp.incrementAndGet();
                }
                return null;
            });
        }
        assertTrue(set.tryJoinNext().isEmpty());
        // Tokio drops a task that never ran; a Java task aborted before it runs runs no finally: let them all start.
        while (started.get() < tasks) {
            Heddle.yieldNow();
        }
        set.shutdown();
        assertTrue(set.isEmpty());
        assertEquals(tasks, cleanedUp.get(), "shutdown returned before every aborted task had ended");
        set.shutdown();
    }

    @Test
    void shutdownDiscardsValuesAndFailures() {
        overManySeeds(() -> {
            JoinSet<Integer> set = new JoinSet<>();
            set.spawn(() -> 1);
            set.spawn(() -> {
                throw new IllegalStateException("boom");
            });
            set.spawn(() -> {
                Heddle.sleep(Duration.ofHours(1));
                return 3;
            });
            set.shutdown();
            assertTrue(set.isEmpty());
        });
    }

    @Test
    void detachedTasksRunOnAndLeaveNothingInTheSet() {
        overManySeeds(() -> {
            AtomicInteger ran = new AtomicInteger();
            JoinSet<Integer> set = new JoinSet<>();
            List<JoinHandle<Integer>> handles = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int v = i;
                handles.add(set.spawn(() -> {
                    Heddle.yieldNow();
                    ran.incrementAndGet();
                    return v;
                }));
            }
            Heddle.yieldNow();
            set.detachAll();
            assertTrue(set.isEmpty());
            set.spawn(() -> 99);
            for (int i = 0; i < 5; i++) {
                assertEquals(i, handles.get(i).join());
            }
            assertEquals(5, ran.get(), "a detached task was aborted");
            assertEquals(99, set.joinNext(), "a detached task came back out of the set");
            assertTrue(set.isEmpty());
            assertTrue(set.tryJoinNext().isEmpty());
        });
    }

    @Test
    void joinNextWithIdNamesTheTaskForValuesAndFailures() {
        overManySeeds(() -> {
            JoinSet<String> set = new JoinSet<>();
            long ok = set.spawn(() -> "ok").id();
            long failing = set.spawn(() -> {
                Heddle.yieldNow();
                throw new IllegalStateException("boom");
            }).id();
            JoinHandle<String> aborted = set.spawn(() -> {
                Heddle.sleep(Duration.ofHours(1));
                return "late";
            });
            aborted.abort();
            Set<Long> failedIds = new HashSet<>();
            Set<Long> cancelledIds = new HashSet<>();
            while (!set.isEmpty()) {
                try {
                    JoinedTask<String> joined = set.joinNextWithId();
                    assertEquals(ok, joined.id());
                    assertEquals("ok", joined.value());
                } catch (JoinException e) {
                    (e.isCancelled() ? cancelledIds : failedIds).add(e.id());
                }
            }
            assertEquals(Set.of(failing), failedIds);
            assertEquals(Set.of(aborted.id()), cancelledIds);
            NoSuchElementException empty = assertThrows(NoSuchElementException.class, set::joinNextWithId);
            assertTrue(empty.getMessage().startsWith("joinNextWithId on an empty JoinSet"), empty.getMessage());
        });
    }

    @Test
    void tryJoinNextTellsAFinishedVoidTaskFromNone() {
        overManySeeds(() -> {
            JoinSet<Void> set = new JoinSet<>();
            JoinHandle<Void> h = set.spawn(null, () -> null);
            while (!h.isFinished()) {
                Heddle.yieldNow();
            }
            Optional<JoinedTask<Void>> next = set.tryJoinNext();
            assertTrue(next.isPresent());
            assertEquals(h.id(), next.get().id());
            assertTrue(set.tryJoinNext().isEmpty());
            assertTrue(set.isEmpty());
        });
    }

    @Test
    void tryJoinNextThrowsTheFailureAndRemovesTheTask() {
        overManySeeds(() -> {
            JoinSet<Integer> set = new JoinSet<>();
            JoinHandle<Integer> h = set.spawn(() -> {
                throw new IllegalArgumentException("bad");
            });
            while (!h.isFinished()) {
                Heddle.yieldNow();
            }
            JoinException e = assertThrows(JoinException.class, set::tryJoinNext);
            assertTrue(e.isFailed());
            assertEquals(h.id(), e.id());
            assertTrue(set.isEmpty());
        });
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void spawnBlockingJoinsTheSetAndShutdownWaitsForIt(RuntimeBuilder builder) {
        onEveryRuntime(builder, JoinSetIdsAndShutdownTest::spawnBlockingJoinsTheSet);
    }

    @Test
    void spawnBlockingJoinsTheSetOverManySeeds() {
        overManySeeds(JoinSetIdsAndShutdownTest::spawnBlockingJoinsTheSet);
    }

    private static void spawnBlockingJoinsTheSet() {
        JoinSet<Integer> set = new JoinSet<>();
        set.spawnBlocking(() -> 6 * 7);
        set.spawn(() -> 1);
        List<Integer> values = new ArrayList<>(set.joinAll());
        values.sort(null);
        assertEquals(List.of(1, 42), values);
        AtomicBoolean ended = new AtomicBoolean();
        CancellationToken started = new CancellationToken();
        set.spawnBlocking(() -> {
            started.cancel();
            ended.set(true);
            return 0;
        });
        set.shutdown();
        assertTrue(set.isEmpty());
        assertFalse(started.isCancelled() && !ended.get(), "shutdown returned while a started blocking task ran");
    }
}
