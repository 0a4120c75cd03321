package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.select.SelectableOp;
import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;

/**
 * The receiving end of a oneshot channel.
 * <pre>{@code
 * Reply r = replyChannel.receiver().recv();   // or ChannelClosedException: no reply will come
 * }</pre>
 * {@link #recv()} is cancellation-safe: a receive that is aborted, times out or loses a select
 * leaves the value in the channel for the next receive.
 */
public final class Receiver<T> implements AutoCloseable {
    private final Channel<T> channel;

    Receiver(Channel<T> channel) {
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
        // One monitor round for both outcomes: a ready channel is received from at once;
        // otherwise the receive waits, queued before the monitor is let go. It allocates its
        // waiter and nothing else: the commit is the channel's own, the waiter reads the outcome
        // from the channel, and the first receive to wait needs no queue node.
        Waiter waiter;
        WaitQueue.Node<Void> node;
        synchronized (channel) {
            if (channel.tryReceiveLocked()) {
                return channel.outcome();
            }
            waiter = new Waiter();
            node = channel.enqueueLocked(waiter, 0);
        }
        try {
            waiter.await();
        } finally {
            channel.dequeue(waiter, 0, node);
        }
        return channel.outcome();
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
            return channel.senderDone && !channel.hasValueLocked();
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
