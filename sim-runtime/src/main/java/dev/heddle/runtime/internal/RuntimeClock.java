package dev.heddle.runtime.internal;

import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link Clock} of a runtime: sleeps and timeouts are timers on the carrier's
 * {@link TimeDriver} that wake a parked task, so the same code runs on real and virtual time.
 * A sleeping task that is aborted cancels its timer on the way out.
 *
 * <p>Every reading and every deadline is on the clock of the calling task's {@link Node}
 * (the runtime's default node on a thread that is not a task): a task on a simulated host
 * whose clock is ahead reads a later {@link #now()}, and its sleep of one second ends when its
 * own clock has moved one second, which is sooner on the driver if its clock runs fast. So a
 * {@code Clock} passed from one host to another reads the clock of whichever host uses it, as
 * code can only ever read the clock of the machine it runs on.
 */
public final class RuntimeClock implements Clock {
    private final TimeDriver driver;
    private final Node defaultNode;

    public RuntimeClock(TimeDriver driver, Node defaultNode) {
        this.driver = driver;
        this.defaultNode = defaultNode;
    }

    @Override
    public long now() {
        return node().localTime(driver.now());
    }

    @Override
    public Instant instant() {
        long time = driver.now();
        return driver.instant().plusNanos(node().localTime(time) - time);
    }

    @Override
    public void sleepUntil(long deadline) {
        Suspension.checkpoint();
        // A sleep already over completes without waiting: it spends, as Tokio's Sleep does.
        Budget.spend();
        Node node = node();
        if (deadline <= node.localTime(driver.now())) {
            return;
        }
        Wake wake = new Wake(Thread.currentThread());
        Timer timer = scheduleOnDriver(node.driverTime(deadline), wake);
        try {
            while (!wake.fired) {
                Suspension.park(this);
            }
        } finally {
            timer.cancel();
        }
    }

    /**
     * Runs {@code action} on the driver once the calling task's clock has reached
     * {@code deadline} (a value of {@link #now()}): the timer of a select's sleep branch.
     */
    public Timer schedule(long deadline, Runnable action) {
        return scheduleOnDriver(node().driverTime(deadline), action);
    }

    /**
     * A timer on the driver; on a runtime that is shut down (its driver closed) the failure says
     * so, as Tokio's "A Tokio 1.x context was found, but it is being shutdown." does.
     */
    private Timer scheduleOnDriver(long driverDeadline, Runnable action) {
        try {
            return driver.schedule(driverDeadline, action);
        } catch (IllegalStateException closed) {
            throw new IllegalStateException("a Heddle runtime was found, but it is shut down: its timer has stopped,"
                    + " so this sleep or timeout could never end; wait on a runtime that is open", closed);
        }
    }

    @Override
    public <T> T timeout(Duration limit, Callable<T> body) {
        return runWithDeadline("Clock.timeout", deadlineAfter(limit), limit, body);
    }

    @Override
    public <T> T timeoutAt(long deadline, Callable<T> body) {
        long now = now();
        Duration limit = deadline <= now ? Duration.ZERO : Duration.ofNanos(deadline - now);
        return runWithDeadline("Clock.timeoutAt", deadline, limit, body);
    }

    /**
     * Runs {@code body} in a {@link DeadlineScope} that passes at {@code deadline} on the task's
     * clock, or before the body starts when the deadline has already passed, so the body still
     * runs up to its first suspension point (Tokio polls the future once before the deadline).
     * {@code limit} only names the timeout in {@link Elapsed}.
     */
    private <T> T runWithDeadline(String caller, long deadline, Duration limit, Callable<T> body) {
        return DeadlineScope.call(caller, new DeadlineScope(limit), body, scope -> {
            Node node = Task.current().node();
            if (deadline <= node.localTime(driver.now())) {
                scope.pass();
                return () -> { };
            }
            return scheduleOnDriver(node.driverTime(deadline), scope::passAndWake)::cancel;
        }, () -> {
            throw new Elapsed(limit);
        });
    }

    /** The node of the calling task, or the runtime's default on a thread that is not a task. */
    private Node node() {
        Task<?> task = Task.current();
        return task == null ? defaultNode : task.node();
    }

    /** Marks a sleep as done and wakes its task; runs on the driver's thread. */
    private static final class Wake implements Runnable {
        private final Thread sleeper;
        private volatile boolean fired;

        Wake(Thread sleeper) {
            this.sleeper = sleeper;
        }

        @Override
        public void run() {
            fired = true;
            LockSupport.unpark(sleeper);
        }
    }
}
