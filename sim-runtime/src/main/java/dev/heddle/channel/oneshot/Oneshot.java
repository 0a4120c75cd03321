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

    public static <T> Channel<T> channel() {
        return new OneshotState<>();
    }
}
