package dev.heddle.junit.fuzz;

import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Seeds {@code first} to {@code last}, both run; a summary lists a test's as few of these as cover its seeds. */
record SeedRange(long first, long last) {

    /** {@code ranges} sorted and joined where they touch or overlap. */
    static List<SeedRange> coalesce(List<SeedRange> ranges) {
        List<SeedRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(SeedRange::first, Long::compareUnsigned));
        List<SeedRange> joined = new ArrayList<>();
        for (SeedRange r : sorted) {
            SeedRange previous = joined.isEmpty() ? null : joined.getLast();
            if (previous != null && Long.compareUnsigned(r.first, previous.last + 1) <= 0) {
                joined.set(joined.size() - 1, new SeedRange(previous.first,
                        Long.compareUnsigned(r.last, previous.last) > 0 ? r.last : previous.last));
            } else {
                joined.add(r);
            }
        }
        return joined;
    }

    List<String> text() {
        return List.of(Simulation.hex(first), Simulation.hex(last));
    }
}
