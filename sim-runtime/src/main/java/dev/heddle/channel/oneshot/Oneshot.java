package dev.heddle.channel.oneshot;

/**
 * Channels that carry one value (Tokio's {@code oneshot}), typically a reply:
 * <pre>{@code
 * Channel<Integer> reply = Oneshot.channel();
 * Heddle.spawn(() -> { try (var tx = reply.sender()) { tx.send(compute()); } });
 * int v = reply.receiver().recv();
 * }</pre>
 */
public final class Oneshot {
    private Oneshot() {}

    /**
     * A new channel for one value: its sender sends at most once, its receiver waits for that
     * value. Creating it never waits.
     */
    public static <T> Channel<T> channel() {
        return new OneshotState<>();
    }
}
