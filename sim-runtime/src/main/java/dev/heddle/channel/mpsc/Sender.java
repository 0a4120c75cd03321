package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Waiter;

/**
 * One sending handle of an mpsc channel. Handles are cloned for each producer and each is
 * closed once (try-with-resources); the channel closes for the receiver when every handle is
 * closed and it has drained what was queued.
 * <pre>{@code
 * try (Sender<Order> tx = orders.clone()) {
 *     for (Order o : batch) tx.send(o);      // waits while a bounded channel is full
 * }
 * }</pre>
 * A handle may be used by several tasks at once. Values must not be null.
 * <p>A send that is refused throws {@link SendException} with the value handed back, as on
 * every channel: {@link SendException.Reason#CLOSED} when the receiver is closed,
 * {@link SendException.Reason#FULL} when {@code trySend} finds no free slot,
 * {@link SendException.Reason#SENDER_CLOSED} when this handle is closed; a {@link Permit}
 * refuses a second value with {@link SendException.Reason#ALREADY_SENT}.
 */
public final class Sender<T> implements AutoCloseable, Cloneable {
    private final ChannelState<T> state;
    private boolean closed;

    Sender(ChannelState<T> state) {
        this.state = state;
    }

    /**
     * Sends {@code value}, waiting for a free slot while a bounded channel is full. When this
     * returns, the value is in the channel; when it throws, the value was not sent.
     *
     * @throws SendException with the value if the receiver is closed, or if this handle is
     *     closed ({@link SendException.Reason#SENDER_CLOSED})
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting for a slot; the value was not sent
     */
    public void send(T value) {
        requireValue(value);
        if (state.capacity != Integer.MAX_VALUE) {
            Budget.spend(); // a bounded send may wait, so it spends as Tokio's does; an unbounded one never waits
        }
        state.lock.lock();
        try {
            if (closed) {
                throw handleClosed(value);
            }
            if (state.receiverClosed) {
                throw closed(value);
            }
            if (state.hasFreeSlotLocked()) {
                state.deliverLocked(value);
                return;
            }
        } finally {
            state.unlock();
        }
        SendOp<T> op = new SendOp<>(state, value);
        SelectableOp.await(op);
        if (op.isClosedOutcome()) {
            throw closed(value);
        }
    }

    /**
     * Sends {@code value} if that needs no waiting.
     *
     * @throws SendException with the value, {@link SendException#isFull() full} when a bounded
     *     channel has no free slot, closed when the receiver is closed, sender-closed when this
     *     handle is closed
     */
    public void trySend(T value) {
        requireValue(value);
        state.lock.lock();
        try {
            if (closed) {
                throw handleClosed(value);
            }
            if (state.receiverClosed) {
                throw closed(value);
            }
            if (!state.hasFreeSlotLocked()) {
                throw new SendException(SendException.Reason.FULL, value, "mpsc channel full (capacity "
                        + state.capacity + "): " + value + " was not sent; retry later, or use send() to wait");
            }
            state.deliverLocked(value);
        } finally {
            state.unlock();
        }
    }

    /**
     * Reserves a slot, waiting while a bounded channel is full; the returned permit sends
     * without waiting. Close the permit if it goes unused.
     *
     * @throws ChannelClosedException if the receiver is closed
     * @throws IllegalStateException if this handle is closed
     */
    public Permit<T> reserve() {
        return SelectableOp.await(reserveOp());
    }

    /**
     * The reserve as a select operation: {@code Select.on(tx.reserveOp(), permit -> ...)}. A
     * branch that loses takes no slot. The result throws {@link ChannelClosedException} when
     * the receiver closed, which a select treats as a closed branch.
     *
     * @throws IllegalStateException if this handle is closed
     */
    public SelectableOp<Permit<T>> reserveOp() {
        state.lock.lock();
        try {
            requireOpenLocked();
        } finally {
            state.unlock();
        }
        return new ReserveOp<>(state);
    }

    /**
     * Sending {@code value} as a select operation: {@code .on(tx.sendOp(v), sent -> ...)}. It
     * reserves a slot first and sends through it only when its branch wins, so a branch that
     * loses has sent nothing and {@code value} stays with the caller. A closed receiver closes
     * the branch.
     *
     * @throws IllegalStateException if this handle is closed
     */
    public SelectableOp<Void> sendOp(T value) {
        requireValue(value);
        return reserveOp().map(permit -> {
            permit.send(value);
            return null;
        });
    }

    /** True once the receiver is closed: nothing sent from now on would be received. */
    public boolean isClosed() {
        state.lock.lock();
        try {
            return state.receiverClosed;
        } finally {
            state.unlock();
        }
    }

    /** Slots free now (a bounded channel's capacity minus queued values and reserved slots). */
    public int freeSlots() {
        state.lock.lock();
        try {
            return state.capacity == Integer.MAX_VALUE ? Integer.MAX_VALUE
                    : state.capacity - state.sizeLocked() - state.reserved;
        } finally {
            state.unlock();
        }
    }

    /**
     * A new handle on the same channel, to be closed on its own.
     *
     * @throws IllegalStateException if this handle is closed
     */
    @Override
    public Sender<T> clone() {
        state.lock.lock();
        try {
            requireOpenLocked();
            state.senders++;
            return new Sender<>(state);
        } finally {
            state.unlock();
        }
    }

    /**
     * Closes this handle; when it was the last one, the receiver sees the end of the channel
     * after draining it. Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            state.senders--;
            state.endIfDrainedLocked();
        } finally {
            state.unlock();
        }
    }

    static void requireValue(Object value) {
        if (value == null) {
            throw new NullPointerException("mpsc channels carry non-null values: send Optional.empty() or a marker"
                    + " value instead of null");
        }
    }

    private void requireOpenLocked() {
        if (closed) {
            throw new IllegalStateException("this Sender handle is closed; send through a handle that is still open"
                    + " (clone one before closing)");
        }
    }

    private SendException handleClosed(T value) {
        return new SendException(SendException.Reason.SENDER_CLOSED, value, "this mpsc Sender handle is closed: "
                + value + " was not sent and is returned in SendException.value(); send through a handle that is"
                + " still open (clone one before closing)");
    }

    private SendException closed(T value) {
        return new SendException(SendException.Reason.CLOSED, value, "mpsc receiver is closed: " + value
                + " was not sent and is returned in SendException.value()");
    }
}
