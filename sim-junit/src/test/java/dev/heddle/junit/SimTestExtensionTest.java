package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.internal.BuildTool;
import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class SimTestExtensionTest {
    static final List<Long> SEEDS_SEEN = new ArrayList<>();
    static final AtomicInteger RUNS = new AtomicInteger();

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        @SimTest(seeds = 25)
        void passes(Sim sim) {
            SEEDS_SEEN.add(sim.seed());
            sim.spawn(Heddle::yieldNow).join();
        }

        /** RANDOM, so that the first failing seed and its rerun command are the ones these tests expect. */
        @SimTest(strategy = Strategy.RANDOM)
        void losesAnUpdate(Sim sim) {
            int[] value = {0};
            var a = sim.spawn(() -> {
                int v = value[0];
                Heddle.yieldNow();
                value[0] = v + 1;
            });
            var b = sim.spawn(() -> {
                int v = value[0];
                Heddle.yieldNow();
                value[0] = v + 1;
            });
            a.join();
            b.join();
            RUNS.incrementAndGet();
            SEEDS_SEEN.add(sim.seed());
            assertEquals(2, value[0], "lost update");
        }

        @SimTest(seed = "0x2a")
        void pinned(Sim sim) {
            SEEDS_SEEN.add(sim.seed());
        }
    }

    @AfterEach
    void reset() {
        SEEDS_SEEN.clear();
        RUNS.set(0);
        System.clearProperty("heddle.seed");
        System.clearProperty("heddle.seeds");
        System.clearProperty("heddle.firstSeed");
        System.clearProperty("heddle.duration");
        System.clearProperty(SeedFile.DIRECTORY_PROPERTY);
        System.clearProperty(BuildTool.GRADLE_WORKER_PROPERTY);
    }

    private static EngineExecutionResults run(String method) {
        return SampleRun.of(Samples.class, method).results();
    }

    @Test
    void runsOncePerSeedAsOneTest() {
        run("passes").testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertEquals(25, SEEDS_SEEN.size());
        assertEquals(0L, SEEDS_SEEN.getFirst());
        assertEquals(24L, SEEDS_SEEN.getLast());
    }

    @Test
    void aFailingSeedStopsTheSweepWithTheSeedAndTheRerunCommand() throws Exception {
        EngineExecutionResults results = run("losesAnUpdate");
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        String message = failure.getMessage();
        assertTrue(message.startsWith("seed=0x"), message);
        assertTrue(message.contains("lost update"), message);
        String seed = message.substring("seed=".length(), message.indexOf(' '));
        assertTrue(message.endsWith("\nrerun: mvn test -Dtest='SimTestExtensionTest$Samples#losesAnUpdate' -Dheddle.seed="
                + seed + " -Dsurefire.failIfNoSpecifiedTests=false"), message);
        Path seedFile = Path.of("target", "heddle", "SimTestExtensionTest$Samples#losesAnUpdate.seed");
        assertEquals(seed, Files.readString(seedFile).strip(), "the last seed started is on disk");

        RUNS.set(0);
        SEEDS_SEEN.clear();
        System.setProperty("heddle.seed", seed);
        EngineExecutionResults rerun = run("losesAnUpdate");
        rerun.testEvents().assertStatistics(s -> s.started(1).failed(1));
        long seedValue = dev.heddle.sim.Simulation.parseSeed(seed);
        assertEquals(List.of(seedValue, seedValue), SEEDS_SEEN, "heddle.seed reruns exactly one seed, which fails and"
                + " is replayed once for the schedule its report ends with");
        assertEquals(2, RUNS.get());
        String again = rerun.testEvents().failed().stream().findFirst().map(Event::getPayload).orElseThrow()
                .map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable().orElseThrow().getMessage())
                .orElseThrow();
        assertEquals(message, again, "the rerun fails the same way");
    }

    @Test
    void inAGradleTestWorkerTheRerunCommandIsGradles() throws Exception {
        System.setProperty(BuildTool.GRADLE_WORKER_PROPERTY, "1");   // what Gradle sets in its test JVMs
        String message = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        String seed = message.substring("seed=".length(), message.indexOf(' '));
        assertTrue(message.endsWith("\nrerun: ./gradlew test"
                + " --tests 'dev.heddle.junit.SimTestExtensionTest$Samples.losesAnUpdate' -Dheddle.seed=" + seed),
                message);

        System.clearProperty(BuildTool.GRADLE_WORKER_PROPERTY);
        assertTrue(SampleRun.of(Samples.class, "losesAnUpdate").failureMessage().contains("\nrerun: mvn test "),
                "outside Gradle the command is Maven's again");
    }

    @Test
    void heddleSeedDirMovesTheSeedFile(@TempDir Path dir) throws Exception {
        Path seeds = dir.resolve("build").resolve("heddle");
        System.setProperty(SeedFile.DIRECTORY_PROPERTY, seeds.toString());
        String message = SampleRun.of(Samples.class, "losesAnUpdate").failureMessage();
        String seed = message.substring("seed=".length(), message.indexOf(' '));
        assertEquals(seed, Files.readString(seeds.resolve("SimTestExtensionTest$Samples#losesAnUpdate.seed")).strip(),
                "the folder is created and holds the last seed started");
    }

    @Test
    void anUnwritableSeedDirFailsNamingTheFolderAndTheProperty(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
        System.setProperty(SeedFile.DIRECTORY_PROPERTY, notAFolder.toString());
        String message = SampleRun.of(Samples.class, "passes").failureMessage();
        assertTrue(message.contains(notAFolder.toString()) && message.contains("-Dheddle.seedDir="), message);
    }

    @Test
    void heddleSeedsOverridesTheCountAndAFixedSeedRunsAlone() {
        System.setProperty("heddle.seeds", "7");
        run("passes").testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals(7, SEEDS_SEEN.size());
        SEEDS_SEEN.clear();
        run("pinned").testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals(List.of(42L), SEEDS_SEEN);
    }

    @Test
    void heddleFirstSeedMovesTheSweepAndRandomSaysWhereItStarted() {
        System.setProperty("heddle.seeds", "3");
        System.setProperty("heddle.firstSeed", "0x10");
        run("passes").testEvents().assertStatistics(s -> s.succeeded(1));
        assertEquals(List.of(16L, 17L, 18L), SEEDS_SEEN);
        SEEDS_SEEN.clear();
        System.setProperty("heddle.firstSeed", "random");
        SampleRun random = SampleRun.of(Samples.class, "passes");
        assertTrue(random.passed(), random.output());
        assertEquals(3, SEEDS_SEEN.size());
        long first = SEEDS_SEEN.getFirst();
        assertEquals(List.of(first, first + 1, first + 2), SEEDS_SEEN);
        assertTrue(random.log().contains("starts at the random seed " + Simulation.hex(first)
                + "; -Dheddle.firstSeed=" + Simulation.hex(first) + " runs the same seeds again"), random.output());
    }

    @Test
    void aPassingSweepSaysHowManySeedsItRanAndAFailingOneDoesNot() {
        System.setProperty("heddle.seeds", "7");
        SampleRun passing = SampleRun.of(Samples.class, "passes");
        assertTrue(passing.passed(), passing.output());
        assertTrue(passing.log().matches("INFO: SimTestExtensionTest\\$Samples#passes passed 7 seeds \\(0x0 to 0x6\\)"
                + " in \\d+\\.\\d s, \\d+ seeds/s\n"), passing.output());
        System.clearProperty("heddle.seeds");
        SampleRun failing = SampleRun.of(Samples.class, "losesAnUpdate");
        failing.failure();
        assertTrue(!failing.log().contains(" passed "), failing.output());
    }

    @Test
    void aDurationEndsASweepThatWouldNotEndAndNoSeedArrayIsMade() {
        // A billion billion seeds: a sweep that listed them first would die of heap exhaustion.
        System.setProperty("heddle.seeds", String.valueOf(Long.MAX_VALUE));
        System.setProperty("heddle.duration", "1ms");
        SampleRun run = SampleRun.of(Samples.class, "passes");
        assertTrue(run.passed(), run.output());
        assertTrue(!SEEDS_SEEN.isEmpty(), "at least one seed runs, whatever the budget");
        assertTrue(run.log().matches("(?s).*INFO: SimTestExtensionTest\\$Samples#passes passed " + SEEDS_SEEN.size()
                + " seeds \\(0x0 to " + Simulation.hex(SEEDS_SEEN.size() - 1L) + "\\) in \\d+\\.\\d s, \\d+ seeds/s\n.*"),
                run.output());
    }

    @Test
    void badStartsAndDurationsAreRejectedNamingTheValue() {
        System.setProperty("heddle.firstSeed", "soon");
        String message = SampleRun.of(Samples.class, "passes").failureMessage();
        assertTrue(message.contains("heddle.firstSeed") && message.contains("'soon'"), message);
        System.clearProperty("heddle.firstSeed");
        for (String bad : List.of("forever", "0s", "-5m")) {
            System.setProperty("heddle.duration", bad);
            message = SampleRun.of(Samples.class, "passes").failureMessage();
            assertTrue(message.contains("heddle.duration") && message.contains("'" + bad + "'"), message);
        }
    }

    @Test
    void aBadSeedCountIsRejectedNamingTheValue() {
        System.setProperty("heddle.seeds", "lots");
        EngineExecutionResults results = run("passes");
        String message = results.testEvents().failed().stream().findFirst().map(Event::getPayload).orElseThrow()
                .map(p -> ((org.junit.platform.engine.TestExecutionResult) p).getThrowable().orElseThrow().getMessage())
                .orElseThrow();
        assertTrue(message.contains("heddle.seeds") && message.contains("lots"), message);
    }
}
