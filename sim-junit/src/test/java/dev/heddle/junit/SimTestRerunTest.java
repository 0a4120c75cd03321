package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link SimTest} failure's rerun command replays it: the system properties it names, set
 * as the command sets them, make the run of its seed alone fail the same way with the same
 * trace hash, under an estimated PCT horizon, the portfolio, a strategy from
 * {@code heddle.strategy} and the annotation's own settings. And the sweep says which PCT
 * horizon it used.
 */
class SimTestRerunTest {
    private static final List<String> PROPERTIES = List.of("heddle.seed", "heddle.strategy", "heddle.pctDepth",
            "heddle.pctHorizon", "heddle.spuriousWakeups");
    private static final Pattern PROPERTY = Pattern.compile(" -D(heddle\\.\\w+)=(\\S+)");

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        /** Two tasks add 1 three times each, reading, yielding and writing: a lost update. */
        static void lostUpdate(Sim sim) {
            int[] x = {0};
            List<JoinHandle<Void>> hs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                hs.add(sim.spawn(() -> {
                    for (int i = 0; i < 3; i++) {
                        int v = x[0];
                        Heddle.yieldNow();
                        x[0] = v + 1;
                    }
                }));
            }
            hs.forEach(JoinHandle::join);
            assertEquals(6, x[0], "lost update");
        }

        /** Seed 2 passes, with the first run's horizon; a later one fails, with an estimated horizon. */
        @SimTest(seeds = 200, firstSeed = 2, strategy = Strategy.PCT, pctDepth = 2)
        void estimatedHorizon(Sim sim) {
            lostUpdate(sim);
        }

        @SimTest(seeds = 200, strategy = Strategy.PCT, pctDepth = 3, pctHorizon = 25)
        void setHorizon(Sim sim) {
            lostUpdate(sim);
        }

        @SimTest(seeds = 200, firstSeed = 1, strategy = Strategy.PORTFOLIO)
        void portfolio(Sim sim) {
            lostUpdate(sim);
        }

        @SimTest(seeds = 200, strategy = Strategy.PORTFOLIO)
        void portfolioFromSeedZero(Sim sim) {
            lostUpdate(sim);
        }

        @SimTest(seeds = 200)
        void strategyFromTheCommandLine(Sim sim) {
            lostUpdate(sim);
        }

        @SimTest(seeds = 200, strategy = Strategy.RANDOM, swarm = true, buggify = 0.5, maxSteps = 5_000, workers = 2)
        void annotationSettings(Sim sim) {
            lostUpdate(sim);
        }

        /** Two tasks that yield: about ten steps. */
        static void shortRun(Sim sim) {
            sim.spawn(Heddle::yieldNow).join();
            sim.spawn(Heddle::yieldNow).join();
        }

        @SimTest(seeds = 8, strategy = Strategy.PCT)
        void shortRunsEstimated(Sim sim) {
            shortRun(sim);
        }

        @SimTest(seeds = 8, strategy = Strategy.PCT, pctHorizon = 1_000)
        void shortRunsUnderALongHorizon(Sim sim) {
            shortRun(sim);
        }

        @SimTest(seeds = 8, strategy = Strategy.PORTFOLIO)
        void shortRunsOfAPortfolio(Sim sim) {
            shortRun(sim);
        }

        /** A test with a switch of its own, as a planted bug is: the lost update only when it is set. */
        @SimTest(seeds = 200, rerunProperties = {"shop.bug", "shop.unset"})
        void ownSwitch(Sim sim) {
            if (System.getProperty("shop.bug") != null) {
                lostUpdate(sim);
            } else {
                shortRun(sim);
            }
        }

        @SimTest(seeds = 1, rerunProperties = "shop bug")
        void badRerunProperty(Sim sim) {
            shortRun(sim);
        }
    }

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void anEstimatedHorizonIsInTheRerunCommandAndReplays() {
        SimulationFailure f = failure("estimatedHorizon");
        String command = f.rerunCommand();
        assertTrue(command.contains(" -Dheddle.pctHorizon=" + f.configuration().pctHorizon() + " "), command);
        assertEquals(List.of("heddle.seed", "heddle.pctHorizon"), List.copyOf(properties(command).keySet()), command);
        assertReplays("estimatedHorizon", f);
    }

    @Test
    void aSetHorizonNeedsNoProperty() {
        SimulationFailure f = failure("setHorizon");
        assertEquals(25, f.configuration().pctHorizon());
        assertEquals(List.of("heddle.seed"), List.copyOf(properties(f.rerunCommand()).keySet()), f.rerunCommand());
        assertReplays("setHorizon", f);
    }

    @Test
    void aPortfolioFailureNamesTheStrategyItsSeedRan() {
        SimulationFailure f = failure("portfolio");
        assertEquals(Strategy.PCT, f.configuration().strategy(), f.rerunCommand());
        assertTrue(f.rerunCommand().contains(" -Dheddle.strategy=PCT "), f.rerunCommand());
        assertReplays("portfolio", f);
    }

    @Test
    void aPortfolioSeedThatRanRandomNeedsAndNamesNothingButTheSeed() {
        SimulationFailure f = failure("portfolioFromSeedZero");
        assertEquals(Strategy.RANDOM, f.configuration().strategy(), f.rerunCommand());
        assertEquals(List.of("heddle.seed"), List.copyOf(properties(f.rerunCommand()).keySet()), f.rerunCommand());
        assertReplays("portfolioFromSeedZero", f);
    }

    @Test
    void aStrategyFromTheCommandLineIsInTheRerunCommand() {
        System.setProperty("heddle.strategy", "pct");
        System.setProperty("heddle.pctDepth", "2");
        SimulationFailure f = failure("strategyFromTheCommandLine");
        clearProperties();
        assertTrue(f.rerunCommand().contains(" -Dheddle.strategy=PCT -Dheddle.pctDepth=2 -Dheddle.pctHorizon="),
                f.rerunCommand());
        assertReplays("strategyFromTheCommandLine", f);
    }

    @Test
    void theAnnotationsOwnSettingsNeedNoProperty() {
        SimulationFailure f = failure("annotationSettings");
        assertEquals(List.of("heddle.seed"), List.copyOf(properties(f.rerunCommand()).keySet()), f.rerunCommand());
        assertEquals(2, f.configuration().workers());
        assertReplays("annotationSettings", f);
    }

    @Test
    void badPctPropertiesAreRejectedNamingTheValue() {
        System.setProperty("heddle.pctHorizon", "lots");
        assertEquals("heddle.pctHorizon must be a whole number, was 'lots'",
                SampleRun.of(Samples.class, "shortRunsEstimated").failureMessage());
        System.setProperty("heddle.pctHorizon", "0");
        assertEquals("pctHorizon must be at least 1, was 0",
                SampleRun.of(Samples.class, "shortRunsEstimated").failureMessage());
        clearProperties();
        System.setProperty("heddle.pctDepth", "99999999999");
        assertEquals("heddle.pctDepth must be a whole number, was '99999999999'",
                SampleRun.of(Samples.class, "shortRunsEstimated").failureMessage());
        clearProperties();
        System.setProperty("heddle.spuriousWakeups", "maybe");
        assertEquals("heddle.spuriousWakeups must be true or false, was 'maybe'",
                SampleRun.of(Samples.class, "shortRunsEstimated").failureMessage());
    }

    @Test
    void theSweepSummarySaysWhichHorizonItUsedAndWarnsWhenItFitsNoRunUnlessNoOneChosePct() {
        SampleRun estimated = SampleRun.of(Samples.class, "shortRunsEstimated");
        assertTrue(estimated.passed(), estimated.output());
        assertTrue(estimated.log().contains("PCT horizon: estimated from the runs' steps, "), estimated.output());
        assertTrue(!estimated.log().contains("WARNING"), estimated.output());

        SampleRun set = SampleRun.of(Samples.class, "shortRunsUnderALongHorizon");
        assertTrue(set.passed(), set.output());
        assertTrue(set.log().contains("PCT horizon: 1000 steps, as set, over 8 PCT runs"), set.output());
        assertTrue(set.log().contains("WARNING: SimTestRerunTest$Samples#shortRunsUnderALongHorizon 8 of 8 PCT runs"
                + " took under a quarter of their PCT horizon"), set.output());

        SampleRun portfolio = SampleRun.of(Samples.class, "shortRunsOfAPortfolio");
        assertTrue(portfolio.passed(), portfolio.output());
        assertEquals("", portfolio.logBesidesThePassedLine(), "a portfolio left to estimate its horizon reports nothing of it");
    }

    @Test
    void theTestsOwnPropertiesItNamesAreInTheRerunCommandQuotedForTheShell() throws Exception {
        assertTrue(SampleRun.of(Samples.class, "ownSwitch").passed(), "without its switch the sample passes");
        System.setProperty("shop.bug", "it's on");
        SimulationFailure f;
        try {
            f = failure("ownSwitch");
        } finally {
            System.clearProperty("shop.bug");
        }
        String option = " -Dshop.bug='it'\\''s on' ";
        assertTrue(f.rerunCommand().contains(option), f.rerunCommand());
        assertTrue(!f.rerunCommand().contains("shop.unset"), "a property not set is left out: " + f.rerunCommand());
        Process shell = new ProcessBuilder("sh", "-c", "printf %s" + option).redirectErrorStream(true).start();
        assertEquals("-Dshop.bug=it's on", new String(shell.getInputStream().readAllBytes()), "what a shell makes of it");
        assertEquals(0, shell.waitFor());
    }

    @Test
    void aRerunPropertyThatIsNoNameIsRejected() {
        assertEquals("@SimTest(rerunProperties) names 'shop bug', which is no system property name: give names such"
                + " as \"shop.cache\", without spaces, '=', quotes or '$'",
                SampleRun.of(Samples.class, "badRerunProperty").failureMessage());
    }

    private static SimulationFailure failure(String sample) {
        Throwable t = SampleRun.of(Samples.class, sample).failure();
        if (t instanceof SimulationFailure f) {
            return f;
        }
        throw new AssertionError(sample + " failed, but not in a run", t);
    }

    /** The {@code heddle.*} properties a rerun command sets, in its order. */
    private static Map<String, String> properties(String command) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher m = PROPERTY.matcher(command);
        while (m.find()) {
            properties.put(m.group(1), m.group(2));
        }
        return properties;
    }

    /**
     * Runs the sample again as its failure's rerun command says (its properties set, none
     * other), and then with the seed alone: the first is the same run, and when the command
     * names more than the seed, the second is not.
     */
    private static void assertReplays(String sample, SimulationFailure f) {
        Map<String, String> properties = properties(f.rerunCommand());
        properties.forEach(System::setProperty);
        SimulationFailure again = failure(sample);
        assertEquals(f.configuration(), again.configuration(), f.rerunCommand());
        assertEquals(f.kind(), again.kind(), f.rerunCommand());
        assertEquals(f.traceHash(), again.traceHash(), f.rerunCommand());
        assertEquals(f.getMessage(), again.getMessage());
        if (properties.size() > 1) {
            PROPERTIES.forEach(System::clearProperty);
            System.setProperty("heddle.seed", properties.get("heddle.seed"));
            SampleRun seedAlone = SampleRun.of(Samples.class, sample);
            String outcome = seedAlone.passed() ? "passed" : String.valueOf(((SimulationFailure) seedAlone.failure())
                    .traceHash());
            assertNotEquals(String.valueOf(f.traceHash()), outcome, "the seed alone replays " + f.rerunCommand()
                    + ", so its properties test nothing");
        }
        PROPERTIES.forEach(System::clearProperty);
    }
}
