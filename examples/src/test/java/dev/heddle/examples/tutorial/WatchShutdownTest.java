package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

class WatchShutdownTest {
    static final int WORKERS = 4;

    @SimTest(failOnLeakedTasks = true, expectedProbes = "a worker was mid-unit at the shutdown")
    void everyStartedUnitFinishesAndEveryWorkerExitsWithinOneUnit(Sim sim) {
        WatchShutdown.Outcome outcome = WatchShutdown.run(WORKERS, Duration.ofMillis(20));
        assertOutcome(outcome);
        sim.sometimes("a worker was mid-unit at the shutdown", outcome.shutdownNanos() > 0);
    }

    @SimTest(seeds = 50, workers = 2, failOnLeakedTasks = true)
    void onTwoLogicalWorkers(Sim sim) {
        assertOutcome(WatchShutdown.run(WORKERS, Duration.ofMillis(20)));
    }

    static void assertOutcome(WatchShutdown.Outcome outcome) {
        assertTrue(outcome.started() > 0, "the workers did some work");
        assertEquals(outcome.started(), outcome.finished(), "every unit that started finished");
        Set<String> all = new HashSet<>();
        for (int i = 0; i < WORKERS; i++) {
            all.add("worker-" + i);
        }
        assertEquals(WORKERS, outcome.exitedWhenDone().size(), "" + outcome.exitedWhenDone());
        assertEquals(all, Set.copyOf(outcome.exitedWhenDone()), "every worker had exited when done closed");
        assertTrue(outcome.shutdownNanos() <= WatchShutdown.UNIT.toNanos(),
                "the shutdown took " + outcome.shutdownNanos() + " ns, more than one unit of work");
    }
}
