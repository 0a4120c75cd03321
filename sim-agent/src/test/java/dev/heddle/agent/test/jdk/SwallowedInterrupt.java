package dev.heddle.agent.test.jdk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Bug: the worker swallows the InterruptedException of take(), clearing the flag it loops on, and never stops. */
public final class SwallowedInterrupt implements ConcurrencyProgram {
    private final BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
    private volatile int done;

    @Override
    public void run() throws Exception {
        Thread worker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    jobs.take();
                    done++;
                } catch (InterruptedException e) {
                    // Keep serving: a stray interrupt must not stop the worker.
                }
            }
        }, "worker");
        worker.start();
        jobs.put("first");
        jobs.put("second");
        worker.interrupt();
        worker.join();
        if (worker.isAlive()) {
            throw new AssertionError("the worker did not stop after " + done + " jobs");
        }
    }
}
