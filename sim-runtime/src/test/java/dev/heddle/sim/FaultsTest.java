package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void aRunCountsEachFaultKindAndMarksTheConfiguredOnesThatNeverFired() {
        SimulationResult r = Simulation.ofSeed(3).run(sim -> {
            SimContext context = SimContext.current().orElseThrow();
            context.faultConfigured("net.drop");
            context.faultConfigured("net.duplicate");
            context.faultFired("net.drop");
            context.faultFired("net.drop");
            context.faultFired("host.crash");
            assertEquals(2, context.faultCount("net.drop"));
        });
        assertEquals(List.of(new FaultRecord("net.drop", true, 2), new FaultRecord("net.duplicate", true, 0),
                new FaultRecord("host.crash", false, 1)), r.faults());
        assertTrue(r.faults().get(1).inert());
        assertTrue(r.toString().contains("net.duplicate=0 (configured, never fired)"), r.toString());
    }

    @Test
    void firingsAreInTheTrace() {
        long without = Simulation.ofSeed(3).run(sim -> { }).traceHash();
        long with = Simulation.ofSeed(3).run(sim -> SimContext.current().orElseThrow().faultFired("x")).traceHash();
        assertNotEquals(without, with);
    }

    @Test
    void aBlankFaultNameIsRefused() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim ->
                SimContext.current().orElseThrow().faultFired(" ")));
        assertTrue(f.getMessage().contains("fault name \" \" is blank"), f.getMessage());
    }
}
