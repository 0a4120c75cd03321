package dev.heddle.time;

import java.time.Duration;
import java.util.Objects;

/**
 * Ticks at a fixed period (Tokio's {@code Interval}). Unlike sleeping for the period in a
 * loop, the caller's own work between ticks counts towards the period, so a heartbeat does
 * not drift.
 *
 * <pre>{@code
 * Interval heartbeat = clock.interval(Duration.ofSeconds(1), MissedTickBehavior.SKIP);
 * while (running) {
 *     heartbeat.tick();                           // the first tick completes at once
 *     sendHeartbeat();
 * }
 * }</pre>
 *
 * <p>A tick counts as missed only when it completes more than 5 ms after its scheduled
 * time, as in Tokio: timers round deadlines up to the millisecond and real wake-ups are a
 * little late, and neither should push a {@link MissedTickBehavior#DELAY DELAY} or
 * {@link MissedTickBehavior#SKIP SKIP} interval off its schedule.
 *
 * <p>For one task at a time. A {@link #tick()} cancelled while it waits consumes no tick.
 */
public final class Interval {
    private static final long MISSED_AFTER_NANOS = 5_000_000;

    private final Clock clock;
    private final Duration period;
    private final long periodNanos;
    private MissedTickBehavior missedTickBehavior;
    private long nextTick;

    /**
     * An interval on {@code clock} whose first tick is at {@code start} (a value of
     * {@link Clock#now()}) and whose later ticks are {@code period} apart.
     *
     * @throws IllegalArgumentException when {@code period} is zero or negative
     */
    public Interval(Clock clock, long start, Duration period, MissedTickBehavior behavior) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        this.period = period;
        this.periodNanos = saturatedNanos(period);
        this.missedTickBehavior = Objects.requireNonNull(behavior, "behavior");
        this.nextTick = start;
    }

    /**
     * Waits until the next tick is due and returns the time it was scheduled for (which is
     * earlier than {@link Clock#now()} when the tick was missed).
     */
    public long tick() {
        long scheduled = nextTick;
        clock.sleepUntil(scheduled);
        long now = clock.now();
        nextTick = now > plus(scheduled, MISSED_AFTER_NANOS)
                ? afterMissed(scheduled, now)
                : plus(scheduled, periodNanos);
        return scheduled;
    }

    /**
     * Restarts the schedule one period from now: the next tick is at {@link Clock#now()} plus
     * the period (Tokio's {@code reset}). Missed ticks not yet taken are discarded.
     */
    public void reset() {
        nextTick = plus(clock.now(), periodNanos);
    }

    /**
     * Restarts the schedule now: the next {@link #tick()} completes at once, the one after a
     * period later (Tokio's {@code reset_immediately}). Missed ticks not yet taken are discarded.
     */
    public void resetImmediately() {
        nextTick = clock.now();
    }

    /**
     * Restarts the schedule {@code after} from now: the next tick is at {@link Clock#now()}
     * plus {@code after}, later ticks a period apart from it (Tokio's {@code reset_after}).
     * Zero or negative ticks at once.
     */
    public void resetAfter(Duration after) {
        nextTick = clock.deadlineAfter(Objects.requireNonNull(after, "after"));
    }

    /**
     * Restarts the schedule at {@code deadline} (a value of {@link Clock#now()}), later ticks a
     * period apart from it (Tokio's {@code reset_at}). A deadline in the past ticks at once and
     * then counts as missed from that deadline, as {@link #missedTickBehavior()} says.
     */
    public void resetAt(long deadline) {
        nextTick = deadline;
    }

    /** The time the next tick is scheduled for. */
    public long nextTick() {
        return nextTick;
    }

    /** The time between ticks. */
    public Duration period() {
        return period;
    }

    /** What this interval does after missed ticks. */
    public MissedTickBehavior missedTickBehavior() {
        return missedTickBehavior;
    }

    /**
     * Changes what this interval does after missed ticks from the next missed tick on (Tokio's
     * {@code set_missed_tick_behavior}); the tick already scheduled keeps its time.
     */
    public void setMissedTickBehavior(MissedTickBehavior behavior) {
        this.missedTickBehavior = Objects.requireNonNull(behavior, "behavior");
    }

    private long afterMissed(long scheduled, long now) {
        return switch (missedTickBehavior) {
            case BURST -> plus(scheduled, periodNanos);
            case DELAY -> plus(now, periodNanos);
            case SKIP -> plus(now, periodNanos - (now - scheduled) % periodNanos);
        };
    }

    /**
     * {@code time + nanos} for {@code nanos >= 0}; when that overflows, thirty years from now
     * (Tokio's far future, where its interval puts a tick that {@code checked_add} cannot reach).
     */
    private long plus(long time, long nanos) {
        long sum = time + nanos;
        return sum < time ? FarFuture.after(clock.now()) : sum;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
