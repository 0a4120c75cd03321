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
    /** Guarded by the state's lock. */
    private boolean closed;

    Receiver(BroadcastState<T> state, long next) {
        this.state = state;
        this.next = next;
    }

    /**
     * Waits for the next value; null once every sender is closed and every value held was read,
     * or once this receiver is closed (a receive waiting then ends at once). Cancellation-safe:
     * an aborted or losing receive reads nothing.
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
     * @throws ChannelClosedException if every sender is closed and this receiver read every value
     *     held, or this receiver is closed
     */
    public T tryRecv() {
        RecvOp<T> op = new RecvOp<>(this, state);
        if (!op.tryNow()) {
            return null;
        }
        T v = op.result();
        if (op.isClosedOutcome()) {
            throw new ChannelClosedException(isClosedHere()
                    ? "this broadcast receiver is closed and receives nothing more; receive through an open one"
                            + " (resubscribe before closing)"
                    : "this broadcast channel is closed: every sender was closed and this receiver read every value"
                            + " it held; no value will come");
        }
        return v;
    }

    /** The receive as a select operation; the end of the channel is a closed outcome. */
    public SelectableOp<T> recvOp() {
        return new RecvOp<>(this, state);
    }

    /**
     * A new receiver that starts with the values sent from now on (Tokio's {@code resubscribe}),
     * whatever this one has still to read; to be closed on its own.
     */
    public Receiver<T> resubscribe() {
        state.lock.lock();
        try {
            return new Receiver<>(state, state.subscribeLocked());
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Values sent that this receiver has not read yet (Tokio's {@code Receiver::len}), counted
     * from where it stands: values overwritten before it read them count until a receive
     * reports them as a {@link LaggedException}, so this may exceed the capacity.
     */
    public long len() {
        state.lock.lock();
        try {
            return state.tail - next;
        } finally {
            state.lock.unlock();
        }
    }

    /** True when this receiver has read every value sent ({@link #len()} is 0). */
    public boolean isEmpty() {
        return len() == 0;
    }

    /** True when {@code other} is a receiver of the same channel as this one. */
    public boolean sameChannel(Receiver<?> other) {
        return state == other.state;
    }

    /** Open senders of the channel (Tokio's {@code sender_strong_count}). */
    public int senderStrongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.lock.unlock();
        }
    }

    /** Open weak senders of the channel (Tokio's {@code sender_weak_count}). */
    public int senderWeakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
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

    /**
     * True once every {@link Sender} is closed (values not yet read can still be received);
     * {@link WeakSender}s do not keep the channel open.
     */
    public boolean isClosed() {
        state.lock.lock();
        try {
            return state.senders == 0;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Unsubscribes: the values it had not read count as read by it, and once every receiver is
     * closed, sends fail and {@link Sender#closed()} returns. From then on this receiver
     * receives nothing: a receive waiting on it (another task's, say) ends at once as at the end
     * of the channel, and so does every later one, as a oneshot receiver's do. Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.unsubscribeLocked(this);
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** Under the state's lock: this receiver is closed. */
    boolean closedLocked() {
        return closed;
    }

    private boolean isClosedHere() {
        state.lock.lock();
        try {
            return closed;
        } finally {
            state.lock.unlock();
        }
    }
}
