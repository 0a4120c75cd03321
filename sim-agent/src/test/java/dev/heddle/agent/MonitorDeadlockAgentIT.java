package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Transfers;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import dev.heddle.sim.WaitForGraph;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two tasks that take two monitors in opposite orders ({@link Transfers}), with the agent's
 * scheduling points, which may now switch tasks inside a {@code synchronized} block: some seeds
 * deadlock, and the report's wait-for graph names both tasks, both monitors and the lines; the
 * same transfers in one order never deadlock.
 */
class MonitorDeadlockAgentIT {
    private static final int SEEDS = 100;

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    /** The first deadlock over {@link #SEEDS} seeds, or null; every other seed must keep the total. */
    private static SimulationFailure firstDeadlock(Strategy strategy, Consumer<Transfers> second) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Transfers transfers = new Transfers();
            try {
                Simulation.ofSeed(seed).strategy(strategy).pctHorizon(20).schedulingPoints(true).run(sim -> {
                    JoinHandle<Void> a = sim.spawn("a-to-b", transfers::aToB);
                    JoinHandle<Void> b = sim.spawn("b-to-a", () -> second.accept(transfers));
                    a.join();
                    b.join();
                });
            } catch (SimulationFailure f) {
                return f;
            }
            assertEquals(200, transfers.total(), "seed " + seed);
        }
        return null;
    }

    @Test
    void oppositeOrdersDeadlockOnSomeSeedAndTheGraphNamesBothMonitors() {
        SimulationFailure f = firstDeadlock(Strategy.RANDOM, Transfers::bToA);
        assertTrue(f != null, "no deadlock in " + SEEDS + " seeds");
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        WaitForGraph graph = f.waitForGraph().orElseThrow();
        assertEquals(List.of("a-to-b#2", "b-to-a#3"), graph.cycle(), f.getMessage());
        WaitForGraph.Wait a = graph.waitOf("a-to-b#2");
        WaitForGraph.Wait b = graph.waitOf("b-to-a#3");
        assertTrue(a.waitsFor().startsWith("synchronized(Object@"), a.waitsFor());
        assertTrue(b.waitsFor().startsWith("synchronized(Object@"), b.waitsFor());
        assertEquals(List.of(b.waitsFor()), a.holds(), f.getMessage());
        assertEquals(List.of(a.waitsFor()), b.holds(), f.getMessage());
        assertTrue(a.stack().getFirst().toString().matches(".*Transfers\\.aToB\\(Transfers\\.java:\\d+\\)"),
                a.stack().toString());
        assertTrue(b.stack().getFirst().toString().matches(".*Transfers\\.bToA\\(Transfers\\.java:\\d+\\)"),
                b.stack().toString());
        assertTrue(f.getMessage().contains("cycle: a-to-b#2 holds "), f.getMessage());
    }

    @Test
    void pctFindsTheDeadlockToo() {
        SimulationFailure f = firstDeadlock(Strategy.PCT, Transfers::bToA);
        assertTrue(f != null && f.kind() == FailureKind.DEADLOCK, f == null ? "none" : f.getMessage());
    }

    @Test
    void theSameOrderNeverDeadlocks() {
        SimulationFailure f = firstDeadlock(Strategy.RANDOM, Transfers::bToAInOrder);
        assertEquals(null, f, f == null ? "" : f.getMessage());
    }

    @Test
    void aDeadlockingSeedReplaysTheSameTrace() {
        SimulationFailure f = firstDeadlock(Strategy.RANDOM, Transfers::bToA);
        assertTrue(f != null, "no deadlock in " + SEEDS + " seeds");
        Transfers transfers = new Transfers();
        SimulationFailure again = org.junit.jupiter.api.Assertions.assertThrows(SimulationFailure.class, () ->
                Simulation.ofSeed(f.seed()).schedulingPoints(true).run(sim -> {
                    JoinHandle<Void> a = sim.spawn("a-to-b", transfers::aToB);
                    JoinHandle<Void> b = sim.spawn("b-to-a", transfers::bToA);
                    a.join();
                    b.join();
                }));
        assertEquals(f.traceHash(), again.traceHash());
    }
}
