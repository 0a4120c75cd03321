package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.internal.SweepSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults side of a sweep's summary: totals per kind, and the configured kinds that no seed fired. */
class SweepSummaryTest {

    /** Over seeds 0..9: drops configured and fired in every seed, duplicates configured in odd seeds, never fired. */
    private static SweepSummary sweep(String... expectedFaults) {
        SweepSummary summary = new SweepSummary();
        summary.expectFaults(expectedFaults);
        for (long seed = 0; seed < 10; seed++) {
            boolean odd = seed % 2 == 1;
            summary.add(Simulation.ofSeed(seed).run(sim -> {
                SimContext context = SimContext.current().orElseThrow();
                context.faultConfigured("net.drop");
                context.faultFired("net.drop");
                context.faultFired("net.drop");
                if (odd) {
                    context.faultConfigured("net.duplicate");
                }
                sim.reachable("ran");
            }));
        }
        return summary;
    }

    @Test
    void theSummaryTotalsEachFaultKindAndWarnsOfTheConfiguredKindsThatNoSeedFired() {
        SweepSummary summary = sweep();
        assertEquals(List.of(new FaultRecord("net.drop", true, 20), new FaultRecord("net.duplicate", true, 0)),
                summary.faults());
        assertEquals(List.of(new FaultRecord("net.duplicate", true, 0)), summary.inertFaults());
        assertEquals(5, summary.configuredIn("net.duplicate"));
        assertEquals(10, summary.configuredIn("net.drop"));
        assertEquals("probes: all 1 satisfied over 10 seeds\n"
                + "faults fired over 10 seeds: net.drop=20 net.duplicate=0", summary.summary(10));
        assertEquals(List.of("1 configured fault kind(s) never fired in any of 10 seeds; the sweep tested less than it"
                + " configured:\n"
                + "  fault 'net.duplicate' was configured in 5 of 10 seeds and never fired"), summary.warnings(10));
        assertEquals(List.of(), summary.missedFaults(), "no fault kind was expected");
    }

    @Test
    void expectedFaultKindsThatNoSeedFiredAreMissedConfiguredOrNot() {
        SweepSummary summary = sweep("net.drop", "net.duplicate", "host.crash");
        assertEquals(List.of("net.duplicate", "host.crash"),
                summary.missedFaults().stream().map(FaultRecord::name).toList());
        FaultRecord crash = summary.faults().stream().filter(f -> f.name().equals("host.crash")).findFirst()
                .orElseThrow();
        assertEquals("fault 'host.crash' was never configured and never fired (expected)", summary.describe(crash, 10));
        assertTrue(summary.warnings(10).getFirst().contains("  fault 'net.duplicate' was configured in 5 of 10 seeds"
                + " and never fired (expected)"), summary.warnings(10).toString());
    }

    @Test
    void aSweepWithoutFaultsReportsOnlyItsProbes() {
        SweepSummary summary = new SweepSummary();
        summary.add(Simulation.ofSeed(1).run(sim -> sim.reachable("ran")));
        assertEquals("probes: all 1 satisfied over 1 seeds", summary.summary(1));
        assertEquals(List.of(), summary.warnings(1));
        assertEquals("", new SweepSummary().summary(0));
    }
}
