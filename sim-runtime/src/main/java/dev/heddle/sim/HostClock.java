package dev.heddle.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated host's clock differs from true (virtual) time: its {@code offset}, by which
 * it is ahead at virtual time 0 (behind when negative), and its {@code driftPpm}, the parts per
 * million by which it runs fast (slow when negative). At true time {@code t} the host reads
 * {@code offset + t * (1 + driftPpm / 1e6)}, in {@code Heddle.now()} as in
 * {@code Heddle.clock().instant()}; its sleeps and timeouts last that long on its own clock,
 * so a host whose clock runs fast wakes early in true time. A restart keeps the clock: it is
 * the machine's, not the process's.
 *
 * <pre>{@code
 * sim.host("db-1", new HostClock(Duration.ofMillis(-250), 50), self -> serve(self));
 * }</pre>
 * A host started without one gets a clock drawn from the seed ({@link Simulation#clockSkew}).
 *
 * @param offset how far the host's clock is ahead of true time at virtual time 0; within
 *     {@link #MAX_OFFSET} either way
 * @param driftPpm how much faster than true time it runs, in parts per million; finite and
 *     within {@link #MAX_DRIFT_PPM} either way, so that it always moves forward
 */
public record HostClock(Duration offset, double driftPpm) {
    /**
     * The largest offset, either way: a hundred years, enough for any wrong wall clock, and far
     * from the 292 years at which a clock of nanoseconds in a {@code long} overflows.
     */
    public static final Duration MAX_OFFSET = Duration.ofDays(36_500);

    /**
     * The largest drift, either way: 10%. Quartz clocks drift by tens of ppm and NTP gives up
     * beyond 500; larger values exaggerate drift to find bugs sooner, and this bound keeps
     * every duration on a host within about 10% of its true length.
     */
    public static final double MAX_DRIFT_PPM = 100_000;

    /** A clock that reads true time: no offset, no drift. (After the bounds, which its construction reads.) */
    public static final HostClock EXACT = new HostClock(Duration.ZERO, 0);

    /**
     * A host clock {@code offset} from true time, running {@code driftPpm} parts per million
     * fast (positive) or slow (negative).
     *
     * @throws NullPointerException when {@code offset} is null
     * @throws IllegalArgumentException when {@code offset} or {@code driftPpm} is out of bounds,
     *     naming the value
     */
    public HostClock {
        Objects.requireNonNull(offset, "offset");
        if (offset.abs().compareTo(MAX_OFFSET) > 0) {
            throw new IllegalArgumentException("a host's clock offset must be within +-" + MAX_OFFSET.toDays()
                    + " days, was " + offset);
        }
        checkDrift("a host's clock drift", driftPpm);
    }

    /** Fails unless {@code ppm} is a drift a host may have; {@code what} names it in the message. */
    static void checkDrift(String what, double ppm) {
        if (!(Math.abs(ppm) <= MAX_DRIFT_PPM)) {
            throw new IllegalArgumentException(what + " must be a number of ppm within +-" + (long) MAX_DRIFT_PPM
                    + " (a clock 10% fast or slow), was " + ppm);
        }
    }

    /** What the host's clock reads at true time {@code trueTime}; saturating, never decreasing. */
    public long localTime(long trueTime) {
        long drift = Math.round(trueTime * driftPpm / 1e6);
        return saturatedAdd(saturatedAdd(trueTime, drift), offset.toNanos());
    }

    /**
     * The earliest true time at which the host's clock reads {@code localTime} or later: where
     * the timer of a deadline on the host's clock goes. The division by the rate is exact to a
     * few nanoseconds; the two loops settle the last ones against {@link #localTime}, so that a
     * timer never fires before the host's clock has reached its deadline.
     */
    public long trueTime(long localTime) {
        if (localTime == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        double t = (localTime - (double) offset.toNanos()) / (1 + driftPpm / 1e6);
        if (t >= 9.0e18) {
            return Long.MAX_VALUE;
        }
        if (t <= -9.0e18) {
            return Long.MIN_VALUE;
        }
        long guess = (long) Math.ceil(t);
        while (localTime(guess) < localTime) {
            guess++;
        }
        while (localTime(guess - 1) >= localTime) {
            guess--;
        }
        return guess;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    @Override
    public String toString() {
        return "HostClock[offset=" + offset + ", drift=" + driftPpm + " ppm]";
    }
}
