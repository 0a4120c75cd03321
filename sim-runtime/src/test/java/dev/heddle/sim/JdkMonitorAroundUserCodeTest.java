package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A monitor the JDK takes around user code (a callback of a synchronized collection) is still a
 * lock held across a suspension when that code suspends: only the monitors the JDK's own frames
 * hold inside the call a task waits in, with no user code under them, are not counted (sim-net's
 * JdkSocketsInSimulationTest reads simulated sockets through BufferedReader with the default
 * policy, which fails the run on any lock held).
 */
class JdkMonitorAroundUserCodeTest {

    @Test
    void aSuspensionInACallbackUnderTheJdksMonitorFailsTheRunNamingIt() {
        List<Integer> shared = Collections.synchronizedList(new ArrayList<>(List.of(1)));
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                shared.forEach(item -> sim.sleep(Duration.ofMillis(5)))));
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("java.util.Collections$SynchronizedCollection.forEach"), f.getMessage());
    }
}
