package dev.heddle.junit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fuzz run did with one test: the seeds it ran (passed, failed, crashed or hung on), how many of them
 * it ran twice for the determinism check, which seeds those were, as ranges, and the faults the seeds
 * that passed fired, by kind ({@link FaultCounts}).
 */
record TestTally(String test, long seeds, long checkedTwice, List<SeedRange> ranges, Map<String, Long> faults) {

    /** Two runs' tallies of the same test, as one. */
    TestTally plus(TestTally other) {
        List<SeedRange> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new TestTally(test, seeds + other.seeds, checkedTwice + other.checkedTwice, SeedRange.coalesce(all),
                Map.copyOf(FaultCounts.sum(faults, other.faults)));
    }
}
