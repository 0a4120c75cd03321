package dev.heddle.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Real time for production: the timer wheel behind a lock, and one daemon platform thread
 * that sleeps until the earliest deadline and then runs what is due.
 *
 * <pre>{@code
 * try (SystemTimeDriver time = new SystemTimeDriver()) {
 *     Thread waiter = Thread.currentThread();
 *     time.schedule(time.now() + 50_000_000, () -> LockSupport.unpark(waiter));
 *     LockSupport.park();                        // about 50 ms later
 * }
 * }</pre>
 *
 * <p>{@link #schedule} and {@link Timer#cancel()} are safe from any thread; scheduling a
 * deadline earlier than the one the thread sleeps for wakes it. Actions run on the timer
 * thread, outside the lock, in deadline order; they must be short (they wake a task). An
 * action that throws is reported on {@code System.err} with its stack, and the thread goes on.
 *
 * <p>{@link #close()} stops the thread: timers still pending never fire, and scheduling
 * afterwards fails. Actions the thread had already taken from the wheel (their timers can
 * no longer be cancelled) still run before {@code close()} returns.
 */
public final class SystemTimeDriver implements TimeDriver, AutoCloseable {
    private final long start = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private final TimerWheel wheel = new TimerWheel();
    private final Thread thread;
    /** The time the timer thread sleeps until; {@code Long.MIN_VALUE} while it is awake and will look at the wheel again. */
    private long sleepingUntil = Long.MIN_VALUE;
    private boolean closed;

    /** Starts a driver whose timer thread is named {@code heddle-timer}. */
    public SystemTimeDriver() {
        this("heddle-timer");
    }

    /** Starts a driver whose timer thread is named {@code threadName}, to tell several drivers apart in a thread dump. */
    public SystemTimeDriver(String threadName) {
        thread = Thread.ofPlatform()
                .name(Objects.requireNonNull(threadName, "threadName"))
                .daemon()
                .unstarted(this::runTimers);
        thread.start();
    }

    @Override
    public long now() {
        return System.nanoTime() - start;
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    /**
     * Schedules {@code action} to run on the timer thread once {@code deadline} has passed.
     *
     * @throws IllegalStateException when the driver is closed
     */
    @Override
    public Timer schedule(long deadline, Runnable action) {
        LockedEntry entry = new LockedEntry(deadline, action);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("SystemTimeDriver " + thread.getName() + " is closed");
            }
            wheel.insert(entry);
            if (wheel.nextDeadline() < sleepingUntil) {
                sleepingUntil = Long.MIN_VALUE;
                LockSupport.unpark(thread);
            }
        } finally {
            lock.unlock();
        }
        return entry;
    }

    /** Stops the timer thread and waits for it to end (unless called by a timer action). Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runTimers() {
        List<Runnable> due = new ArrayList<>();
        Consumer<Runnable> collect = due::add;
        while (true) {
            // Nobody is meant to interrupt this thread; a stray interrupt would turn parking into spinning.
            Thread.interrupted();
            long wakeAt;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                wheel.advanceTo(now(), collect);
                sleepingUntil = due.isEmpty() ? wheel.nextDeadline() : Long.MIN_VALUE;
                wakeAt = sleepingUntil;
            } finally {
                lock.unlock();
            }
            if (!due.isEmpty()) {
                for (Runnable action : due) {
                    runReporting(action);
                }
                due.clear();
            } else if (wakeAt == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, wakeAt - now());
            }
        }
    }

    private void runReporting(Runnable action) {
        try {
            action.run();
        } catch (Throwable failure) {
            System.err.println(thread.getName() + ": a timer action failed; the timer thread goes on");
            failure.printStackTrace();
        }
    }

    /** An entry whose cancel takes the driver's lock, so that cancelling needs no second object. */
    private final class LockedEntry extends TimerWheel.Entry {
        LockedEntry(long deadline, Runnable action) {
            super(deadline, action);
        }

        @Override
        public boolean cancel() {
            lock.lock();
            try {
                return super.cancel();
            } finally {
                lock.unlock();
            }
        }
    }
}
