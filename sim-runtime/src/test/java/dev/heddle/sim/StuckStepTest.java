package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task that never reaches a suspension point fails its run as STUCK, and the caller returns:
 * without it the busy loop below would hang the test (the @Timeout turns that into a failure).
 */
class StuckStepTest {

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBusyLoopOnAFlagAnotherTaskSetsFailsAsStuckAndTheCallerReturns() {
        AtomicBoolean set = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();   // lets the abandoned loop end once the test has its answer
        try {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7)
                    .stuckAfter(Duration.ofMillis(200))
                    .run(sim -> {
                        sim.spawn(() -> set.set(true));
                        while (!set.get() && !released.get()) {
                            Thread.onSpinWait();                 // never suspends: the setter never runs
                        }
                    }));
            assertEquals(FailureKind.STUCK, f.kind());
            assertTrue(f.getMessage().startsWith("seed=0x7 STUCK: task main"), f.getMessage());
            assertTrue(f.getMessage().contains("without reaching a suspension point"), f.getMessage());
            assertTrue(f.getMessage().contains("StuckStepTest"), f.getMessage());
            assertTrue(f.getMessage().contains("rerun: Simulation.ofSeed(0x7L)"), f.getMessage());
            assertInstanceOf(AssertionError.class, f, "a failed simulation is a failed assertion for JUnit");
        } finally {
            released.set(true);
        }
    }

    @Test
    void aStuckThresholdMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulation.ofSeed(1).stuckAfter(Duration.ZERO));
        assertTrue(e.getMessage().contains("stuckAfter must be positive, was PT0S"), e.getMessage());
    }
}
