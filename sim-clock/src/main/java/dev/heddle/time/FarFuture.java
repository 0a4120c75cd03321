package dev.heddle.time;

import java.time.Duration;

/**
 * Where a deadline goes when {@code now + duration} does not fit in a {@code long} of
 * nanoseconds (about 292 years from the clock's start): thirty years from now, Tokio's
 * {@code Instant::far_future()}, which its {@code sleep}, {@code timeout} and {@code Interval}
 * use when an addition overflows. A sleep of {@code Duration.ofSeconds(Long.MAX_VALUE)} therefore
 * ends, as Tokio's {@code sleep(Duration::MAX)} does, thirty virtual years later in a simulation
 * instead of never; on real time the difference cannot be seen.
 */
final class FarFuture {
    /** Thirty years of 365 days, as Tokio counts them. */
    static final long NANOS = Duration.ofDays(365L * 30).toNanos();

    private FarFuture() {}

    /** Thirty years after {@code now}, or {@code Long.MAX_VALUE} when even that overflows. */
    static long after(long now) {
        long deadline = now + NANOS;
        return deadline < now ? Long.MAX_VALUE : deadline;
    }
}
