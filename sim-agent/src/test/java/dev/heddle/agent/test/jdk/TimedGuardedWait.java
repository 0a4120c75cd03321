package dev.heddle.agent.test.jdk;

import java.util.concurrent.TimeoutException;

/** Correct: a waiter waits for a delayed value in a loop of timed waits against a deadline of 5 s. */
public final class TimedGuardedWait implements ConcurrencyProgram {
    private String value;

    private synchronized void set(String v) {
        value = v;
        notifyAll();
    }

    private synchronized String await(long timeoutMillis) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (value == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no value within " + timeoutMillis + " ms");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return value;
    }

    @Override
    public void run() throws Exception {
        Thread setter = new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
            set("done");
        }, "setter");
        setter.start();
        String got = await(5_000);
        setter.join(5_000);
        if (!"done".equals(got) || setter.isAlive()) {
            throw new AssertionError("got " + got + ", setter alive " + setter.isAlive());
        }
    }
}
