package dev.heddle.select;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.RuntimeClock;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.time.Timer;
import java.time.Duration;

/**
 * The select branch that completes when a deadline passes: a timer on the runtime's clock
 * (virtual time in simulation, the selecting task's host's clock on a simulated host) that
 * claims the waiter when it fires. A losing sleep cancels its timer.
 */
final class SleepOp implements SelectableOp<Void> {
    private final Duration duration;
    private long deadline;
    private boolean resolved;
    private RuntimeClock clock;
    private Timer timer;

    private SleepOp(Duration duration, long deadline, boolean resolved) {
        this.duration = duration;
        this.deadline = deadline;
        this.resolved = resolved;
    }

    /** A sleep of {@code duration}, counted from the first time the select polls it. */
    static SleepOp after(Duration duration) {
        return new SleepOp(duration, 0, false);
    }

    /** A sleep until {@code deadline} on the runtime clock. */
    static SleepOp until(long deadline) {
        return new SleepOp(null, deadline, true);
    }

    @Override
    public boolean tryNow() {
        if (clock == null) {
            clock = RuntimeAccess.clock(HeddleRuntime.current());
        }
        if (!resolved) {
            deadline = clock.deadlineAfter(duration);
            resolved = true;
        }
        return clock.now() >= deadline;
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        timer = clock.schedule(deadline, () -> {
            if (waiter.tryClaim(branch)) {
                waiter.wake();
            }
        });
    }

    @Override
    public void dequeue() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    @Override
    public Void result() {
        return null;
    }
}
