package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Waiter;
import java.util.List;
import java.util.Objects;

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
        Budget.spend(); // before the value is taken: a cancellation delivered at its yield takes none
        T fast = state.pollUnlocked();
        if (fast != null) {
            return fast;
        }
        return SelectableOp.await(new RecvOp<>(state));
    }

    /**
     * Takes up to {@code limit} values into {@code buffer}, waiting until at least one is there
     * (Tokio's {@code recv_many}): the values queued now, in order, appended to what the buffer
     * holds. Returns how many were added: never 0 for a positive limit unless the channel has
     * ended (closed and drained, as when {@link #recv()} returns null), and 0 at once for a
     * limit of 0. Cancellation-safe as {@link #recv()}: only the wait for the first value can be
     * interrupted, and then nothing was taken.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; no value was taken
     */
    public int recvMany(List<? super T> buffer, int limit) {
        Objects.requireNonNull(buffer, "buffer");
        if (limit < 0) {
            throw new IllegalArgumentException("recvMany takes a limit of zero or more values, was " + limit);
        }
        if (limit == 0) {
            return 0;
        }
        T first = recv();
        if (first == null) {
            return 0;
        }
        buffer.add(first);
        int n = 1;
        state.lock.lock();
        try {
            T v;
            while (n < limit && (v = state.pollLocked()) != null) {
                buffer.add(v);
                n++;
            }
        } finally {
            state.unlock();
        }
        return n;
    }

    /**
     * The next value if one is queued now; null when none is but one can still come (empty).
     * Tells the end by throwing, never by null, as every channel's {@code tryRecv} does (Tokio's
     * {@code TryRecvError::Disconnected}), so no later {@link #isClosed()} is needed to tell the two apart.
     *
     * @throws ChannelClosedException if the channel is closed and drained: every sender (and
     *     every permit) is gone or this receiver closed, and every value queued was received
     */
    public T tryRecv() {
        T fast = state.pollUnlocked();
        if (fast != null) {
            return fast;
        }
        state.lock.lock();
        try {
            T v = state.pollLocked();
            if (v == null && state.isEndedLocked()) {
                throw new ChannelClosedException("this mpsc channel is closed and drained: "
                        + (state.receiverClosed ? "its receiver was closed" : "every sender and permit was closed")
                        + " and every value was received; no value will come");
            }
            return v;
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
            state.closeReceiverLocked();
        } finally {
            state.unlock();
        }
    }

    /**
     * True when the channel is closed: this receiver closed it, or every sender closed and no
     * reserved {@link Permit} is left that could still send (a permit holds the channel open as
     * a sender does, as in Tokio). Values queued may still wait to be received.
     */
    public boolean isClosed() {
        state.lock.lock();
        try {
            return state.isClosedLocked();
        } finally {
            state.unlock();
        }
    }

    /**
     * Operations queued on this channel now, waiting (receives, sends and reserves waiting for a slot, and
     * {@link Sender#closed()} waits); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        state.lock.lock();
        try {
            return state.receivers.size() + state.slotRequests.size() + state.closedWaiters.size();
        } finally {
            state.unlock();
        }
    }

    /** Values queued now, not yet received (Tokio's {@code len}); values of permits not yet used are not counted. */
    public int len() {
        state.lock.lock();
        try {
            return state.sizeLocked();
        } finally {
            state.unlock();
        }
    }

    /** True when no value is queued now (Tokio's {@code is_empty}); more may still come. */
    public boolean isEmpty() {
        return len() == 0;
    }

    /** Slots free now, as {@link Sender#capacity()} (Tokio's {@code Receiver::capacity}). */
    public int capacity() {
        state.lock.lock();
        try {
            return state.freeLocked();
        } finally {
            state.unlock();
        }
    }

    /** The capacity the channel was made with, as {@link Sender#maxCapacity()}. */
    public int maxCapacity() {
        return state.capacity;
    }

    /** Sender handles open now (Tokio's {@code sender_strong_count}). */
    public int senderStrongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.unlock();
        }
    }

    /** {@link WeakSender} handles open now (Tokio's {@code sender_weak_count}). */
    public int senderWeakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
        } finally {
            state.unlock();
        }
    }
}
