package dev.heddle.junit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork that dies on a seed, and one that stops making progress on a seed, are each recorded
 * with that seed, and the run goes on with a new fork for the seeds after it: every seed is run.
 * A seed that runs differently twice fails the determinism self-check, with the first event
 * where its runs part.
 */
class FuzzForkFailuresTest {

    /** Run by the fuzz runner's forks below, never on their own. */
    static class Samples {
        /** Seed 5 ends the JVM, as a crash or {@code System.exit} in the code under test would. */
        @SimTest(strategy = dev.heddle.sim.Strategy.RANDOM, rerunProperties = "shop.region")
        void crashesOnSeed5(Sim sim) {
            if (sim.seed() == 5) {
                Runtime.getRuntime().halt(13);
            }
        }

        private static final AtomicInteger RUNS_OF_SEED_3 = new AtomicInteger();

        /** Seed 3 spawns a task in every other run: something outside the seed (here a counter) decides. */
        @SimTest(strategy = dev.heddle.sim.Strategy.RANDOM)
        void nondeterministicOnSeed3(Sim sim) {
            if (sim.seed() == 3 && RUNS_OF_SEED_3.incrementAndGet() % 2 == 0) {
                sim.spawn(() -> { }).join();
            }
        }

        /** Seed 5 spins without a suspension point, long past the fork's bound on progress. */
        @SimTest(strategy = dev.heddle.sim.Strategy.RANDOM)
        void hangsOnSeed5(Sim sim) {
            while (sim.seed() == 5) {
                Thread.onSpinWait();
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void aCrashAHangAndANondeterministicSeedAreRecordedWithTheirSeedsAndTheRunGoesOn() throws Exception {
        Path out = dir.resolve("out");
        // The bound on progress is short so that the test is short; the hang is found by the fork finishing no seed
        // within it, the test waits for no time of its own.
        System.setProperty("shop.region", "eu west");
        FuzzRunner run;
        try {
            run = FuzzRunner.fuzz("--tests", Samples.class.getName(), "--seeds", "8", "--jobs", "1",
                    "--hang-after", "2s", "--determinism-sample", "100%", "--out", out.toString());
        } finally {
            System.clearProperty("shop.region");
        }
        assertEquals(1, run.code(), run.out() + run.err());

        FuzzSummary summary = FuzzSummary.read(out);
        String crash = Samples.class.getName() + "#crashesOnSeed5";
        String hang = Samples.class.getName() + "#hangsOnSeed5";
        String twice = Samples.class.getName() + "#nondeterministicOnSeed3";
        assertEquals(List.of(List.of(crash, "0x5", "CRASH", "CRASH: exit code 13"), List.of(hang, "0x5", "HANG", "HANG"),
                        List.of(twice, "0x3", "NONDETERMINISM", "NONDETERMINISM")),
                summary.failures().stream().map(f -> List.of(f.test(), f.seed(), f.kind(), f.signature())).toList());
        for (TestTally t : summary.tests()) {
            assertEquals(8, t.seeds(), t.toString());
            assertEquals(7, t.checkedTwice(), "every seed that passed ran twice");
            assertEquals(List.of(new SeedRange(0, 7)), t.ranges(), "the seeds after the lost one ran on a new fork");
        }
        FuzzFailure crashed = summary.failures().getFirst();
        assertEquals("RANDOM", crashed.strategy());
        assertEquals("mvn test -Dtest='FuzzForkFailuresTest$Samples#crashesOnSeed5' -Dheddle.seed=0x5"
                + " -Dshop.region='eu west' -Dsurefire.failIfNoSpecifiedTests=false", crashed.rerun(),
                "a crashed seed's rerun command, made by the runner, carries the test's own properties too");
        String report = Files.readString(out.resolve(crashed.folder()).resolve("report.txt"));
        assertTrue(report.contains("the fork crashed (exit code 13) while it ran seed 0x5 of " + crash), report);
        assertTrue(summary.failures().get(1).headline().contains("finished no seed for 2000 ms (--hang-after)"),
                summary.failures().get(1).headline());
        String hung = Files.readString(out.resolve(summary.failures().get(1).folder()).resolve("report.txt"));
        int stacks = hung.indexOf("the fork's threads when it was found hung:");
        assertTrue(stacks > 0 && hung.indexOf("hangsOnSeed5", stacks) > 0, "the report shows where it hung:\n" + hung);
        String mismatch = Files.readString(out.resolve(summary.failures().getLast().folder()).resolve("report.txt"));
        assertTrue(mismatch.contains("two runs of the same seed differ at event #"), mismatch);
        assertTrue(mismatch.contains("first run:") && mismatch.contains("second run:"), mismatch);
        assertTrue(run.out().contains("FAILED: 3 seeds fail, 3 signatures (one bug each):"), run.out());
    }
}
