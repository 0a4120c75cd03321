package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * The state a oneshot's two ends share, and the {@link Channel} that {@link Oneshot#channel()}
 * hands out.
 *
 * <p>The channel is one object, and its ends are views of it. A oneshot is created per reply,
 * often hundreds of thousands a second, and kept until the reply comes: every object per
 * channel is one more for the collector to copy while replies are pending. So the state lives
 * here rather than behind the ends, every field is guarded by this object's monitor (never
 * held across a suspension, and taken by nothing outside this package), and
 * {@link #sender()} and {@link #receiver()} make a fresh, stateless handle on each call, which
 * the JIT usually does not allocate at all.
 */
final class OneshotState<T> implements Channel<T> {
    /**
     * The receive that waits first (with its waiter and branch); null when none waits there.
     * Nearly every oneshot has at most one waiting receive, which so costs no queue.
     */
    private RecvOp<T> firstReceiver;
    /**
     * Receives that came while another waited, in arrival order: all younger than
     * {@link #firstReceiver}. Created by the first of them, null until then.
     */
    private WaitQueue<RecvOp<T>> laterReceivers;
    private T value;
    /**
     * The sender sent or closed, or the receiver closed before anything was sent: no value will
     * come after this. Guarded by the monitor, except
     * for one racy read: {@link #lpSenderDoneRacy()}.
     */
    private boolean senderDone;
    /** The sender delivered its value (received or not yet). */
    boolean sent;
    /** The sender was closed (after sending or without). */
    boolean senderClosed;
    boolean receiverClosed;
    boolean received;
    /**
     * A receive completed, with the value or with the news that none will come (Tokio's
     * {@code is_terminated}): nothing is left to receive.
     */
    boolean terminated;
    /**
     * {@link Sender#closed()} waits queued until the receiver closes, in arrival order. Created
     * by the first of them, null until then: most replies are sent without anyone waiting for
     * the receiver to leave.
     */
    private WaitQueue<ClosedOp<T>> closedWaiters;

    OneshotState() {}

    @Override
    public Sender<T> sender() {
        return new Sender<>(this);
    }

    @Override
    public Receiver<T> receiver() {
        return new Receiver<>(this);
    }

    /** Under the monitor: whether the sender has sent or closed. */
    boolean senderDoneLocked() {
        return senderDone;
    }

    /** Under the monitor: the sender has sent or closed. */
    void senderDoneLocked(boolean done) {
        senderDone = done;
    }

    /**
     * Without the monitor, a plain load, and only a hint: a receive reads it to learn without the
     * monitor that it must wait, so that it takes the monitor once, to queue, instead of twice.
     * Either answer is checked under the monitor (true: the receive takes it and decides there;
     * false: its queueing looks again there), so a stale value costs one more look and no more,
     * and a volatile store on every send (a full fence on x86) would buy nothing.
     */
    boolean lpSenderDoneRacy() {
        return senderDone;
    }

    /** True when a value was sent and no receive has taken it yet. */
    boolean hasValueLocked() {
        return value != null && !received;
    }

    /** True when a receive would complete now: with the value, or with the sender gone. */
    boolean isReadyLocked() {
        return hasValueLocked() || senderDone;
    }

    /** Stores the value sent, for the first receive to take. */
    void putValueLocked(T v) {
        value = v;
    }

    /**
     * Commits one receive of a ready channel: takes the value if there is one (the sender
     * closed without one otherwise). The value stays in its field, where the committed receive
     * reads it ({@link #outcome()}); nothing else can take it any more.
     */
    void commitReceiveLocked() {
        terminated = true;
        if (value != null) {
            received = true;
        }
    }

    /**
     * Commits a receive if the channel is ready (a value sent, or the sender gone); false when
     * the receive has to wait.
     *
     * @throws IllegalStateException if the value was already received
     */
    boolean tryReceiveLocked() {
        requireNotReceivedLocked();
        if (!isReadyLocked()) {
            return false;
        }
        commitReceiveLocked();
        return true;
    }

    /**
     * What a committed receive gets: the value, read by the receiving task after the commit
     * (under the monitor, or after {@link Waiter#awaitClaim()}, which publishes the commit), when
     * the value can no longer change.
     *
     * @throws ChannelClosedException if the sender closed without sending
     */
    T outcome() {
        T v = value;
        if (v == null) {
            throw closedWithoutValue();
        }
        return v;
    }

    /**
     * Queues a receive that has to wait (with its waiter set): into the first-receiver slot
     * when no other receive waits, or else at the back of the queue.
     */
    void enqueueLocked(RecvOp<T> op) {
        if (firstReceiver == null && (laterReceivers == null || laterReceivers.isEmpty())) {
            firstReceiver = op;
            return;
        }
        if (laterReceivers == null) {
            laterReceivers = new WaitQueue<>();
        }
        laterReceivers.addLast(op);
    }

    /**
     * Takes out a receive that gave up or lost its select. A receive claimed for its own
     * branch was taken out by the claimer, so it needs no monitor.
     */
    void dequeue(RecvOp<T> op) {
        if (op.wasClaimed()) {
            return;
        }
        synchronized (this) {
            if (op.isQueued()) {
                laterReceivers.remove(op);
            } else if (firstReceiver == op) {
                firstReceiver = null;
            }
        }
    }

    /**
     * Claims and commits the oldest waiting receive that can be claimed, taking it out;
     * returns its waiter for the caller to wake once it has let go of the monitor, or null
     * when there is none.
     */
    Waiter commitFirstLocked() {
        RecvOp<T> first = firstReceiver;
        if (first != null) {
            firstReceiver = null;
            if (first.tryClaim()) {
                commitReceiveLocked();
                return first.waiter();
            }
        }
        RecvOp<T> n = laterReceivers == null ? null : laterReceivers.claimFirst();
        if (n == null) {
            return null;
        }
        commitReceiveLocked();
        return n.waiter();
    }

    /** Receives waiting now. */
    int queuedLocked() {
        return (firstReceiver == null ? 0 : 1) + (laterReceivers == null ? 0 : laterReceivers.size());
    }

    void requireNotReceivedLocked() {
        if (received) {
            throw new IllegalStateException("the value of this oneshot channel was already received; a oneshot"
                    + " carries one value");
        }
    }

    /**
     * Ends the channel without a value (the sender closed, or the receiver closed before a value
     * came): every waiting receive wakes with that news. Nothing to do once a value was sent.
     */
    void endWithoutValueLocked() {
        if (senderDone) {
            return;
        }
        senderDone = true;
        Waiter w;
        while ((w = commitFirstLocked()) != null) {
            w.wake();
        }
    }

    /** Queues a {@link Sender#closed()} wait (with its waiter set) until the receiver closes. */
    void enqueueClosedWaiterLocked(ClosedOp<T> op) {
        if (closedWaiters == null) {
            closedWaiters = new WaitQueue<>();
        }
        closedWaiters.addLast(op);
    }

    /** Takes out a {@link Sender#closed()} wait that gave up or lost its select. */
    void dequeueClosedWaiterLocked(ClosedOp<T> op) {
        if (closedWaiters != null) {
            closedWaiters.remove(op);
        }
    }

    /** The receiver closed: every {@link Sender#closed()} waiting completes. */
    void wakeClosedWaitersLocked() {
        if (closedWaiters == null) {
            return;
        }
        ClosedOp<T> op;
        while ((op = closedWaiters.claimFirst()) != null) {
            op.waiter().wake();
        }
    }

    /** What a receive throws, and goes on throwing, once the channel ended without a value. */
    ChannelClosedException closedWithoutValue() {
        return new ChannelClosedException(receiverClosed && !senderClosed
                ? "this oneshot receiver was closed before a value was sent; no value will come"
                : "the oneshot sender closed without sending a value");
    }
}
