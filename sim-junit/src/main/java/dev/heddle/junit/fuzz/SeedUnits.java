package dev.heddle.junit.fuzz;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ranges of seeds a fuzz run hands to its forks, one at a time to whichever fork is free:
 * this shard's blocks in order ({@link ShardSlice}), each block once per test, until every test
 * has its {@code --seeds} (or without end, for {@code --duration}). The seeds left of a range
 * whose fork crashed or hung come back first; a test that fails outside any seed gets no more.
 */
final class SeedUnits {
    private final List<FuzzTarget> targets;
    private final ShardSlice shard;
    private final long firstSeed;
    private final long seedsPerTest;
    private final Deque<SeedUnit> retries = new ArrayDeque<>();
    private final Set<FuzzTarget> dropped = new HashSet<>();
    private long block;
    private int target;

    /** {@code seedsPerTest} 0: no end. */
    SeedUnits(List<FuzzTarget> targets, ShardSlice shard, long firstSeed, long seedsPerTest) {
        this.targets = targets;
        this.shard = shard;
        this.firstSeed = firstSeed;
        this.seedsPerTest = seedsPerTest;
    }

    /** The next range, or null when every test has all its seeds. */
    synchronized SeedUnit next() {
        while (!retries.isEmpty()) {
            SeedUnit retry = retries.removeFirst();
            if (!dropped.contains(retry.target())) {
                return retry;
            }
        }
        while (seedsPerTest == 0 || block * ShardSlice.BLOCK < seedsPerTest) {
            FuzzTarget t = targets.get(target);
            long count = seedsPerTest == 0 ? ShardSlice.BLOCK
                    : Math.min(ShardSlice.BLOCK, seedsPerTest - block * ShardSlice.BLOCK);
            SeedUnit unit = new SeedUnit(t, firstSeed + shard.blockOffset(block), count);
            if (++target == targets.size()) {
                target = 0;
                block++;
            }
            if (!dropped.contains(t)) {
                return unit;
            }
            if (dropped.size() == targets.size()) {
                return null;
            }
        }
        return null;
    }

    /** Hands out {@code unit} again, before any new range. */
    synchronized void retry(SeedUnit unit) {
        if (unit.count() > 0) {
            retries.addFirst(unit);
        }
    }

    /** Hands out no more seeds of {@code target}. */
    synchronized void drop(FuzzTarget target) {
        dropped.add(target);
    }

    /** The seeds the run is to cover, or 0 when it has no end. */
    long total() {
        return seedsPerTest * targets.size();
    }
}
