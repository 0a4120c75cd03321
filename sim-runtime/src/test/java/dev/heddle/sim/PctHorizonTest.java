package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.internal.PctHorizon;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PctHorizon}: the horizon a sweep's PCT runs use, estimated from the runs' steps or as set. */
class PctHorizonTest {

    private static RunConfiguration pct(long horizon) {
        return Simulation.ofSeed(0).strategy(Strategy.PCT).pctHorizon(horizon).configuration();
    }

    private static final RunConfiguration RANDOM = Simulation.ofSeed(0).configuration();

    @Test
    void anEstimateStartsAtTheFirstEstimateThenFollowsTheLongestRunOfAnyStrategy() {
        PctHorizon h = PctHorizon.estimated();
        assertEquals(PctHorizon.FIRST_ESTIMATE, h.forNextRun());
        h.ran(pct(h.forNextRun()), 40);
        assertEquals(40, h.forNextRun());
        h.ran(RANDOM, 70);
        assertEquals(70, h.forNextRun());
        h.ran(pct(h.forNextRun()), 30);
        assertEquals(70, h.forNextRun());
        assertEquals("PCT horizon: estimated from the runs' steps, 70 steps at the last PCT run (the most steps a run"
                + " before it took; 16 before any run), over 2 PCT runs", h.summary());
        assertEquals(List.of(), h.warnings(), "an estimate grows with the runs");
    }

    @Test
    void aSetHorizonIsKeptAndRunsLongerThanItAreWarnedAbout() {
        PctHorizon h = PctHorizon.fixed(10);
        h.ran(pct(10), 8);
        h.ran(pct(10), 50);
        assertEquals(10, h.forNextRun());
        assertEquals("PCT horizon: 10 steps, as set, over 2 PCT runs", h.summary());
        assertEquals(List.of("1 of 2 PCT runs took more steps than the PCT horizon of 10 (up to 50): PCT puts no"
                + " change point after step 10, so it explored the rest of those runs only as depth 1 does; set"
                + " pctHorizon to about 50, or leave it unset to estimate it from the runs"), h.warnings());
        assertEquals("pctHorizon must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> PctHorizon.fixed(0)).getMessage());
    }

    @Test
    void aHorizonFarAboveMostRunsIsWarnedAbout() {
        PctHorizon set = PctHorizon.fixed(1_000);
        set.ran(pct(1_000), 50);
        set.ran(pct(1_000), 57);
        assertEquals(List.of("2 of 2 PCT runs took under a quarter of their PCT horizon (the longest of them 57"
                + " steps, the horizon 1000), so most change points fell after they ended and PCT found less than it"
                + " could: set pctHorizon to about 57, or leave it unset to estimate it from the runs"),
                set.warnings());

        PctHorizon estimated = PctHorizon.estimated();
        estimated.ran(RANDOM, 400);
        for (int i = 0; i < 3; i++) {
            estimated.ran(pct(estimated.forNextRun()), 20);
        }
        assertTrue(estimated.warnings().getFirst().startsWith("3 of 3 PCT runs took under a quarter of their PCT"
                + " horizon (the longest of them 20 steps, the horizon up to 400)"), estimated.warnings().toString());
    }

    @Test
    void noPctRunNoSummary() {
        PctHorizon h = PctHorizon.estimated();
        h.ran(RANDOM, 5);
        assertEquals("", h.summary());
        assertEquals(List.of(), h.warnings());
    }

    /**
     * The reason for the estimate: a lost update in a run of about ten steps, swept over 200
     * seeds at PCT depth 2, with the horizon estimated and with 1,000 steps.
     */
    @Test
    void anEstimatedHorizonFindsAShortRunsBugFarMoreOftenThanOneThousandSteps() {
        int estimated = 0;
        int thousand = 0;
        PctHorizon h = PctHorizon.estimated();
        for (long seed = 0; seed < 200; seed++) {
            Simulation s = Simulation.ofSeed(seed).strategy(Strategy.PCT).pctDepth(2).pctHorizon(h.forNextRun());
            try {
                h.ran(s.configuration(), s.run(PctHorizonTest::lostUpdate).steps());
            } catch (SimulationFailure f) {
                estimated++;
            }
            try {
                Simulation.ofSeed(seed).strategy(Strategy.PCT).pctDepth(2).pctHorizon(1_000)
                        .run(PctHorizonTest::lostUpdate);
            } catch (SimulationFailure f) {
                thousand++;
            }
        }
        assertTrue(estimated >= 10 && estimated >= 5 * thousand, "estimated: " + estimated + ", 1000: " + thousand);
    }

    private static void lostUpdate(Sim sim) {
        int[] x = {0};
        JoinHandle<Void> a = sim.spawn(() -> {
            int v = x[0];
            Heddle.yieldNow();
            x[0] = v + 1;
        });
        JoinHandle<Void> b = sim.spawn(() -> {
            int v = x[0];
            Heddle.yieldNow();
            x[0] = v + 1;
        });
        a.join();
        b.join();
        assertEquals(2, x[0], "lost update");
    }
}
