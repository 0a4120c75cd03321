package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Sim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep summary a {@link SimTest} sweep prints, and {@code expectedProbes}: unhit probes are
 * listed, and fail the test only when the test named them.
 */
class SimTestSweepSummaryTest {

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        /** Over seeds 0..19 a six is rolled by some seed, a seven by none. */
        static void roll(Sim sim) {
            int roll = sim.random().nextInt(6);
            sim.sometimes("rolled a six", roll == 5);
            sim.sometimes("rolled a seven", roll == 6);
            sim.always("roll in range", roll >= 0 && roll < 6);
            sim.reachable("rolled");
        }

        @SimTest(seeds = 20, expectedProbes = {"rolled a six", "rolled"})
        void hitsEveryExpectedProbe(Sim sim) {
            roll(sim);
        }

        @SimTest(seeds = 20, expectedProbes = {"rolled a six", "rolled a seven", "leader stepped down"})
        void missesTwoExpectedProbes(Sim sim) {
            roll(sim);
        }

        @SimTest(seeds = 5, expectedProbes = "roll in range")
        void expectsAnAlwaysProbe(Sim sim) {
            roll(sim);
        }
    }

    @AfterEach
    void reset() {
        System.clearProperty("heddle.seed");
    }

    @Test
    void unhitProbesThatTheTestDidNotNameAreListedAndDoNotFailIt() {
        SampleRun run = SampleRun.of(Samples.class, "hitsEveryExpectedProbe");
        assertTrue(run.passed(), run.output());
        assertEquals("INFO: SimTestSweepSummaryTest$Samples#hitsEveryExpectedProbe probes not satisfied by any of 20"
                + " seeds:\n"
                + "  sometimes(\"rolled a seven\") was met 20 times and never true\n", run.logBesidesThePassedLine());
        assertEquals("", run.out(), "the summary is logged, not printed");
    }

    @Test
    void expectedProbesThatNoSeedHitFailTheSweepEachNamedAndTheOneNeverExecutedToo() {
        SampleRun run = SampleRun.of(Samples.class, "missesTwoExpectedProbes");
        String summary = run.log();
        assertTrue(summary.contains("sometimes(\"rolled a seven\") was met 20 times and never true (expected)"),
                summary);
        assertTrue(summary.contains("reachable(\"leader stepped down\") was never reached (expected): no seed"
                + " executed"), summary);
        assertFalse(summary.contains("rolled a six"), "a six was rolled, so it is not listed: " + summary);

        String message = run.failureMessage();
        assertTrue(message.startsWith("SimTestSweepSummaryTest$Samples#missesTwoExpectedProbes: 2 of the probes"
                + " named in @SimTest(expectedProbes) were not satisfied by any of 20 seeds (0x0 to 0x13):\n"), message);
        assertTrue(message.contains("\n  sometimes(\"rolled a seven\") was met 20 times and never true (expected)\n"),
                message);
        assertTrue(message.contains("\n  reachable(\"leader stepped down\") was never reached (expected)"), message);
        assertFalse(message.contains("rolled a six"), message);
        assertTrue(message.contains("run more seeds (-Dheddle.seeds=N)"), message);
    }

    @Test
    void aOneSeedReplayListsMissedExpectedProbesWithoutFailingOnThem() {
        System.setProperty("heddle.seed", "0x3");
        SampleRun run = SampleRun.of(Samples.class, "missesTwoExpectedProbes");
        assertTrue(run.passed(), run.output());
        assertTrue(run.log().contains("probes not satisfied by any of 1 seeds:"), run.output());
        assertTrue(run.log().contains("reachable(\"leader stepped down\") was never reached (expected)"), run.output());
    }

    @Test
    void anAlwaysProbeCannotBeExpected() {
        String message = SampleRun.of(Samples.class, "expectsAnAlwaysProbe").failureMessage();
        assertEquals("probe 'roll in range' is expected to be hit, but the code uses it as ALWAYS;"
                + " expect only sometimes and reachable probes", message);
    }
}
