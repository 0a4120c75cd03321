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
     * @throws ChannelClosedException if the sender closed without sending, or this receiver was
     *     closed before a value was sent (at once, as Tokio's receiver does after {@code close})
     * @throws IllegalStateException if the value was already received
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; the value, if it comes, stays for a later receive
     */
    public T recv() {
        return SelectableOp.await(new RecvOp<>(channel));
    }

    /**
     * The value if it was sent; null when it was not sent yet and still can be (empty). Tells
     * the end by throwing, never by null, as every channel's {@code tryRecv} does (Tokio's
     * {@code TryRecvError::Closed}), so no later {@link #isClosed()} is needed to tell them apart.
     *
     * @throws ChannelClosedException if no value will ever come (closed): the sender closed
     *     without sending, this receiver was closed before a value was sent, or the value was
     *     already received
     */
    public T tryRecv() {
        synchronized (channel) {
            if (channel.received) {
                throw new ChannelClosedException("the value of this oneshot was already received; a oneshot carries"
                        + " one value, so no other will come");
            }
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
     * True when no value will be received any more: the sender closed without sending, this
     * receiver was closed before a value was sent, or the value was already received.
     */
    public boolean isClosed() {
        synchronized (channel) {
            return channel.senderDoneLocked() && !channel.hasValueLocked();
        }
    }

    /**
     * Refuses the value: a later {@code send} fails and hands its value back. A value sent before
     * can still be received; if none was, the channel ends here, with the sender still open: a
     * waiting {@link #recv()} fails at once with {@link ChannelClosedException}, and so does
     * every later receive (Tokio's {@code Receiver::close}). Idempotent.
     */
    @Override
    public void close() {
        synchronized (channel) {
            channel.receiverClosed = true;
            channel.endWithoutValueLocked();
        }
    }
}
