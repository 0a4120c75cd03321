package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Each tutorial program's documented outcome, over the default 100 seeds. */
class TutorialProgramsTest {

    @SimTest
    void spawnAndJoinSumsEverySquare(Sim sim) {
        assertEquals(385, SpawnAndJoin.sumOfSquares(10));
        assertEquals(10_000_000, sim.now(), "the slowest task sleeps 10 ms and the others overlap it");
    }

    @SimTest
    void boundedFetcherNeverHasMoreThanItsLimitInFlight(Sim sim) {
        BoundedFetcher fetcher = new BoundedFetcher(3);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            urls.add("/" + i);
        }
        List<String> responses = fetcher.fetchAll(urls);
        assertEquals(20, responses.size());
        assertTrue(responses.containsAll(urls.stream().map(u -> "200 " + u).toList()));
        assertTrue(fetcher.peakInFlight() <= 3, "peak " + fetcher.peakInFlight());
        assertEquals(3, fetcher.peakInFlight(), "with 20 urls the limit is reached");
    }

    @SimTest(failOnLeakedTasks = true)
    void abortRunsTheWorkersCleanup(Sim sim) {
        assertEquals(List.of("connected", "working", "connection closed", "joined: cancelled"), AbortWithCleanup.run());
        assertEquals(Duration.ofSeconds(1).toNanos(), sim.now(), "the hour-long sleep was cut short");
    }

    @SimTest(expectedProbes = "requests finish out of start order")
    void requestIdsFollowTheirRequestsAcrossInterleavings(Sim sim) {
        List<String> log = RequestIds.serve(6);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add("req-" + i + " start");
            expected.add("req-" + i + " done");
        }
        assertEquals(expected.stream().sorted().toList(), log.stream().sorted().toList(),
                "each request logs start and done once, under its own id");
        for (int i = 0; i < 6; i++) {
            assertTrue(log.indexOf("req-" + i + " start") < log.indexOf("req-" + i + " done"), log.toString());
        }
        List<String> starts = log.stream().filter(l -> l.endsWith(" start")).map(l -> l.split(" ")[0]).toList();
        List<String> dones = log.stream().filter(l -> l.endsWith(" done")).map(l -> l.split(" ")[0]).toList();
        sim.sometimes("requests finish out of start order", !starts.equals(dones));
    }

    @SimTest
    void tickerKeepsItsScheduleDespiteSlowWork(Sim sim) {
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L),
                Ticker.tick(5, Duration.ofMillis(100), Duration.ofMillis(30)));
        long start = sim.now() / 1_000_000;
        List<Long> late = Ticker.tick(4, Duration.ofMillis(100), Duration.ofMillis(250));
        assertEquals(List.of(start, start + 100, start + 200, start + 300), late,
                "missed ticks burst out on the original schedule");
        assertEquals(start + 4 * 250, sim.now() / 1_000_000);
    }

    @SimTest(seeds = 200)
    void safeCounterCountsEveryIncrement(Sim sim) {
        assertEquals(8, Counter.incrementConcurrently(new SafeCounter(), 8));
    }
}
