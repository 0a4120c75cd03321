package dev.heddle.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Chaos, heal, then liveness: a system that recovers passes, one that does not fails naming the deadline. */
class PhasesTest {
    private static final Chaos CHAOS = Chaos.builder().partitions(0.5).clogs(0.5).crashes(0.5).pauses(0.5)
            .lasting(Duration.ofSeconds(1), Duration.ofSeconds(20)).build();

    @Test
    void afterHealingEveryHostHearsEveryOther() {
        Simulation.ofSeed(1).run(sim -> {
            Mesh mesh = Mesh.start(sim, 5);
            Phases phases = Phases.chaos(Duration.ofMinutes(1), CHAOS);
            long healed = sim.now();
            phases.thenHeal();
            for (Host host : sim.hosts()) {
                assertEquals(Host.State.RUNNING, host.state(), host.toString());
            }
            phases.thenExpectWithin(Duration.ofSeconds(1), "every host hears every other",
                    () -> mesh.allHeardSince(healed));
            assertTrue(sim.now() - healed < Duration.ofSeconds(1).toNanos());
        });
    }

    @Test
    void faultsInForceWhenChaosEndsStayUntilHealed() {
        Chaos lasting = Chaos.builder().partitions(1).crashes(0.2).pauses(0.2)
                .lasting(Duration.ofHours(1), Duration.ofHours(1)).build();
        Simulation.ofSeed(2).run(sim -> {
            Mesh mesh = Mesh.start(sim, 5);
            Phases phases = Phases.chaos(Duration.ofSeconds(20), lasting);
            long end = sim.now();
            assertTrue(sim.hosts().stream().anyMatch(h -> h.state() != Host.State.RUNNING), "hosts stay down");
            sim.sleep(Duration.ofSeconds(1));
            assertFalse(mesh.allHeardSince(end), "the last partition stays");
            phases.thenHeal();
            long healed = sim.now();
            sim.sleep(Duration.ofSeconds(1));
            assertTrue(sim.hosts().stream().allMatch(h -> h.state() == Host.State.RUNNING));
            assertTrue(mesh.allHeardSince(healed));
        });
    }

    @Test
    void aSystemThatNeverRecoversFailsTheRunNamingTheDeadlineAndTheCheck() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(0x2a).run(sim -> {
            Mesh.start(sim, 3);
            Phases.chaos(Duration.ofSeconds(10), CHAOS).thenHeal()
                    .thenExpectWithin(Duration.ofSeconds(3), "the leader is elected", () -> false);
        }));
        String m = f.getMessage();
        assertEquals(FailureKind.TASK_FAILED, f.kind());
        assertTrue(m.startsWith("seed=0x2a"), m);
        assertTrue(m.contains("liveness: \"the leader is elected\" did not hold within 3s (the deadline)"), m);
        assertTrue(m.contains("checked 300 times every 0.01s"), m);
        assertTrue(m.contains("Simulation.ofSeed(0x2aL)"), m);
    }

    @Test
    void aCheckThatThrowsHasNotHeldYetAndItsLastExceptionIsReported() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).run(sim ->
                Phases.chaos(Duration.ZERO, Chaos.builder().build()).thenExpectWithin(Duration.ofMillis(50),
                        "the replica answers", () -> {
                            throw new IOException("connection refused by replica-2");
                        })));
        assertTrue(f.getMessage().contains("its last check threw java.io.IOException: connection refused by"
                + " replica-2"), f.getMessage());
    }

    @Test
    void aCheckThatHoldsLaterPassesAtTheFirstPollAfter() {
        Simulation.ofSeed(4).run(sim -> {
            long start = sim.now();
            Phases.chaos(Duration.ZERO, Chaos.builder().build()).thenExpectWithin(Duration.ofSeconds(1),
                    "a quarter second passed", () -> sim.now() - start >= Duration.ofMillis(250).toNanos());
            assertEquals(Duration.ofMillis(250).toNanos(), sim.now() - start);
        });
    }

    @Test
    void aCheckStillRunningAtTheDeadlineIsStoppedThere() {
        Simulation.ofSeed(5).run(sim -> {
            long start = sim.now();
            assertThrows(AssertionError.class, () -> Phases.chaos(Duration.ZERO, Chaos.builder().build())
                    .thenExpectWithin(Duration.ofSeconds(2), "a slow answer", () -> {
                        sim.sleep(Duration.ofHours(1));
                        return true;
                    }));
            assertEquals(Duration.ofSeconds(2).toNanos(), sim.now() - start);
        });
    }

    @Test
    void aDeadlineMustBePositive() {
        Simulation.ofSeed(6).run(sim -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Phases.chaos(Duration.ZERO, Chaos.builder().build())
                            .thenExpectWithin(Duration.ZERO, "x", () -> true));
            assertTrue(e.getMessage().contains("PT0S") && e.getMessage().contains("\"x\""), e.getMessage());
        });
    }
}
