package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.internal.SweepSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbesTest {

    @Test
    void alwaysAndUnreachableFailTheRunNamingTheProbe() {
        SimulationFailure always = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                sim.spawn(() -> sim.always("balance is never negative", -5 >= 0)).join()));
        assertEquals(FailureKind.TASK_FAILED, always.kind());
        assertTrue(always.getMessage().contains("always(\"balance is never negative\") was false"), always.getMessage());

        SimulationFailure unreachable = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                sim.unreachable("split brain")));
        assertTrue(unreachable.getMessage().contains("unreachable(\"split brain\") was reached"),
                unreachable.getMessage());
    }

    @Test
    void aDetailSaysWhatBrokeTheProbeAndIsMadeOnlyThen() {
        int[] made = {0};
        SimulationFailure always = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            made[0] = 0; // a failing run is run again, for its report
            for (int balance = 2; balance >= -1; balance--) {
                int b = balance;
                sim.always("balance is never negative", b >= 0, () -> {
                    made[0]++;
                    return "balance " + b + " after the last withdrawal";
                });
            }
        }));
        assertTrue(always.getMessage().contains("always(\"balance is never negative\") was false: balance -1 after"
                + " the last withdrawal"), always.getMessage());
        assertEquals(1, made[0], "the detail is made once a run, when the condition is false");

        SimulationFailure unreachable = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                sim.unreachable("split brain", () -> "leaders n1 and n3 in term 4")));
        assertTrue(unreachable.getMessage().contains("unreachable(\"split brain\") was reached: leaders n1 and n3 in"
                + " term 4"), unreachable.getMessage());
    }

    @Test
    void aProbesFailureIsSignedByTheLineThatCallsItSoTwoInvariantsAreTwoFailures() {
        FailureSignature one = FailureSignature.of(assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .run(sim -> sim.always("one leader per term", false))));
        FailureSignature other = FailureSignature.of(assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .run(sim -> sim.always("committed entries never lost", false, () -> "lost"))));
        assertTrue(one.site().startsWith(ProbesTest.class.getName() + ".lambda$"), one.toString());
        assertTrue(other.site().startsWith(ProbesTest.class.getName() + ".lambda$"), other.toString());
        assertNotEquals(one, other);
    }

    @Test
    void theSummaryListsSometimesAndReachableProbesThatNoSeedSatisfied() {
        SweepSummary summary = new SweepSummary();
        summary.expect("leader stepped down");
        for (long seed = 0; seed < 30; seed++) {
            summary.add(Simulation.ofSeed(seed).run(sim -> {
                int roll = sim.random().nextInt(6);
                sim.sometimes("rolled a six", roll == 5);
                sim.sometimes("rolled a seven", roll == 6);
                sim.always("roll in range", roll >= 0 && roll < 6);
                sim.reachable("rolled");
            }));
        }
        List<String> missing = summary.unsatisfied().stream().map(ProbeRecord::name).toList();
        assertEquals(List.of("leader stepped down", "rolled a seven"), missing);
        String report = summary.summary(30);
        assertTrue(report.contains("sometimes(\"rolled a seven\") was met 30 times and never true"), report);
        assertTrue(report.contains("reachable(\"leader stepped down\") was never reached"), report);
        ProbeRecord six = summary.all().stream().filter(r -> r.name().equals("rolled a six")).findFirst().orElseThrow();
        assertEquals(30, six.met());
        assertTrue(six.held() > 0 && six.held() < 30, "held " + six.held());
    }

    @Test
    void aProbeHasOneKind() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            sim.reachable("x");
            sim.sometimes("x", true);
        }));
        assertTrue(f.getMessage().contains("probe 'x' is used as SOMETIMES here and as REACHABLE"), f.getMessage());
    }
}
