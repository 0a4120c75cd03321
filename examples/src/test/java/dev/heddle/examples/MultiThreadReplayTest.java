package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial programs of this package as the multi-thread runtime runs them: the simulator
 * replays logical workers with the work-stealing scheduler's own queues (LIFO slot, local queues,
 * the injection queue, stealing), the seed choosing which worker acts at each step. The outcomes
 * are those {@link TutorialProgramsTest} asserts on the current-thread simulation.
 */
class MultiThreadReplayTest {

    @SimTest(seeds = 50, workers = 4)
    void spawnAndJoinOnFourWorkers(Sim sim) {
        assertEquals(385, SpawnAndJoin.sumOfSquares(10));
        assertEquals(10_000_000, sim.now(), "the slowest task sleeps 10 ms and the others overlap it");
    }

    @SimTest(seeds = 50, workers = 3)
    void boundedFetcherOnThreeWorkers(Sim sim) {
        BoundedFetcher fetcher = new BoundedFetcher(3);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add("/" + i);
        }
        List<String> responses = fetcher.fetchAll(urls);
        assertEquals(urls.stream().map(u -> "200 " + u).sorted().toList(), responses.stream().sorted().toList());
        assertEquals(3, fetcher.peakInFlight(), "never more than 3 in flight, and 20 urls reach the limit");
    }

    @SimTest(seeds = 50, workers = 2)
    void safeCounterOnTwoWorkers(Sim sim) {
        assertEquals(8, Counter.incrementConcurrently(new SafeCounter(), 8));
    }

    @SimTest(seeds = 50, workers = 4)
    void requestIdsOnFourWorkers(Sim sim) {
        List<String> log = RequestIds.serve(6);
        assertEquals(12, log.size(), "" + log);
        for (int i = 0; i < 6; i++) {
            int start = log.indexOf("req-" + i + " start");
            assertTrue(start >= 0 && start < log.indexOf("req-" + i + " done"), log.toString());
        }
    }

    @SimTest(seeds = 50, workers = 2, failOnLeakedTasks = true)
    void abortWithCleanupOnTwoWorkers(Sim sim) {
        assertEquals(List.of("connected", "working", "connection closed", "joined: cancelled"), AbortWithCleanup.run());
        assertEquals(Duration.ofSeconds(1).toNanos(), sim.now());
    }

    @SimTest(seeds = 50, workers = 3)
    void keyValueManagerIsLinearizableOnThreeWorkers(Sim sim) {
        KeyValueWorkload.run(3, 6, client -> client);
    }
}
