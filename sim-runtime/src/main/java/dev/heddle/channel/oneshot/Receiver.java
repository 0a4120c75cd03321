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
     * True once a receive has completed, with the value or with {@link ChannelClosedException}
     * (Tokio's {@code is_terminated}): nothing is left to receive, and a further {@link #recv()}
     * fails at once. A value sent and not yet received, or a sender closed without sending, do
     * not terminate the receiver by themselves: the receive that learns of them does.
     */
    public boolean isTerminated() {
        synchronized (channel) {
            return channel.terminated;
        }
    }

    /**
     * True when no value is waiting to be received (Tokio's {@code is_empty}): none was sent yet,
     * the sender closed without one, this receiver was closed before one came, or it was received
     * already. Empty does not mean a receive would wait; {@link #isTerminated()} and
     * {@link #isClosed()} tell that.
     */
    public boolean isEmpty() {
        synchronized (channel) {
            return !channel.hasValueLocked();
        }
    }

    /**
     * Refuses the value: a later {@code send} fails and hands its value back, and a sender
     * waiting in {@link Sender#closed()} wakes. A value sent before can still be received; if
     * none was, the channel ends here, with the sender still open: a waiting {@link #recv()}
     * fails at once with {@link ChannelClosedException}, and so does every later receive
     * (Tokio's {@code Receiver::close}). Idempotent.
     */
    @Override
    public void close() {
        synchronized (channel) {
            channel.receiverClosed = true;
            channel.endWithoutValueLocked();
            channel.wakeClosedWaitersLocked();
        }
    }
}
