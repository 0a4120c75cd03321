package dev.heddle.channel.mpsc;

import dev.heddle.runtime.SelectableOp;

/**
 * A bounded mpsc channel together with the op a plain {@link Sender#send} waits with while the
 * channel is full ({@link SendOp}), which no select offers ({@link Sender#sendOp} is a mapped
 * reserve): for tests that drive that op step by step, as an aborted send does.
 */
public final class PlainSend<T> {
    private final ChannelState<T> state;
    private final Channel<T> channel;

    public PlainSend(int capacity) {
        this.state = new ChannelState<>(capacity);
        this.channel = new Channel<>(new Sender<>(state), new Receiver<>(state));
    }

    public Channel<T> channel() {
        return channel;
    }

    /** A new send of {@code value}, as {@link Sender#send} makes one once it found no free slot. */
    public SelectableOp<Void> sendOp(T value) {
        return new SendOp<>(state, value);
    }
}
