package dev.heddle.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Virtual time for the simulator: time stands still until the simulator moves it, and then
 * jumps straight to the next timer, so hours of simulated time pass in milliseconds. No
 * real time, no threads and no locks are involved; the simulator calls it from one thread.
 *
 * <pre>{@code
 * VirtualTimeDriver time = new VirtualTimeDriver(Instant.parse("2025-01-01T00:00:00Z"));
 * time.schedule(5_000_000, () -> wake(task));   // due at 5 ms
 * while (noTaskIsReady() && time.hasTimers()) {
 *     time.advanceToNextDeadline();              // now() == 5 ms, the wake-up ran
 * }
 * }</pre>
 *
 * <p>Advancing works in steps. A step collects every timer due at the current time (tick
 * order, then insertion order) and then runs them. A timer that an action schedules for the
 * current time or earlier is due at the <em>next</em> step, after every timer of this one:
 * {@link #advanceToNextDeadline()} runs a single step and returns, so the simulator gets
 * control back between steps and an action that keeps rescheduling itself for "now" cannot
 * trap it inside the driver; {@link #advanceTo(long)} runs steps until nothing is due at or
 * before its target.
 */
public final class VirtualTimeDriver implements TimeDriver {
    private final Instant epoch;
    private final TimerWheel wheel = new TimerWheel();
    private final List<Runnable> step = new ArrayList<>();
    private final Consumer<Runnable> collect = step::add;
    private long now;
    private boolean firing;

    /** Virtual time starting at 0, with {@link #instant()} starting at {@code epoch}. */
    public VirtualTimeDriver(Instant epoch) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(now);
    }

    /** Schedules {@code action}; a deadline at or before {@link #now()} runs at the next step, never inline. */
    @Override
    public Timer schedule(long deadline, Runnable action) {
        return wheel.insert(deadline, action);
    }

    /**
     * The earliest pending timer's time, rounded up to its millisecond, or {@code Long.MAX_VALUE}
     * when there is none (or when it is in the last millisecond before {@code Long.MAX_VALUE}).
     * It is before {@link #now()} when a timer was scheduled for the past.
     */
    public long nextDeadline() {
        return wheel.nextDeadline();
    }

    /** Whether any timer is pending. */
    public boolean hasTimers() {
        return !wheel.isEmpty();
    }

    /** How many timers are pending. */
    public int pendingTimers() {
        return wheel.size();
    }

    /**
     * Moves {@link #now()} to the earliest pending timer's time (never backwards) and runs one
     * step there.
     *
     * @return how many timers ran; 0 when none was pending
     */
    public int advanceToNextDeadline() {
        requireNotFiring();
        if (wheel.isEmpty()) {
            return 0;
        }
        now = Math.max(now, wheel.nextDeadline());
        return runStep();
    }

    /**
     * Runs every timer due at or before {@code time}, moving {@link #now()} to each timer's time
     * as it goes, and ends with {@code now() == time}.
     *
     * @return how many timers ran
     * @throws IllegalArgumentException when {@code time} is before {@link #now()}
     */
    public int advanceTo(long time) {
        requireNotFiring();
        if (time < now) {
            throw new IllegalArgumentException("time must not be before now() = " + now + ", was " + time);
        }
        int fired = 0;
        while (!wheel.isEmpty() && wheel.nextDeadline() <= time) {
            now = Math.max(now, wheel.nextDeadline());
            fired += runStep();
        }
        now = time;
        return fired + runStep();
    }

    /**
     * Collects what is due at {@link #now()}, then runs it. Every collected action runs even
     * when one throws: the first failure is rethrown afterwards, with the others suppressed.
     */
    private int runStep() {
        firing = true;
        try {
            wheel.advanceTo(now, collect);
            Throwable first = null;
            for (Runnable action : step) {
                try {
                    action.run();
                } catch (RuntimeException | Error failure) {
                    if (first == null) {
                        first = failure;
                    } else {
                        first.addSuppressed(failure);
                    }
                }
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw (RuntimeException) first;
            }
            return step.size();
        } finally {
            step.clear();
            firing = false;
        }
    }

    private void requireNotFiring() {
        if (firing) {
            throw new IllegalStateException("a timer action tried to advance virtual time; actions must only wake tasks");
        }
    }
}
