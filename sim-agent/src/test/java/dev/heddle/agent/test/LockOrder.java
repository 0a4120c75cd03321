package dev.heddle.agent.test;

import java.util.concurrent.locks.ReentrantLock;

/** Two platform threads that take two {@code ReentrantLock}s in opposite orders: a deadlock, in some interleavings. */
public final class LockOrder {
    private LockOrder() {}

    /** Starts {@code locker-a} (a then b) and {@code locker-b} (b then a), and joins both. */
    public static void crossed() throws InterruptedException {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        Thread first = new Thread(() -> both(a, b), "locker-a");
        Thread second = new Thread(() -> both(b, a), "locker-b");
        first.start();
        second.start();
        first.join();
        second.join();
    }

    private static void both(ReentrantLock outer, ReentrantLock inner) {
        outer.lock();
        try {
            inner.lock();
            inner.unlock();
        } finally {
            outer.unlock();
        }
    }
}
