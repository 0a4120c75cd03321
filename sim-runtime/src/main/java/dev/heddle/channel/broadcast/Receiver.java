package dev.heddle.channel.broadcast;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;

/**
 * One subscriber of a broadcast channel: it receives every value sent after it subscribed,
 * unless it falls more than the capacity behind.
 * <pre>{@code
 * while (true) {
 *     try {
 *         Event e = rx.recv();
 *         if (e == null) break;          // every sender closed, all read
 *         handle(e);
 *     } catch (LaggedException lag) {
 *         log("missed " + lag.missed());  // continues with the oldest value still held
 *     }
 * }
 * }</pre>
 * Owned by one task at a time; {@link #resubscribe()} gives another task its own receiver.
 */
public final class Receiver<T> implements AutoCloseable {
    private final BroadcastState<T> state;
    /** The number of the next value to read; guarded by the state's lock. */
    long next;
    private boolean closed;

    Receiver(BroadcastState<T> state, long next) {
        this.state = state;
        this.next = next;
    }

    /**
     * Waits for the next value; null once every sender is closed and every value held was read.
     * Cancellation-safe: an aborted or losing receive reads nothing.
     *
     * @throws LaggedException if values were overwritten before this receiver read them
     */
    public T recv() {
        return SelectableOp.await(recvOp());
    }

    /**
     * The next value if there is one now; null when there is none yet but one can still come
     * (empty). Tells the end and a lag by throwing, never by null, as every channel's
     * {@code tryRecv} does (Tokio's {@code TryRecvError::{Empty, Closed, Lagged}}), so no later
     * {@link #isClosed()} is needed to tell them apart.
     *
     * @throws LaggedException if values were overwritten before this receiver read them (the
     *     next call goes on from the oldest value held)
     * @throws ChannelClosedException if every sender is closed and this receiver read every value held
     */
    public T tryRecv() {
        RecvOp<T> op = new RecvOp<>(this, state);
        if (!op.tryNow()) {
            return null;
        }
        T v = op.result();
        if (op.isClosedOutcome()) {
            throw new ChannelClosedException("this broadcast channel is closed: every sender was closed and this"
                    + " receiver read every value it held; no value will come");
        }
        return v;
    }

    /** The receive as a select operation; the end of the channel is a closed outcome. */
    public SelectableOp<T> recvOp() {
        return new RecvOp<>(this, state);
    }

    /** A new receiver that starts with the values sent from now on. */
    public Receiver<T> resubscribe() {
        state.lock.lock();
        try {
            state.receivers++;
            return new Receiver<>(state, state.tail);
        } finally {
            state.lock.unlock();
        }
    }

    /** Values sent and not yet read by this receiver (capped by what the ring still holds). */
    public long pending() {
        state.lock.lock();
        try {
            return state.tail - Math.max(next, state.oldestLocked());
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Operations queued on this channel now, waiting (receives, of every receiver); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        state.lock.lock();
        try {
            return state.waiting.size();
        } finally {
            state.lock.unlock();
        }
    }

    /** True once every sender is closed (values not yet read can still be received). */
    public boolean isClosed() {
        state.lock.lock();
        try {
            return state.senders == 0;
        } finally {
            state.lock.unlock();
        }
    }

    /** Unsubscribes; once every receiver is closed, sends fail. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.receivers--;
            }
        } finally {
            state.lock.unlock();
        }
    }
}
