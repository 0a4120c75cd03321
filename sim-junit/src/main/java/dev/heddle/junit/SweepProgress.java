package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import java.util.Locale;

/**
 * What a long sweep says while it runs, on the {@code dev.heddle.junit} logger at {@code INFO}: the
 * seed it starts at when that was drawn at random (so that the same seeds can be run again), a line
 * every {@link #EVERY_NANOS} with the seeds run and the seeds per second, and a last line when
 * it passes, with how many seeds it ran and how fast.
 */
final class SweepProgress {
    static final long EVERY_NANOS = 10_000_000_000L;

    private final System.Logger log;
    private final String testId;
    private final SeedPlan plan;
    private final long startNanos = System.nanoTime();
    private long nextReport = startNanos + EVERY_NANOS;

    SweepProgress(System.Logger log, String testId, SeedPlan plan) {
        this.log = log;
        this.testId = testId;
        this.plan = plan;
        if (plan.randomFirst()) {
            log.log(System.Logger.Level.INFO, testId + " starts at the random seed " + Simulation.hex(plan.first())
                    + "; -Dheddle.firstSeed=" + Simulation.hex(plan.first()) + " runs the same seeds again");
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** {@code ran} seeds have passed, the last of them {@code seed}. */
    void ran(long ran, long seed) {
        long now = System.nanoTime();
        if (now - nextReport >= 0) {
            nextReport = now + EVERY_NANOS;
            log.log(System.Logger.Level.INFO, testId + " " + ran + " seeds passed in " + seconds(now - startNanos)
                    + " (" + rate(ran, now - startNanos) + "), the last " + Simulation.hex(seed));
        }
    }

    /** The sweep passed after {@code ran} seeds: a passing test says how many seeds it ran. */
    void passed(long ran) {
        long elapsed = elapsedNanos();
        log.log(System.Logger.Level.INFO, testId + " passed " + ran + " seeds (" + Simulation.hex(plan.first())
                + " to " + Simulation.hex(plan.seed(ran - 1)) + ") in " + seconds(elapsed) + ", " + rate(ran, elapsed));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String rate(long seeds, long nanos) {
        return String.format(Locale.ROOT, "%.0f seeds/s", seeds / Math.max(nanos / 1e9, 1e-9));
    }
}
