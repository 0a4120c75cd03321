package dev.heddle.agent.test.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Correct: the waiter checks the flag under the lock in an awaitNanos loop with a 5 s budget; the gate opens later. */
public final class ConditionAwaitNanosLoop implements ConcurrencyProgram {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition opened = lock.newCondition();
    private boolean open;

    private void open() {
        lock.lock();
        try {
            open = true;
            opened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitOpen() throws InterruptedException, TimeoutException {
        lock.lock();
        try {
            long nanos = TimeUnit.SECONDS.toNanos(5);
            while (!open) {
                if (nanos <= 0) {
                    throw new TimeoutException("the gate stayed shut for 5 s");
                }
                nanos = opened.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() throws Exception {
        CompletableFuture<Void> opener = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open();
        });
        awaitOpen();
        opener.get(5, TimeUnit.SECONDS);
    }
}
