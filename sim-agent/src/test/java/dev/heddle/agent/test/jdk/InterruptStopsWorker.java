package dev.heddle.agent.test.jdk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Correct: the worker ends when take() is interrupted, and the main thread joins it with a timeout. */
public final class InterruptStopsWorker implements ConcurrencyProgram {
    private final BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
    private volatile int done;

    @Override
    public void run() throws Exception {
        Thread worker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    jobs.take();
                    done++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker");
        worker.start();
        jobs.put("first");
        jobs.put("second");
        worker.interrupt();
        worker.join(5_000);
        if (worker.isAlive() || done > 2) {
            throw new AssertionError("worker alive " + worker.isAlive() + " after " + done + " jobs");
        }
    }
}
