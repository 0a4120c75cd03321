package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.Objects;

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
 * {@link SendException.Reason#SENDER_CLOSED} when this handle is closed,
 * {@link SendException.Reason#TIMEOUT} when {@code sendTimeout} runs out of time; a
 * {@link Permit} refuses a second value with {@link SendException.Reason#ALREADY_SENT}.
 * <p>Handles are strong: the channel stays open for the receiver while one is open (or a
 * permit is outstanding). A {@link WeakSender} ({@link #downgrade()}) does not keep it open,
 * as Tokio's {@code WeakSender}: an actor can hold one to itself and still end when its last
 * outside handle closes.
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
     * Sends {@code value}, waiting at most {@code timeout} for a free slot (Tokio's
     * {@code send_timeout}). A free slot is taken at once whatever the timeout, so a zero
     * timeout is a {@link #trySend} that reports {@link SendException.Reason#TIMEOUT} instead of
     * {@link SendException.Reason#FULL}. Must run in a task: the time limit is measured on the
     * runtime's clock (virtual time in simulation).
     *
     * @throws SendException with the value: {@link SendException.Reason#TIMEOUT} if no slot
     *     freed up in time, {@link SendException.Reason#CLOSED} if the receiver is (or gets)
     *     closed, {@link SendException.Reason#SENDER_CLOSED} if this handle is closed; the value
     *     was not sent
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws IllegalStateException on a thread that is not a Heddle task (no runtime clock)
     */
    public void sendTimeout(T value, Duration timeout) {
        requireValue(value);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("sendTimeout needs a timeout of zero or more, was " + timeout);
        }
        if (Task.current() == null) {
            throw new IllegalStateException("mpsc Sender.sendTimeout measures its timeout on a Heddle runtime's"
                    + " clock and was called on " + Thread.currentThread() + ", which is not a Heddle task: call it"
                    + " inside HeddleRuntime.blockOn, a spawned task or a simulation, or use send() on a plain thread");
        }
        try {
            HeddleRuntime.current().clock().timeout(timeout, () -> send(value));
        } catch (Elapsed e) {
            throw new SendException(SendException.Reason.TIMEOUT, value, "mpsc channel stayed full (capacity "
                    + state.capacity + ") for the whole timeout of " + timeout + ": " + value + " was not sent and"
                    + " is returned in SendException.value()");
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
     * without waiting. Close the permit if it goes unused. Waiting reserves and sends get slots
     * in arrival order.
     *
     * @throws ChannelClosedException if the receiver is closed, or closes before a slot is
     *     reserved (a slot handed over in the meantime goes back)
     * @throws IllegalStateException if this handle is closed
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; no slot was taken
     */
    public Permit<T> reserve() {
        state.lock.lock();
        try {
            requireOpenLocked();
            if (!state.receiverClosed && state.hasFreeSlotLocked()) {
                state.reserved++;
                return new Permit<>(state);
            }
        } finally {
            state.unlock();
        }
        return SelectableOp.await(new ReserveOp<>(state, 1)).next();
    }

    /**
     * Reserves a slot if one is free now (Tokio's {@code try_reserve}); close the permit if it
     * goes unused. A slot is not free while other sends or reserves wait for one: they come
     * first.
     *
     * @return the permit, or null when no slot is free now (Tokio's {@code Full})
     * @throws ChannelClosedException if the receiver is closed
     * @throws IllegalStateException if this handle is closed
     */
    public Permit<T> tryReserve() {
        state.lock.lock();
        try {
            requireOpenLocked();
            requireReceiverOpenLocked(1);
            if (!state.hasFreeSlotLocked()) {
                return null;
            }
            state.reserved++;
            return new Permit<>(state);
        } finally {
            state.unlock();
        }
    }

    /**
     * Reserves {@code n} slots at once, waiting until they are all free (Tokio's
     * {@code reserve_many}); close the returned {@link Permits} to give back the slots not
     * used. While it waits first in line it holds the slots freed so far, and sends and reserves
     * behind it wait (as in Tokio, so a large reserve is not starved); if it is aborted or
     * times out it gives them back. Zero slots are granted at once, even on a full channel.
     *
     * @throws ChannelClosedException if the receiver is closed, or closes before the slots are
     *     reserved (the slots taken meanwhile go back)
     * @throws IllegalArgumentException if {@code n} is negative or more than
     *     {@link #maxCapacity()}, which could never be granted
     * @throws IllegalStateException if this handle is closed
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; no slot was taken
     */
    public Permits<T> reserveMany(int n) {
        return SelectableOp.await(reserveManyOp(n));
    }

    /**
     * {@link #reserveMany} as a select operation. A branch that loses gives back the slots it
     * held while waiting first in line, and takes none. The result throws
     * {@link ChannelClosedException} when the receiver closed, which a select treats as a
     * closed branch.
     *
     * @throws IllegalArgumentException if {@code n} is negative or more than {@link #maxCapacity()}
     * @throws IllegalStateException if this handle is closed
     */
    public SelectableOp<Permits<T>> reserveManyOp(int n) {
        requireCount(n);
        if (n > state.capacity) {
            throw new IllegalArgumentException("cannot reserve " + n + " slots of an mpsc channel of capacity "
                    + state.capacity + ": they would never all be free; reserve at most maxCapacity() slots");
        }
        state.lock.lock();
        try {
            requireOpenLocked();
        } finally {
            state.unlock();
        }
        return new ReserveOp<>(state, n);
    }

    /**
     * Reserves {@code n} slots if they are all free now (Tokio's {@code try_reserve_many});
     * close the returned {@link Permits} to give back the slots not used.
     *
     * @return the permits, or null when fewer than {@code n} slots are free now, which is
     *     always so when {@code n} is more than {@link #maxCapacity()} (Tokio's {@code Full})
     * @throws ChannelClosedException if the receiver is closed (and {@code n} is not more than
     *     the capacity)
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if this handle is closed
     */
    public Permits<T> tryReserveMany(int n) {
        requireCount(n);
        state.lock.lock();
        try {
            requireOpenLocked();
            if (n > state.capacity) {
                return null;
            }
            requireReceiverOpenLocked(n);
            if (!state.hasFreeSlotsLocked(n)) {
                return null;
            }
            state.reserved += n;
            return new Permits<>(state, n);
        } finally {
            state.unlock();
        }
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
        return new ReserveOp<>(state, 1).map(Permits::next);
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

    /**
     * Waits until the receiver is closed (Tokio's {@code closed}): from then on every send
     * fails, so a producer can stop producing, or a select can race it against the work:
     * {@code Select.on(tx.closedOp(), x -> "receiver gone")}. Returns at once if it is closed
     * already. Works on a closed handle too: it sends nothing.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting
     */
    public void closed() {
        SelectableOp.await(closedOp());
    }

    /** {@link #closed()} as a select operation; it takes nothing from the channel. */
    public SelectableOp<Void> closedOp() {
        return new ClosedOp(state);
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

    /**
     * Slots free now (Tokio's {@code capacity}): {@link #maxCapacity()} minus queued values,
     * slots held by permits, and slots a waiting {@link #reserveMany} holds already. It goes down
     * with each send or reserve and back up as values are received or permits closed unused.
     * {@link Integer#MAX_VALUE} minus those for an unbounded channel.
     */
    public int capacity() {
        state.lock.lock();
        try {
            return state.freeLocked();
        } finally {
            state.unlock();
        }
    }

    /** The capacity the channel was made with (Tokio's {@code max_capacity}); {@link Integer#MAX_VALUE} if unbounded. */
    public int maxCapacity() {
        return state.capacity;
    }

    /** True when {@code other} sends into the same channel as this handle (Tokio's {@code same_channel}). */
    public boolean sameChannel(Sender<?> other) {
        return other.state == state;
    }

    /** Sender handles of this channel open now, this one included if open (Tokio's {@code strong_count}). */
    public int strongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.unlock();
        }
    }

    /** {@link WeakSender} handles of this channel open now (Tokio's {@code weak_count}). */
    public int weakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
        } finally {
            state.unlock();
        }
    }

    /**
     * A {@link WeakSender} for this channel (Tokio's {@code downgrade}): it does not keep the
     * channel open, and {@link WeakSender#upgrade()} gives a sender back while one still is.
     * This handle stays open; close the weak one when done with it, for {@link #weakCount()}.
     *
     * @throws IllegalStateException if this handle is closed
     */
    public WeakSender<T> downgrade() {
        state.lock.lock();
        try {
            requireOpenLocked();
            state.weakSenders++;
            return new WeakSender<>(state);
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

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot reserve a negative number of mpsc slots, was " + n);
        }
    }

    private void requireReceiverOpenLocked(int n) {
        if (state.receiverClosed) {
            throw new ChannelClosedException("cannot reserve " + (n == 1 ? "a slot" : n + " slots")
                    + ": the receiver of this mpsc channel is closed");
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
