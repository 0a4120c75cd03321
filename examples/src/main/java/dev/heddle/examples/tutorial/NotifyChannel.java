package dev.heddle.examples.tutorial;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Notified;
import dev.heddle.sync.Notify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An unbounded multi-producer, single-consumer channel built on {@link Notify}, the example of
 * Tokio's {@code Notify} documentation: a send queues its value and calls
 * {@link Notify#notifyOne()}; a receive takes a queued value, or waits to be notified and looks
 * again. The receiver registers its interest before it looks at the queue, so a send that lands
 * between the look and the wait still wakes it (and a {@code notifyOne} with nobody waiting
 * leaves a permit for the next wait).
 *
 * <p>Guarantees: the consumer receives every value sent exactly once, each producer's values in
 * the order it sent them, and never waits for ever on a non-empty queue (a lost wake-up would
 * leave it waiting, which the simulator reports as a deadlock).
 *
 * @param <T> what the channel carries
 */
public final class NotifyChannel<T> {
    private final Queue<T> values = new ConcurrentLinkedQueue<>();
    private final Notify sent = new Notify();

    /** Queues {@code value} and wakes the receiver. */
    public void send(T value) {
        values.add(value);
        sent.notifyOne();
    }

    /** Takes the oldest value, waiting for one. */
    public T recv() {
        while (true) {
            try (Notified notified = sent.notified()) {   // registered before the look: no send is missed
                T value = values.poll();
                if (value != null) {
                    return value;
                }
                notified.await();
            }
        }
    }

    /**
     * {@code producers} producers each send {@code perProducer} values ({@code "p<i>-<k>"}) at
     * random moments; one consumer receives that many and returns them in the order received.
     */
    public static List<String> run(int producers, int perProducer) {
        NotifyChannel<String> channel = new NotifyChannel<>();
        for (int p = 0; p < producers; p++) {
            String producer = "p" + p;
            Heddle.spawn("producer-" + p, () -> {
                for (int k = 0; k < perProducer; k++) {
                    Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(3)));
                    channel.send(producer + "-" + k);
                }
            });
        }
        JoinHandle<List<String>> consumer = Heddle.spawn("consumer", () -> {
            List<String> received = new ArrayList<>();
            for (int i = 0; i < producers * perProducer; i++) {
                received.add(channel.recv());
            }
            return received;
        });
        return consumer.join();
    }
}
