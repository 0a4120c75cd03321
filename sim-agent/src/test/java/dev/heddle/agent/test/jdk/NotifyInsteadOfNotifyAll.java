package dev.heddle.agent.test.jdk;

/** Bug: a one-slot buffer with two producers and two consumers wakes one waiter by notify(), maybe of its own side. */
public final class NotifyInsteadOfNotifyAll implements ConcurrencyProgram {
    private static final int ITEMS = 2;
    private Integer slot;
    private int taken;

    private synchronized void put(int item) throws InterruptedException {
        while (slot != null) {
            wait();
        }
        slot = item;
        notify();
    }

    private synchronized int take() throws InterruptedException {
        while (slot == null) {
            wait();
        }
        int item = slot;
        slot = null;
        taken++;
        notify();
        return item;
    }

    private Thread producer(String name) {
        return new Thread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    private Thread consumer(String name) {
        return new Thread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    @Override
    public void run() throws Exception {
        Thread[] threads = {producer("producer-1"), producer("producer-2"), consumer("consumer-1"),
                consumer("consumer-2")};
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        synchronized (this) {
            if (taken != 2 * ITEMS) {
                throw new AssertionError(2 * ITEMS + " items expected, " + taken + " taken");
            }
        }
    }
}
