package dev.heddle.runtime.internal;

import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link Clock} of a runtime: sleeps and timeouts are timers on the carrier's
 * {@link TimeDriver} that wake a parked task, so the same code runs on real and virtual time.
 * A sleeping task that is aborted cancels its timer on the way out.
 */
public final class RuntimeClock implements Clock {
    private final TimeDriver driver;

    public RuntimeClock(TimeDriver driver) {
        this.driver = driver;
    }

    @Override
    public long now() {
        return driver.now();
    }

    @Override
    public Instant instant() {
        return driver.instant();
    }

    @Override
    public void sleepUntil(long deadline) {
        Suspension.checkpoint();
        if (deadline <= driver.now()) {
            return;
        }
        Wake wake = new Wake(Thread.currentThread());
        Timer timer = driver.schedule(deadline, wake);
        try {
            while (!wake.fired) {
                Suspension.park(this);
            }
        } finally {
            timer.cancel();
        }
    }

    @Override
    public <T> T timeout(Duration limit, Callable<T> body) {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("Clock.timeout must be called from a Heddle task, was called on "
                    + Thread.currentThread());
        }
        DeadlineScope scope = task.pushDeadline(new DeadlineScope(limit));
        Thread thread = Thread.currentThread();
        Timer timer = driver.schedule(deadlineAfter(limit), () -> {
            scope.pass();
            LockSupport.unpark(thread);
        });
        try {
            return body.call();
        } catch (DeadlineScope.Passed passed) {
            if (passed.scope() == scope) {
                throw new Elapsed(limit);
            }
            throw passed;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            timer.cancel();
            task.popDeadline(scope);
        }
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
