package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import org.junit.jupiter.api.Test;

/** The simulator finds the lost update, and its seed replays the very same run. */
class RacyCounterTest {
    private static final SimBody TWO_INCREMENTS = sim -> {
        long counted = Counter.incrementConcurrently(new RacyCounter(), 2);
        if (counted != 2) {
            throw new AssertionError("lost update: 2 increments counted as " + counted);
        }
    };

    @Test
    void randomFindsTheLostUpdateWithin100SeedsAndItsSeedReplaysIt() {
        SimulationFailure first = null;
        for (long seed = 0; seed < 100 && first == null; seed++) {
            try {
                Simulation.ofSeed(seed).run(TWO_INCREMENTS);
            } catch (SimulationFailure f) {
                first = f;
            }
        }
        assertNotNull(first, "RANDOM must find the lost update within 100 seeds");
        assertEquals(FailureKind.TASK_FAILED, first.kind());
        assertTrue(first.getMessage().startsWith("seed=0x"), first.getMessage());
        assertTrue(first.getMessage().contains("lost update: 2 increments counted as 1"), first.getMessage());
        assertTrue(first.getMessage().contains("rerun: "), first.getMessage());

        long seed = first.seed();
        SimulationFailure replay = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(seed).run(TWO_INCREMENTS));
        assertEquals(first.traceHash(), replay.traceHash(), "the rerun is the same run, event for event");
        assertEquals(first.getMessage(), replay.getMessage());
    }

    @Test
    void theRacyCounterIsRightUnderFifoWhichNeverInterleavesIt() {
        for (long seed = 0; seed < 20; seed++) {
            Simulation.ofSeed(seed).strategy(dev.heddle.sim.Strategy.FIFO).run(sim ->
                    assertEquals(1, Counter.incrementConcurrently(new RacyCounter(), 2),
                            "FIFO interleaves at the yield: both read 0"));
        }
    }
}
