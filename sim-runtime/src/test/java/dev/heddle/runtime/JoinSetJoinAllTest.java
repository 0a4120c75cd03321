package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link JoinSet#joinAll()}: every value in finishing order, or, on the first failure, the rest aborted. */
class JoinSetJoinAllTest {

    /** Tokio's documented rule for {@code JoinSet::join_all}: a failed task cancels the tasks still in the set. */
    @Test
    void aFailureAbortsTheTasksStillInTheSet() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> log = new CopyOnWriteArrayList<>();
            Simulation.ofSeed(seed).run(sim -> {
                JoinSet<String> set = new JoinSet<>();
                JoinHandle<String> slow = set.spawn(() -> {
                    try {
                        Heddle.sleep(Duration.ofHours(1));
                        log.add("slow finished");
                        return "slow";
                    } finally {
                        log.add("slow cleaned up");
                    }
                });
                set.spawn(() -> {
                    Heddle.sleep(Duration.ofMillis(1));
                    throw new IllegalStateException("boom");
                });
                JoinException e = assertThrows(JoinException.class, set::joinAll);
                assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
                JoinException other = assertThrows(JoinException.class, slow::join, "the other task was aborted");
                assertTrue(other.isCancelled(), "the other task was aborted");
                assertTrue(set.isEmpty(), "the set let go of the aborted tasks");
            });
            assertEquals(List.of("slow cleaned up"), log, "seed " + seed);
        }
    }

    @Test
    void onTheRealRuntimeAFailureAbortsTheRestToo() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            boolean cancelled = rt.blockOn(() -> {
                JoinSet<Integer> set = new JoinSet<>();
                JoinHandle<Integer> waiting = set.spawn(() -> {
                    new CancellationToken().awaitCancellation();
                    return 1;
                });
                set.spawn(() -> {
                    throw new IllegalArgumentException("bad input");
                });
                assertThrows(JoinException.class, set::joinAll);
                // Bounded only so that a regression fails instead of hanging; a pass never waits for it.
                try {
                    return Select.<Boolean>select()
                            .on(waiting.joinOp(), v -> false)
                            .sleep(Duration.ofMinutes(1), () -> false)
                            .run();
                } catch (JoinException e) {
                    return e.isCancelled();
                }
            });
            assertTrue(cancelled, "the waiting task was aborted");
        }
    }
}
