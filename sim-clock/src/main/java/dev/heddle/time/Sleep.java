package dev.heddle.time;

import java.time.Duration;
import java.util.Objects;

/**
 * A sleep as an object (Tokio's {@code Sleep}): a deadline on a {@link Clock} that a task
 * awaits when it chooses, can look at, and can move. Made by {@link Clock#newSleep(Duration)}
 * and {@link Clock#newSleepUntil(long)}; creating one waits for nothing.
 *
 * <p>Why an object and not only {@link Clock#sleep(Duration)}: a deadline that outlives one
 * wait. The usual case is an idle timeout in a loop of selects, pushed back whenever work
 * arrives, which Tokio writes as {@code sleep.as_mut().reset(...)} and a {@code &mut sleep}
 * branch:
 * <pre>{@code
 * Sleep idle = clock.newSleep(IDLE);
 * while (true) {
 *     boolean more = Select.<Boolean>select()
 *             .on(rx.recvOp(), msg -> { handle(msg); idle.reset(clock.deadlineAfter(IDLE)); return true; })
 *             .sleep(idle, () -> false)      // the same deadline across iterations
 *             .run();
 *     if (!more) break;
 * }
 * }</pre>
 *
 * <p>A {@code Sleep} holds no timer while nobody awaits it (a timer exists only during
 * {@link #await()} or a select on it), so an abandoned one needs no cleanup. For one task at a
 * time, like Tokio's, which needs {@code &mut} to reset or await it.
 */
public final class Sleep {
    private final Clock clock;
    private long deadline;
    private boolean started;

    /** A sleep on {@code clock} until {@code deadline} (a value of {@link Clock#now()}). */
    Sleep(Clock clock, long deadline) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = deadline;
    }

    /** The time this sleep ends at, a value of {@link Clock#now()}. */
    public long deadline() {
        return deadline;
    }

    /**
     * Whether this sleep has completed: it was started, by an {@link #await()} or a
     * {@link #reset(long)}, and its deadline has passed on the clock (Tokio's {@code is_elapsed}).
     * A sleep nobody has awaited or reset yet is not elapsed, whatever the clock reads, as a
     * Tokio {@code Sleep} has no timer to have fired before it is first polled or reset: a
     * {@code newSleepUntil(now)} is not elapsed until it is awaited, and then at once.
     */
    public boolean isElapsed() {
        return started && clock.now() >= deadline;
    }

    /**
     * Moves the deadline to {@code deadline} (a value of {@link Clock#now()}), earlier or later,
     * whether or not this sleep has elapsed (Tokio's {@code reset}): an elapsed sleep reset to
     * the future is pending again, and any sleep reset to the past is elapsed at once.
     */
    public void reset(long deadline) {
        this.deadline = deadline;
        started = true;
    }

    /**
     * Suspends the calling task until the deadline has passed; returns at once when it already
     * has. A suspension point: cancellation and an enclosing timeout are delivered here.
     */
    public void await() {
        started = true;
        clock.sleepUntil(deadline);
    }

    /** The clock this sleep's deadline is on. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "Sleep[deadline=" + deadline + " ns" + (isElapsed() ? ", elapsed" : "") + "]";
    }
}
