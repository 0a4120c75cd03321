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
