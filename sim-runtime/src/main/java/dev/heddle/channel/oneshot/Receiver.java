package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;

/**
 * The receiving end of a oneshot channel.
 * <pre>{@code
 * Reply r = replyChannel.receiver().recv();   // or ChannelClosedException: no reply will come
 * }</pre>
 * {@link #recv()} is cancellation-safe: a receive that is aborted, times out or loses a select
 * leaves the value in the channel for the next receive.
 */
public final class Receiver<T> implements AutoCloseable {
    private final OneshotState<T> channel;

    Receiver(OneshotState<T> channel) {
        this.channel = channel;
    }

    /**
     * Waits for the value.
     *
     * @throws ChannelClosedException if the sender closed without sending
     * @throws IllegalStateException if the value was already received
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; the value, if it comes, stays for a later receive
     */
    public T recv() {
        return SelectableOp.await(new RecvOp<>(channel));
    }

    /**
     * The value if it was sent, null if it was not sent yet.
     *
     * @throws ChannelClosedException if the sender closed without sending
     * @throws IllegalStateException if the value was already received
     */
    public T tryRecv() {
        synchronized (channel) {
            return channel.tryReceiveLocked() ? channel.outcome() : null;
        }
    }

    /** The receive as a select operation; a sender closed without sending is a closed outcome. */
    public SelectableOp<T> recvOp() {
        return new RecvOp<>(channel);
    }

    /**
     * Operations queued on this channel now, waiting (receives); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        synchronized (channel) {
            return channel.queuedLocked();
        }
    }

    /**
     * True when no value will be received any more: the sender closed without sending, or the
     * value was already received.
     */
    public boolean isClosed() {
        synchronized (channel) {
            return channel.senderDoneLocked() && !channel.hasValueLocked();
        }
    }

    /**
     * Refuses the value: a later {@code send} fails and hands its value back. A value sent before
     * can still be received. Idempotent.
     */
    @Override
    public void close() {
        synchronized (channel) {
            channel.receiverClosed = true;
        }
    }
}
