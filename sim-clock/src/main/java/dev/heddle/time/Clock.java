package dev.heddle.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Time as a task sees it: the same interface whether time is real or simulated.
 *
 * <p>Monotonic time is a {@code long} of nanoseconds, like {@link System#nanoTime()}, but
 * measured from the clock's own start, so a simulation always begins at {@code 0}.
 * Every blocking method is a suspension point: it can be interrupted by cancellation of
 * the calling task, and in simulation it lets virtual time move on.
 *
 * <pre>{@code
 * Clock clock = Heddle.clock();
 * long start = clock.now();
 * clock.sleep(Duration.ofSeconds(5));          // in simulation: instant, 5 virtual seconds
 * String reply = clock.timeout(Duration.ofMillis(200), () -> rpc.call());  // or Elapsed
 * Interval ticks = clock.interval(Duration.ofSeconds(1));
 * Sleep idle = clock.newSleep(Duration.ofSeconds(30));  // an object: awaited, reset or selected on later
 * while (running) { ticks.tick(); heartbeat(); }
 * }</pre>
 */
public interface Clock {

    /** Monotonic time in nanoseconds since this clock started. */
    long now();

    /** Wall-clock time: real in production, the simulation's epoch plus {@link #now()} in simulation. */
    Instant instant();

    /**
     * This clock as a {@code java.time.Clock} in UTC (which is also an
     * {@link java.time.InstantSource}), for code that takes an injected clock. Simulated code
     * must read time through it or through this interface: {@code System.currentTimeMillis()},
     * {@code System.nanoTime()} and {@code Instant.now()} read the machine's real clock, which
     * a simulation does not move (unless the class calling them is instrumented by Heddle's
     * agent, which makes them read this clock in a simulated task).
     */
    default java.time.Clock asJavaClock() {
        return new JavaClockView(this, java.time.ZoneOffset.UTC);
    }

    /** Suspends the calling task until {@code deadline} (a value of {@link #now()}) has passed. */
    void sleepUntil(long deadline);

    /** Suspends the calling task for {@code duration}; zero or negative returns at once. */
    default void sleep(Duration duration) {
        sleepUntil(deadlineAfter(duration));
    }

    /**
     * Runs {@code body} in the calling task and fails it with {@link Elapsed} at its first
     * suspension point after {@code limit} has passed (Tokio's {@code timeout}). A body that
     * never suspends is not interrupted. Checked exceptions of the body are rethrown wrapped
     * in {@link java.util.concurrent.CompletionException}.
     */
    <T> T timeout(Duration limit, Callable<T> body);

    /** {@link #timeout(Duration, Callable)} for a body without a result. */
    default void timeout(Duration limit, Runnable body) {
        timeout(limit, () -> {
            body.run();
            return null;
        });
    }

    /**
     * {@link #timeout(Duration, Callable)} with an absolute deadline (a value of {@link #now()};
     * Tokio's {@code timeout_at}), for several steps that share one deadline. The body always
     * runs: a deadline already passed fails it with {@link Elapsed} at its first suspension
     * point, so a body that completes without suspending still returns its value, as in Tokio.
     */
    <T> T timeoutAt(long deadline, Callable<T> body);

    /** {@link #timeoutAt(long, Callable)} for a body without a result. */
    default void timeoutAt(long deadline, Runnable body) {
        timeoutAt(deadline, () -> {
            body.run();
            return null;
        });
    }

    /**
     * A {@link Sleep} that ends {@code duration} from now, without waiting (Tokio's
     * {@code sleep}, which only waits when awaited). Unlike {@link #sleep(Duration)}, the
     * object can be awaited later, looked at, moved with {@link Sleep#reset(long)} and offered
     * to a select over several loop iterations.
     */
    default Sleep newSleep(Duration duration) {
        return new Sleep(this, deadlineAfter(duration));
    }

    /** A {@link Sleep} that ends at {@code deadline} (a value of {@link #now()}; Tokio's {@code sleep_until}). */
    default Sleep newSleepUntil(long deadline) {
        return new Sleep(this, deadline);
    }

    /** Ticks every {@code period}, the first tick at once, catching up on missed ticks in a burst. */
    default Interval interval(Duration period) {
        return interval(period, MissedTickBehavior.BURST);
    }

    /** Ticks every {@code period}, the first tick at once, treating missed ticks as {@code behavior} says. */
    default Interval interval(Duration period, MissedTickBehavior behavior) {
        return new Interval(this, now(), period, behavior);
    }

    /**
     * {@link #now()} plus {@code duration}; when the sum does not fit in a {@code long} of
     * nanoseconds, thirty years from now instead (Tokio's far future, where its
     * {@code sleep(Duration::MAX)} ends), so that a "forever" sleep or timeout neither overflows
     * nor waits past every timer.
     */
    default long deadlineAfter(Duration duration) {
        long now = now();
        long nanos;
        try {
            nanos = duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return FarFuture.after(now);
        }
        long deadline = now + nanos;
        return ((now ^ deadline) & (nanos ^ deadline)) < 0 ? FarFuture.after(now) : deadline;
    }
}
