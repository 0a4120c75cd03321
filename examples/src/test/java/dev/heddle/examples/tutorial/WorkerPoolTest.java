package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

class WorkerPoolTest {
    static final int WORKERS = 4;
    static final int JOBS = 40;

    @SimTest(failOnLeakedTasks = true, expectedProbes = "every worker processed a job")
    void everyJobIsProcessedExactlyOnceAndEveryWorkerExits(Sim sim) {
        WorkerPool.Outcome outcome = WorkerPool.run(WORKERS, JOBS);
        assertOutcome(outcome);
        Set<String> busy = outcome.processedBy().values().stream().flatMap(List::stream).collect(Collectors.toSet());
        sim.sometimes("every worker processed a job", busy.size() == WORKERS);
    }

    @SimTest(seeds = 50, workers = 4, failOnLeakedTasks = true)
    void onFourLogicalWorkers(Sim sim) {
        assertOutcome(WorkerPool.run(WORKERS, JOBS));
    }

    static void assertOutcome(WorkerPool.Outcome outcome) {
        assertEquals(IntStream.range(0, JOBS).boxed().collect(Collectors.toSet()), outcome.processedBy().keySet(),
                "every job processed");
        outcome.processedBy().forEach((job, workers) ->
                assertEquals(1, workers.size(), "job " + job + " must be processed once, was by " + workers));
        Set<String> all = new HashSet<>();
        for (int i = 0; i < WORKERS; i++) {
            all.add("worker-" + i);
        }
        assertEquals(WORKERS, outcome.exited().size(), "each worker exits once: " + outcome.exited());
        assertEquals(all, Set.copyOf(outcome.exited()), "every worker exited after the shutdown");
    }
}
