package dev.heddle.examples.tutorial;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.broadcast.Channel;
import dev.heddle.channel.broadcast.LaggedException;
import dev.heddle.channel.broadcast.Receiver;
import dev.heddle.channel.broadcast.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A broadcast channel with a subscriber that falls behind (Tokio's {@code broadcast}, "lagging"):
 * the channel keeps only the newest {@code capacity} values, and a send never waits for a slow
 * receiver. A producer sends a value every millisecond; a fast subscriber reads each as it comes;
 * a slow one, subscribed from the start, reads nothing until the producer is done.
 *
 * <p>Guarantees: the fast subscriber reads every value in order and never lags. The slow one's
 * first receive throws {@link LaggedException} saying it missed exactly {@code sent - capacity}
 * values; it then reads the newest {@code capacity} values in order, and the end of the channel.
 */
public final class LaggingSubscriber {

    /**
     * What one subscriber read.
     *
     * @param lags what each {@link LaggedException} it met said it had missed, in order
     * @param values the values it read, in order
     */
    public record Reading(List<Long> lags, List<Integer> values) {}

    /** What the two subscribers read. */
    public record Outcome(Reading fast, Reading slow) {}

    private LaggingSubscriber() {}

    /** Sends {@code 0..sent-1} through a channel of {@code capacity} slots and reports what each subscriber read. */
    public static Outcome run(int capacity, int sent) {
        Channel<Integer> channel = Broadcast.channel(capacity);
        Receiver<Integer> slow = channel.sender().subscribe();
        Receiver<Integer> fastReceiver = channel.receiver();
        JoinHandle<Reading> fast = Heddle.spawn("fast-subscriber", () -> readToTheEnd(fastReceiver));
        JoinHandle<Void> producer = Heddle.spawn("producer", () -> {
            try (Sender<Integer> tx = channel.sender()) {
                for (int i = 0; i < sent; i++) {
                    tx.send(i);
                    Heddle.sleep(Duration.ofMillis(1));
                }
            }
        });
        producer.join();
        return new Outcome(fast.join(), readToTheEnd(slow));
    }

    private static Reading readToTheEnd(Receiver<Integer> receiver) {
        List<Long> lags = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        while (true) {
            try {
                Integer value = receiver.recv();
                if (value == null) {
                    return new Reading(lags, values);
                }
                values.add(value);
            } catch (LaggedException lag) {
                lags.add(lag.missed());   // the next receive continues with the oldest value still held
            }
        }
    }
}
