package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FaultRecord;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each fault set up is declared, each firing counted: a result tells configured-but-inert faults apart. */
class SimNetFaultCountTest {

    @Test
    void faultsConfiguredButNeverFiredShowAsInert() {
        SimulationResult result = Simulation.ofSeed(1).run(sim -> {
            sim.host("a", self -> { });
            sim.host("b", self -> { });
            SimNet net = SimNet.current();
            net.link("a", "b").loss(0.5).duplicate(0.5).reorder(0.5).latency(Latency.of(Duration.ofMillis(1),
                    Duration.ofMillis(2), 0.5, Duration.ofMillis(100)));
            net.hold("a", "b");
            net.release("a", "b");
            net.clogLink("b", "a");
            net.partition(List.of("a"), List.of("b"));
            net.healAll();
        });
        Map<String, FaultRecord> faults = result.faults().stream()
                .collect(Collectors.toMap(FaultRecord::name, f -> f));
        for (String inert : List.of("net.drop", "net.retransmit", "net.duplicate", "net.reorder", "net.delay.tail")) {
            FaultRecord fault = faults.get(inert);
            assertTrue(fault != null && fault.configured() && fault.inert(), inert + ": " + faults);
        }
        for (String fired : List.of("net.hold", "net.clog", "net.partition")) {
            assertEquals(1, faults.get(fired).fired(), fired + ": " + faults);
        }
        assertEquals(null, faults.get("net.partition.drop"), "a partition of streams only loses nothing, and a"
                + " partition is the fault configured, not its drops: " + faults);
    }

    @Test
    void settingsThatConfigureNothingDeclareNothing() {
        SimulationResult result = Simulation.ofSeed(1).run(sim -> SimNet.current().defaults().loss(0).duplicate(0)
                .reorder(0).bandwidth(1000).latency(Latency.uniform(Duration.ZERO, Duration.ofMillis(3))));
        assertEquals(List.of(), result.faults().stream().filter(f -> f.name().startsWith("net.")).toList());
    }
}
