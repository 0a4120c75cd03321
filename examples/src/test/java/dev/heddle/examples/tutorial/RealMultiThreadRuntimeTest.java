package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.examples.BoundedFetcher;
import dev.heddle.examples.Counter;
import dev.heddle.examples.SafeCounter;
import dev.heddle.examples.SpawnAndJoin;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programs whose outcome does not hang on timing, each run once on the real multi-thread
 * runtime (four worker threads), where the machine, not a seed, interleaves the tasks: the same
 * outcomes as in simulation. Each run waits for the program's own tasks to end, never on a sleep
 * of the test's, and is bounded: a run still going after {@link #LIMIT} fails naming the program.
 * Left out: the programs whose documented outcome is about time (heartbeats on schedule, a
 * shutdown within one unit of work, a fast subscriber that keeps up, connections that serve during
 * a 20 ms window), which only virtual time makes exact.
 */
class RealMultiThreadRuntimeTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static HeddleRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = HeddleRuntime.multiThread().workerThreads(4).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void workerPool() {
        WorkerPoolTest.assertOutcome(run("WorkerPool",
                () -> WorkerPool.run(WorkerPoolTest.WORKERS, WorkerPoolTest.JOBS)));
    }

    @Test
    void configReload() {
        ConfigReloadTest.assertOutcome(run("ConfigReload",
                () -> ConfigReload.run(ConfigReloadTest.SERVERS, ConfigReloadTest.RELOADS)));
    }

    @Test
    void notifyChannel() {
        NotifyChannelTest.assertOutcome(run("NotifyChannel",
                () -> NotifyChannel.run(NotifyChannelTest.PRODUCERS, NotifyChannelTest.PER_PRODUCER)));
    }

    @Test
    void barrierRounds() {
        BarrierRoundsTest.assertOutcome(run("BarrierRounds",
                () -> BarrierRounds.run(BarrierRoundsTest.TASKS, BarrierRoundsTest.ROUNDS)));
    }

    @Test
    void readThroughCache() {
        ReadThroughCache cache = new ReadThroughCache();
        ReadThroughCacheTest.assertOutcome(cache, run("ReadThroughCache", () -> cache.run(
                ReadThroughCacheTest.READERS, ReadThroughCacheTest.LOOKUPS, ReadThroughCacheTest.KEYS)));
    }

    @Test
    void spawnAndJoinBoundedFetcherAndSafeCounter() {
        assertEquals(385L, run("SpawnAndJoin", () -> SpawnAndJoin.sumOfSquares(10)));
        BoundedFetcher fetcher = new BoundedFetcher(3);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add("/" + i);
        }
        List<String> responses = run("BoundedFetcher", () -> fetcher.fetchAll(urls));
        assertEquals(urls.stream().map(u -> "200 " + u).sorted().toList(), responses.stream().sorted().toList());
        // Whether the limit is reached depends on the machine's timing here; that it is never passed does not.
        assertTrue(fetcher.peakInFlight() >= 1 && fetcher.peakInFlight() <= 3,
                "never more than 3 in flight, was " + fetcher.peakInFlight());
        assertEquals(64L, run("SafeCounter", () -> Counter.incrementConcurrently(new SafeCounter(), 64)));
    }

    /** Runs {@code program} in a task of the real runtime and waits for it, for at most {@link #LIMIT}. */
    private static <T> T run(String name, Callable<T> program) {
        return runtime.blockOn(() -> {
            try {
                return Heddle.clock().timeout(LIMIT, program);
            } catch (Elapsed e) {
                throw new AssertionError(name + " did not finish within " + LIMIT.toSeconds()
                        + " s on the real multi-thread runtime: its tasks wait for each other", e);
            }
        });
    }
}
