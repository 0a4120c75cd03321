package dev.heddle.agent.test.jdk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Bug: consumers wait under if (empty), not while, so a consumer woken after another took the item takes nothing. */
public final class ProducerConsumerIf implements ConcurrencyProgram {
    private final Deque<Integer> items = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

    private synchronized void put(int item) {
        items.addLast(item);
        notifyAll();
    }

    private synchronized int take() throws InterruptedException {
        if (items.isEmpty()) {
            wait();
        }
        return items.removeFirst();
    }

    private Thread consumer(String name) {
        return new Thread(() -> {
            try {
                take();
            } catch (Throwable e) {
                errors.add(e);
            }
        }, name);
    }

    @Override
    public void run() throws Exception {
        Thread first = consumer("consumer-1");
        Thread second = consumer("consumer-2");
        Thread producer = new Thread(() -> {
            put(1);
            put(2);
        }, "producer");
        first.start();
        second.start();
        producer.start();
        first.join();
        second.join();
        producer.join();
        if (!errors.isEmpty()) {
            throw new AssertionError("a consumer failed: " + errors.peek(), errors.peek());
        }
    }
}
