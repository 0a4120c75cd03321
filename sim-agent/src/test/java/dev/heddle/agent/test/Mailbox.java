package dev.heddle.agent.test;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/** Waits of every kind the agent rewrites to {@code JdkCalls}: they must still work outside a simulation. */
public final class Mailbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private String letter;
    private String parcel;

    public synchronized void post(String s) {
        letter = s;
        notifyAll();
    }

    public synchronized String take() throws InterruptedException {
        while (letter == null) {
            wait();
        }
        return letter;
    }

    public void send(String s) {
        lock.lock();
        try {
            parcel = s;
            filled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public String receive() throws InterruptedException {
        lock.lock();
        try {
            while (parcel == null) {
                filled.await();
            }
            return parcel;
        } finally {
            lock.unlock();
        }
    }

    /** Starts a thread, which yields and parks until unparked by the caller. */
    public static Thread startParker() {
        Thread t = new Thread(() -> {
            Thread.yield();
            LockSupport.park();
        });
        t.start();
        return t;
    }
}
