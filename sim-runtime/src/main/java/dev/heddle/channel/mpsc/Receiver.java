package dev.heddle.channel.mpsc;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * The receiving side of an mpsc channel, owned by one consumer task at a time.
 * <pre>{@code
 * Order o;
 * while ((o = rx.recv()) != null) handle(o);   // null: every sender closed, all drained
 * }</pre>
 * {@link #recv()} is cancellation-safe: a receive that is aborted, times out, or loses a
 * select takes no value from the channel.
 * <p>One task receives at a time (it may hand the receiver on to another): on a bounded
 * channel of up to 4,096 slots the receiver takes queued values without a lock, as the one
 * consumer of the channel's ring, so two tasks receiving at once could take the same value.
 */
public final class Receiver<T> implements AutoCloseable {
    private final ChannelState<T> state;

    Receiver(ChannelState<T> state) {
        this.state = state;
    }

    /**
     * Takes the next value, waiting for one; null once every sender is closed (or this
     * receiver is) and every queued value was received.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; no value was taken
     */
    public T recv() {
        T fast = state.pollUnlocked();
        if (fast != null) {
            return fast;
        }
        return SelectableOp.await(new RecvOp<>(state));
    }

    /** The next value if one is queued now, else null (see {@link #isClosed()} to tell the end). */
    public T tryRecv() {
        T fast = state.pollUnlocked();
        if (fast != null) {
            return fast;
        }
        state.lock.lock();
        try {
            return state.pollLocked();
        } finally {
            state.unlock();
        }
    }

    /** The receive as a select operation; a closed, drained channel is a closed outcome. */
    public SelectableOp<T> recvOp() {
        return new RecvOp<>(state);
    }

    /**
     * Stops new sends (they fail with the value handed back, and waiting senders wake with that
     * failure and their values) while the values already queued, or sent through permits already taken, can
     * still be received. Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            state.receiverClosed = true;
            state.refuseWaitingSendersLocked();
            state.endIfDrainedLocked();
        } finally {
            state.unlock();
        }
    }

    /** True when no more values can be sent: every sender closed, or this receiver closed. */
    public boolean isClosed() {
        state.lock.lock();
        try {
            return state.isClosedLocked();
        } finally {
            state.unlock();
        }
    }

    /**
     * Operations queued on this channel now, waiting (receives, and sends and reserves waiting for a slot); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        state.lock.lock();
        try {
            return state.receivers.size() + state.slotRequests.size();
        } finally {
            state.unlock();
        }
    }

    /** Values queued now. */
    public int size() {
        state.lock.lock();
        try {
            return state.sizeLocked();
        } finally {
            state.unlock();
        }
    }
}
