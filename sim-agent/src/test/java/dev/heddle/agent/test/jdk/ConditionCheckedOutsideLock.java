package dev.heddle.agent.test.jdk;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Bug: the waiter reads the gate's flag before taking the lock, so a signal sent in between is lost. */
public final class ConditionCheckedOutsideLock implements ConcurrencyProgram {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private volatile boolean open;

    private void open() {
        lock.lock();
        try {
            open = true;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitOpen() throws InterruptedException {
        if (!open) {
            lock.lock();
            try {
                opened.await();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void run() throws Exception {
        Thread waiter = Thread.ofPlatform().name("waiter").start(() -> {
            try {
                awaitOpen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread opener = Thread.ofPlatform().name("opener").start(this::open);
        opener.join();
        waiter.join();
    }
}
