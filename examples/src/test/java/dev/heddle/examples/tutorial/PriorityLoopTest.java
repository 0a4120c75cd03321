package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.ArrayList;
import java.util.List;

class PriorityLoopTest {
    static final int ROUNDS = 6;

    @SimTest(failOnLeakedTasks = true, expectedProbes = "a select began with both channels queued")
    void controlAlwaysWinsHeartbeatsKeepTimeAndOrElseEndsTheLoopOnlyWhenAllIsClosed(Sim sim) {
        PriorityLoop.Outcome outcome = PriorityLoop.run(ROUNDS);
        assertOutcome(outcome);
        sim.sometimes("a select began with both channels queued", outcome.bothQueued() > 0);
    }

    @SimTest(seeds = 50, workers = 3, failOnLeakedTasks = true)
    void onThreeLogicalWorkers(Sim sim) {
        assertOutcome(PriorityLoop.run(ROUNDS));
    }

    static void assertOutcome(PriorityLoop.Outcome outcome) {
        List<String> control = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<Long> beats = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            control.add("c" + round);
            data.add("d" + round + ".0");
            data.add("d" + round + ".1");
            beats.add(round * PriorityLoop.HEARTBEAT.toMillis());
        }
        assertEquals(control, outcome.handled().stream().filter(m -> m.startsWith("c")).toList());
        assertEquals(data, outcome.handled().stream().filter(m -> m.startsWith("d")).toList());
        assertEquals(3 * ROUNDS, outcome.handled().size(), "every message once: " + outcome.handled());
        assertEquals(0, outcome.controlPassedOver(), "a queued control message always wins the biased select");
        assertEquals(beats, outcome.heartbeats(), "one heartbeat per round, each on schedule");
        assertTrue(outcome.endedClosedAndDrained(), "orElse runs only once both channels are closed and drained");
    }
}
