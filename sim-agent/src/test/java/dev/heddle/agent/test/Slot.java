package dev.heddle.agent.test;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A value one thread fills and another takes, guarded by a lock and a condition, as user code
 * writes it: {@link #takeIf} has the classic bug of an {@code if} where a {@code while} belongs,
 * which only a wake-up without a signal shows; {@link #take} is right.
 */
public final class Slot {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private String value;

    public void fill(String v) {
        lock.lock();
        try {
            value = v;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wrong: returns null when the wait ends without a signal. */
    public String takeIf() throws InterruptedException {
        lock.lock();
        try {
            if (value == null) {
                filled.await();
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    public String take() throws InterruptedException {
        lock.lock();
        try {
            while (value == null) {
                filled.await();
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** Yields while it holds its own monitor: a suspension point under a lock. */
    public synchronized void yieldHoldingMonitor() {
        Thread.yield();
    }

    /** Starts {@code thread}, as user code does: the agent rewrites the call. */
    public static void start(Thread thread) {
        thread.start();
    }
}
