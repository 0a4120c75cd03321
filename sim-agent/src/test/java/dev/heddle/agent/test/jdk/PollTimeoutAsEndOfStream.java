package dev.heddle.agent.test.jdk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Bug: the consumer takes a 100 ms poll timeout for the end of the stream, but the producer sends every 200 ms. */
public final class PollTimeoutAsEndOfStream implements ConcurrencyProgram {
    private static final int ITEMS = 3;
    private final BlockingQueue<Integer> readings = new LinkedBlockingQueue<>();

    @Override
    public void run() throws Exception {
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    Thread.sleep(200);
                    readings.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sensor");
        producer.start();
        int received = 0;
        while (readings.poll(100, TimeUnit.MILLISECONDS) != null) {
            received++;
        }
        producer.join();
        if (received != ITEMS) {
            throw new AssertionError(ITEMS + " readings expected, " + received + " received");
        }
    }
}
