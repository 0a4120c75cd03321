package dev.heddle.agent.test.jdk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Correct: the consumer polls with a timeout only to wait again, and stops at the producer's end marker. */
public final class PoisonPillConsumer implements ConcurrencyProgram {
    private static final int ITEMS = 3;
    private static final int END = -1;
    private final BlockingQueue<Integer> readings = new LinkedBlockingQueue<>();

    @Override
    public void run() throws Exception {
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    Thread.sleep(200);
                    readings.put(i);
                }
                readings.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sensor");
        producer.start();
        int received = 0;
        int idle = 0;
        while (idle < 50) {
            Integer reading = readings.poll(100, TimeUnit.MILLISECONDS);
            if (reading == null) {
                idle++;
            } else if (reading == END) {
                break;
            } else {
                received++;
            }
        }
        producer.join(5_000);
        if (received != ITEMS || producer.isAlive()) {
            throw new AssertionError(ITEMS + " readings expected, " + received + " received; producer alive "
                    + producer.isAlive());
        }
    }
}
