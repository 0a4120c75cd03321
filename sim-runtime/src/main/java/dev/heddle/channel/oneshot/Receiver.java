package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.select.Select;
import dev.heddle.select.SelectableOp;

/**
 * The receiving end of a oneshot channel.
 * <pre>{@code
 * Reply r = replyChannel.receiver().recv();   // or ChannelClosedException: no reply will come
 * }</pre>
 * {@link #recv()} is cancellation-safe: a receive that is aborted, times out or loses a select
 * leaves the value in the channel for the next receive.
 */
public final class Receiver<T> implements AutoCloseable {
    private final OneshotState<T> state;

    Receiver(OneshotState<T> state) {
        this.state = state;
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
        // Fast path: a value already there (or a sender already gone) is taken under one lock,
        // without the op and waiter a wait needs; a reply often arrives before its recv.
        state.lock();
        try {
            state.requireNotReceivedLocked();
            if (state.hasValueLocked()) {
                return state.takeValueLocked();
            }
            if (state.senderDone) {
                throw OneshotState.closedWithoutValue();
            }
        } finally {
            state.unlock();
        }
        return Select.awaitEnqueued(recvOp());
    }

    /**
     * The value if it was sent, null if it was not sent yet.
     *
     * @throws ChannelClosedException if the sender closed without sending
     * @throws IllegalStateException if the value was already received
     */
    public T tryRecv() {
        RecvOp<T> op = new RecvOp<>(state);
        return op.tryNow() ? op.result() : null;
    }

    /** The receive as a select operation; a sender closed without sending is a closed outcome. */
    public SelectableOp<T> recvOp() {
        return new RecvOp<>(state);
    }

    /**
     * Operations queued on this channel now, waiting (receives); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        state.lock();
        try {
            return state.queuedLocked();
        } finally {
            state.unlock();
        }
    }

    /**
     * True when no value will be received any more: the sender closed without sending, or the
     * value was already received.
     */
    public boolean isClosed() {
        state.lock();
        try {
            return state.senderDone && !state.hasValueLocked();
        } finally {
            state.unlock();
        }
    }

    /**
     * Refuses the value: a later {@code send} fails and hands its value back. A value sent before
     * can still be received. Idempotent.
     */
    @Override
    public void close() {
        state.lock();
        try {
            state.receiverClosed = true;
        } finally {
            state.unlock();
        }
    }
}
