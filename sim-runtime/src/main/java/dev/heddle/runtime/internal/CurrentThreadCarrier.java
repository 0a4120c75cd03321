package dev.heddle.runtime.internal;

import dev.heddle.time.SystemTimeDriver;
import dev.heddle.time.TimeDriver;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * Carries every task on the one thread that calls {@code blockOn} (Tokio's current-thread
 * runtime). Wake-ups from other threads (the timer thread, blocking tasks) land in a
 * multi-producer queue and unpark the driving thread.
 */
public final class CurrentThreadCarrier implements Carrier {
    private final MpscUnboundedAtomicArrayQueue<Runnable> runQueue = new MpscUnboundedAtomicArrayQueue<>(256);
    private final SystemTimeDriver time;
    private final String threadName;
    private volatile Thread driver;

    public CurrentThreadCarrier(String threadName) {
        this.time = new SystemTimeDriver(threadName + "-timer");
        this.threadName = threadName;
    }

    @Override
    public void execute(Runnable continuation) {
        TaskEvents.woken(continuation);
        runQueue.offer(continuation);
        Thread d = driver;
        if (d != null && d != Thread.currentThread()) {
            LockSupport.unpark(d);
        }
    }

    @Override
    public TimeDriver time() {
        return time;
    }

    @Override
    public RandomGenerator random() {
        return ThreadLocalRandom.current();
    }

    @Override
    public boolean simulatesBlocking() {
        return false;
    }

    @Override
    public void drive(Task<?> root) {
        if (Thread.currentThread().isVirtual()) {
            driveOnPlatformThread(root);
            return;
        }
        Thread me = Thread.currentThread();
        synchronized (this) {
            if (driver != null) {
                throw new IllegalStateException("this current-thread runtime is already driven by " + driver
                        + "; only one thread at a time can call blockOn on it");
            }
            driver = me;
        }
        try {
            while (!root.isDone()) {
                Runnable next = runQueue.poll();
                if (next != null) {
                    next.run();
                } else if (!root.isDone()) {
                    LockSupport.park(this);
                }
            }
        } finally {
            driver = null;
        }
    }

    /**
     * A virtual thread cannot carry others (the JDK throws {@code WrongThreadException}), so a
     * {@code blockOn} called on one (a task's code inside {@code blockInPlace}, a user's own
     * virtual thread) drives the runtime on a platform thread of its own and waits for it.
     */
    private void driveOnPlatformThread(Task<?> root) {
        Throwable[] failure = new Throwable[1];
        Thread platform = Thread.ofPlatform().name(threadName + "-block-on").start(() -> {
            try {
                drive(root);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        boolean interrupted = false;
        while (platform.isAlive()) {
            try {
                platform.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() {
        time.close();
    }
}
