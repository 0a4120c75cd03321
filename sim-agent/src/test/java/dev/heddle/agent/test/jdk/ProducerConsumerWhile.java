package dev.heddle.agent.test.jdk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Correct: consumers wait in a while loop, so a consumer woken with nothing left waits again. */
public final class ProducerConsumerWhile implements ConcurrencyProgram {
    private final Deque<Integer> items = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();

    private synchronized void put(int item) {
        items.addLast(item);
        notifyAll();
    }

    private synchronized int take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        return items.removeFirst();
    }

    private Thread consumer(String name) {
        return new Thread(() -> {
            try {
                taken.add(take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
        if (taken.size() != 2 || !taken.contains(1) || !taken.contains(2)) {
            throw new AssertionError("items 1 and 2 expected, consumers took " + taken);
        }
    }
}
