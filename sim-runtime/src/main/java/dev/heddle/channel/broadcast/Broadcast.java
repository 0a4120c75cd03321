package dev.heddle.channel.broadcast;

/**
 * Multi-producer, multi-consumer channels where every receiver sees every value (Tokio's
 * {@code broadcast}), held in a ring of fixed capacity.
 * <pre>{@code
 * Channel<Event> ch = Broadcast.channel(128);
 * Receiver<Event> audit = ch.sender().subscribe();   // sees what is sent from now on
 * ch.sender().send(new Event("started"));
 * }</pre>
 */
public final class Broadcast {
    private Broadcast() {}

    /**
     * A channel keeping the last {@code capacity} values, with one receiver subscribed. Senders
     * never wait: a receiver that falls more than {@code capacity} values behind loses the
     * oldest ({@link LaggedException}) rather than slowing everyone down. Creating it never waits.
     *
     * <pre>{@code Channel<Event> ch = Broadcast.channel(128);}</pre>
     *
     * <p>The capacity is exactly the one asked for, where Tokio rounds it up to a power of two
     * (so that its ring index is a mask). Heddle keeps it exact on purpose: the capacity is the
     * contract a receiver's lag is measured against, and with rounding {@code channel(1000)}
     * would hold 1,024 values and lag later than asked, so a test tuned on it would pass with
     * a bound the program never stated. The ring's index is a remainder instead of a mask, a
     * cost measured in nanoseconds beside a send's lock. Port Tokio code that relies on the
     * rounding by passing the power of two itself.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public static <T> Channel<T> channel(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("broadcast capacity must be at least 1, was " + capacity);
        }
        BroadcastState<T> state = new BroadcastState<>(capacity);
        return new Channel<>(new Sender<>(state), new Receiver<>(state, 0));
    }
}
