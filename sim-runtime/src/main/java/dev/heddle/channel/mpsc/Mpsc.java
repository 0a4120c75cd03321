package dev.heddle.channel.mpsc;

/**
 * Multi-producer, single-consumer channels (Tokio's {@code mpsc}).
 * <pre>{@code
 * Channel<String> ch = Mpsc.bounded(64);
 * Receiver<String> rx = ch.receiver();
 * for (int i = 0; i < 4; i++) {
 *     Sender<String> tx = ch.sender().clone();
 *     Heddle.spawn(() -> { try (tx) { tx.send("hello"); } });
 * }
 * ch.sender().close();                 // keep only the clones open
 * String s;
 * while ((s = rx.recv()) != null) System.out.println(s);
 * }</pre>
 * A bounded channel makes senders wait while it is full (backpressure); an unbounded one never
 * does. Both work the same on a real runtime, on plain threads, and in simulation.
 */
public final class Mpsc {
    private Mpsc() {}

    /**
     * A channel holding at most {@code capacity} values not yet received. While it is full,
     * {@link Sender#send} waits (a cancellable suspension point): the backpressure that keeps a
     * fast producer from outrunning its consumer. Creating it never waits.
     *
     * <pre>{@code Channel<Job> jobs = Mpsc.bounded(64);}</pre>
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("mpsc capacity must be at least 1, was " + capacity
                    + "; use Mpsc.unbounded() for a channel without a limit");
        }
        return open(new ChannelState<>(capacity));
    }

    /**
     * A channel whose senders never wait: only memory bounds it, so prefer {@link #bounded}
     * unless something else bounds the producers (one reply per request, say).
     *
     * <pre>{@code Channel<Event> events = Mpsc.unbounded();}</pre>
     */
    public static <T> Channel<T> unbounded() {
        return open(new ChannelState<>(Integer.MAX_VALUE));
    }

    private static <T> Channel<T> open(ChannelState<T> state) {
        return new Channel<>(new Sender<>(state), new Receiver<>(state));
    }
}
