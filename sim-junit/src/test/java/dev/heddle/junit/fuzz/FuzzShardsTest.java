package dev.heddle.junit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shards run disjoint seeds, and their merged summary is the summary of one run of all their
 * seeds: the same seeds per test, the same failures with the same strategies and rerun commands.
 */
class FuzzShardsTest {

    /** Run by the fuzz runner's forks below, never on their own. */
    static class Samples {
        /** Fires a fault of its own seed % 3 times; fails on one seed in 100, whatever the strategy. */
        @SimTest
        void failsOnSeedsEndingIn7(Sim sim) {
            SimContext context = SimContext.current().orElseThrow();
            context.faultConfigured("test.fault");
            for (long i = 0; i < sim.seed() % 3; i++) {
                context.faultFired("test.fault");
            }
            if (sim.seed() % 100 == 7) {
                throw new IllegalStateException("seed " + sim.seed() + " ends in 7");
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void twoShardsCoverDisjointSeedsAndMergeIntoTheUnshardedRun() throws Exception {
        String test = Samples.class.getName();
        int perShard = ShardSlice.BLOCK;
        // The three runs are independent (each its own fork and folder), so they run side by side.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<CompletableFuture<FuzzRunner>> runs = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            String[] args = {"--tests", test, "--seeds", Integer.toString(perShard), "--jobs", "1",
                "--shard", shard + "/2", "--out", dir.resolve("shard" + shard).toString()};
            runs.add(CompletableFuture.supplyAsync(() -> FuzzRunner.fuzz(args), pool));
        }
        String[] wholeArgs = {"--tests", test, "--seeds", Integer.toString(2 * perShard), "--jobs", "1",
            "--out", dir.resolve("whole").toString()};
        runs.add(CompletableFuture.supplyAsync(() -> FuzzRunner.fuzz(wholeArgs), pool));
        pool.shutdown();
        for (CompletableFuture<FuzzRunner> run : runs) {
            FuzzRunner done = run.join();
            assertEquals(1, done.code(), done.out() + done.err());
        }
        FuzzRunner merge = FuzzRunner.fuzz("merge", "--out", dir.resolve("merged").toString(),
                dir.resolve("shard0").toString(), dir.resolve("shard1").toString());
        assertEquals(1, merge.code(), merge.out() + merge.err());

        FuzzSummary shard0 = FuzzSummary.read(dir.resolve("shard0"));
        FuzzSummary shard1 = FuzzSummary.read(dir.resolve("shard1"));
        Set<Long> seen = new HashSet<>();
        for (FuzzSummary s : List.of(shard0, shard1)) {
            assertEquals(perShard, s.seeds());
            for (SeedRange r : s.tests().getFirst().ranges()) {
                for (long seed = r.first(); seed <= r.last(); seed++) {
                    assertTrue(seen.add(seed), "seed " + seed + " ran in both shards");
                }
            }
        }
        FuzzSummary unsharded = FuzzSummary.read(dir.resolve("whole"));
        FuzzSummary merged = FuzzSummary.read(dir.resolve("merged"));
        assertEquals(List.of(new SeedRange(0, 2 * ShardSlice.BLOCK - 1)), merged.tests().getFirst().ranges());
        assertEquals(unsharded.tests(), merged.tests());
        assertEquals(unsharded.failures(), merged.failures());
        assertEquals(List.of("0/2", "1/2"), merged.shards());
        assertEquals(List.of("0x7", "0x6b"), merged.failures().stream().map(FuzzFailure::seed).toList(),
                "seeds 7 (shard 0) and 107 (shard 1) of 0 to 127");
        assertEquals(1, merged.groups().size(), "one bug");
        assertFalse(shard0.failures().isEmpty() || shard1.failures().isEmpty());
        for (FuzzFailure f : merged.failures()) {
            assertTrue(Files.isRegularFile(dir.resolve("merged").resolve(f.folder()).resolve("report.txt")), f.folder());
        }
        assertTrue(merge.out().contains("FAILED: 2 seeds fail, 1 signature (one bug each):"), merge.out());
        // Seeds 0 to 127 fire seed % 3 faults each, 127 in all; the two that failed (7 and 107) count none.
        assertEquals(Map.of("test.fault", 124L), merged.tests().getFirst().faults());
        assertTrue(merge.out().contains("faults fired in the seeds that passed, " + test
                + "#failsOnSeedsEndingIn7: test.fault=124"), merge.out());
    }
}
