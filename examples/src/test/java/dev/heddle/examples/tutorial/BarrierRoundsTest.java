package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.HashMap;
import java.util.Map;

class BarrierRoundsTest {
    static final int TASKS = 5;
    static final int ROUNDS = 6;

    @SimTest(failOnLeakedTasks = true)
    void eachRoundHasOneLeaderAndIsCompleteWhenReleased(Sim sim) {
        assertOutcome(BarrierRounds.run(TASKS, ROUNDS));
    }

    @SimTest(seeds = 50, workers = 4, failOnLeakedTasks = true)
    void onFourLogicalWorkers(Sim sim) {
        assertOutcome(BarrierRounds.run(TASKS, ROUNDS));
    }

    static void assertOutcome(BarrierRounds.Outcome outcome) {
        Map<Long, Integer> oneLeaderEach = new HashMap<>();
        Map<Integer, Integer> totals = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            oneLeaderEach.put((long) round, 1);
            totals.put(round, TASKS * round * TASKS + TASKS * (TASKS - 1) / 2);
        }
        assertEquals(oneLeaderEach, outcome.leadersPerGeneration(), "exactly one leader per generation");
        assertEquals(totals, outcome.totals(), "each leader publishes its round's total of every part");
        assertEquals(0, outcome.incompleteAtRelease(), "no task leaves the barrier before its round is complete");
    }
}
