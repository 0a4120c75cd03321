package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Sim;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed that fails a sweep is saved in the test class's regression file, which the failure
 * names, and runs before the sweep on every later run, under the settings it failed with; the
 * file is read back line by line, with a clear message for a line that is not a seed.
 */
class SimTestRegressionSeedsTest {
    /** The seeds on which {@link Samples} fail; the tests set them. */
    static final Set<Long> FAILING = ConcurrentHashMap.newKeySet();
    /** The seeds {@link Samples} ran, in order. */
    static final List<Long> RAN = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        static void failOnChosenSeeds(Sim sim) {
            RAN.add(sim.seed());
            if (FAILING.contains(sim.seed())) {
                throw new IllegalStateException("planted failure on seed " + sim.seed());
            }
        }

        @SimTest(seeds = 10, strategy = Strategy.RANDOM)
        void sweep(Sim sim) {
            failOnChosenSeeds(sim);
        }

        @SimTest(seeds = 10, strategy = Strategy.PORTFOLIO)
        void portfolio(Sim sim) {
            failOnChosenSeeds(sim);
        }
    }

    /** The build's setting (none, for Heddle's own suite), restored after each test. */
    private String buildsRegressionDir;

    @BeforeEach
    void regressionsInATemporaryFolder() {
        buildsRegressionDir = System.getProperty(RegressionSeeds.DIRECTORY_PROPERTY);
        System.setProperty(RegressionSeeds.DIRECTORY_PROPERTY, folder.toString());
        FAILING.clear();
        RAN.clear();
    }

    @AfterEach
    void restoreProperties() {
        List.of("heddle.firstSeed", "heddle.seed").forEach(System::clearProperty);
        if (buildsRegressionDir == null) {
            System.clearProperty(RegressionSeeds.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(RegressionSeeds.DIRECTORY_PROPERTY, buildsRegressionDir);
        }
    }

    private Path file() {
        return folder.resolve(Samples.class.getName() + ".seeds");
    }

    @Test
    void aFailingSeedIsSavedAndReplayedFirstFromThenOn() throws IOException {
        FAILING.add(3L);
        SimulationFailure found = failure("sweep");
        assertTrue(found.getMessage().contains("\nregression seed: saved in " + file()), found.getMessage());
        List<String> lines = Files.readAllLines(file());
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("# Seeds that failed " + Samples.class.getName()), lines.get(0));
        assertTrue(lines.get(1).startsWith("sweep 0x3 # TASK_FAILED"), lines.get(1));

        // A later sweep starts elsewhere and would pass, but the saved seed runs first and fails it.
        System.setProperty("heddle.firstSeed", "100");
        RAN.clear();
        SimulationFailure again = failure("sweep");
        assertEquals(3L, again.seed());
        assertEquals(Set.of(3L), Set.copyOf(RAN), "the saved seed runs before any seed of the sweep (and once more"
                + " for the failure's schedule)");
        assertTrue(again.getMessage().contains("regression seed: saved in " + file() + " line 2, replayed before"
                + " the sweep"), again.getMessage());
        assertEquals(2, Files.readAllLines(file()).size(), "a replayed regression seed is not saved twice");

        // Fixed: the saved seed passes, then the sweep runs, and the log says so.
        FAILING.clear();
        RAN.clear();
        SampleRun fixed = SampleRun.of(Samples.class, "sweep");
        assertTrue(fixed.passed(), fixed.log());
        assertEquals(3L, RAN.getFirst());
        assertEquals(11, RAN.size(), RAN.toString());
        assertTrue(fixed.log().contains("SimTestRegressionSeedsTest$Samples#sweep replayed 1 regression seed from "
                + file() + " before the sweep"), fixed.log());
    }

    @Test
    void aPortfolioSeedIsSavedWithTheStrategyItRanAndReplaysUnderIt() throws IOException {
        FAILING.add(5L); // 5 & 3 == 1: the portfolio runs PCT with depth 1 on it
        SimulationFailure found = failure("portfolio");
        String line = Files.readAllLines(file()).get(1);
        assertTrue(line.startsWith("portfolio 0x5 -Dheddle.strategy=PCT "), line);

        System.setProperty("heddle.firstSeed", "100");
        SimulationFailure again = failure("portfolio");
        assertEquals(found.rerunCommand(), again.rerunCommand(), "the saved seed runs as it failed");
        assertEquals(found.traceHash(), again.traceHash());
    }

    @Test
    void aRerunOfOneSeedRunsNoRegressionSeeds() {
        FAILING.add(3L);
        failure("sweep");
        System.setProperty("heddle.seed", "0x4");
        RAN.clear();
        assertTrue(SampleRun.of(Samples.class, "sweep").passed());
        assertEquals(List.of(4L), RAN);
    }

    @Test
    void noneKeepsNoRegressionSeeds() {
        System.setProperty(RegressionSeeds.DIRECTORY_PROPERTY, "none");
        FAILING.add(3L);
        SimulationFailure f = failure("sweep");
        assertFalse(f.getMessage().contains("regression seed"), f.getMessage());
        assertFalse(Files.exists(file()));
    }

    @Test
    void aLineThatIsNotASeedIsNamedWithItsNumber() throws IOException {
        Files.writeString(file(), "# saved\nsweep 0x3\nsweep three\n");
        Throwable bad = SampleRun.of(Samples.class, "sweep").failure();
        assertInstanceOf(IllegalArgumentException.class, bad);
        assertEquals(file() + ":3: expected a seed (0x2a or 42) after the method, not 'three' in the regression"
                + " seed line 'sweep three'; the lines read METHOD SEED [-Dheddle.NAME=VALUE ...] [# comment]: fix or"
                + " delete the line", bad.getMessage());
    }

    private static SimulationFailure failure(String method) {
        return assertInstanceOf(SimulationFailure.class, SampleRun.of(Samples.class, method).failure());
    }
}
