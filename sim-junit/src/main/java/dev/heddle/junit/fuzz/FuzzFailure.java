package dev.heddle.junit.fuzz;

import java.util.Comparator;

/**
 * One failing seed of a fuzz run, as the summary keeps it: the report itself is in its folder.
 *
 * @param test      {@code com.example.CounterTest#method}
 * @param seed      the seed as printed ({@code 0x2a}); empty for a test that failed outside any seed
 * @param kind      the simulator's {@link dev.heddle.sim.FailureKind}, or {@code CRASH} and {@code HANG} for a
 *                  fork that died or stopped making progress on this seed, or {@code BROKEN}
 * @param strategy  the strategy the seed ran ({@code PCT depth 2}), the one the portfolio chose under it
 * @param signature what tells one bug from another: the exception's type and top frames, or the kind
 * @param headline  the report's first line
 * @param folder    the failure's folder, relative to the run's output folder
 * @param rerun     the command that reruns the seed alone
 */
record FuzzFailure(String test, String seed, String kind, String strategy, String signature, String headline,
                   String folder, String rerun) {

    /** By test, then seed: the order of the summary, the same for any number of forks and shards. */
    static final Comparator<FuzzFailure> ORDER = Comparator.comparing(FuzzFailure::test)
            .thenComparing(f -> f.seed().isEmpty() ? 0 : Long.parseUnsignedLong(f.seed().substring(2), 16),
                    Long::compareUnsigned);

    /** Whether this is the built-in canary's failure, which the run expects. */
    boolean canary() {
        return test.startsWith(FuzzCanary.class.getName() + "#");
    }
}
