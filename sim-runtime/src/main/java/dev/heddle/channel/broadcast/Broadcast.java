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
     * A channel keeping the last {@code capacity} values, rounded up to a power of two, with one
     * receiver subscribed. Senders never wait: a receiver that falls more than that behind loses
     * the oldest ({@link LaggedException}) rather than slowing everyone down. Creating it never
     * waits.
     *
     * <pre>{@code Channel<Event> ch = Broadcast.channel(128);}</pre>
     *
     * <p>The rounding is Tokio's: {@code channel(3)} holds four values, so a receiver lags only
     * once it is more than four behind. It is kept so that a program ported from Tokio, and a
     * test tuned on Tokio's lag points, lags exactly where it did there; the ring index is then
     * a mask. Ask for a power of two to get exactly the capacity named.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive, or above 2^30
     */
    public static <T> Channel<T> channel(int capacity) {
        BroadcastState<T> state = new BroadcastState<>(ringLength(capacity), 1);
        return new Channel<>(new Sender<>(state), new Receiver<>(state, 0));
    }

    /**
     * A sender of a new channel that has no receiver yet (Tokio's {@code Sender::new}): its sends
     * are refused until {@link Sender#subscribe()} makes one, and its {@link Sender#closed()}
     * returns at once until then. For a component that hands out subscriptions on demand.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive, or above 2^30
     */
    public static <T> Sender<T> sender(int capacity) {
        return new Sender<>(new BroadcastState<>(ringLength(capacity), 0));
    }

    /** {@code capacity} rounded up to a power of two, as Tokio rounds it. */
    private static int ringLength(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("broadcast capacity must be at least 1, was " + capacity);
        }
        if (capacity > BroadcastState.MAX_CAPACITY) {
            throw new IllegalArgumentException("broadcast capacity must be at most 2^30 (" + BroadcastState.MAX_CAPACITY
                    + "), was " + capacity + "; a receiver this far behind is better told it lagged");
        }
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }
}
