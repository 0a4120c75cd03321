package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;

/**
 * A oneshot channel, as {@link Oneshot#channel()} creates it: the state its two ends share.
 *
 * <p>The channel is one object, and its ends are views of it. A oneshot is created per reply,
 * often hundreds of thousands a second, and kept until the reply comes: every object per
 * channel is one more for the collector to copy while replies are pending. So the state lives
 * here rather than behind the ends, every field is guarded by this object's monitor (never
 * held across a suspension, and taken by nothing outside this package), and
 * {@link #sender()} and {@link #receiver()} make a fresh, stateless handle on each call, which
 * the JIT usually does not allocate at all.
 */
public final class Channel<T> {
    /** The receives waiting for the value; created by the first receive that has to wait, null until then. */
    private WaitQueue<RecvOp<T>> receivers;
    private T value;
    /** The sender sent or closed: no value will come after this. */
    boolean senderDone;
    /** The sender delivered its value (received or not yet). */
    boolean sent;
    /** The sender was closed (after sending or without). */
    boolean senderClosed;
    boolean receiverClosed;
    boolean received;

    Channel() {}

    /** The sending end; every call returns a handle on the same end. */
    public Sender<T> sender() {
        return new Sender<>(this);
    }

    /** The receiving end; every call returns a handle on the same end. */
    public Receiver<T> receiver() {
        return new Receiver<>(this);
    }

    boolean hasValueLocked() {
        return value != null;
    }

    /** True when a receive would complete now: with the value, or with the sender gone. */
    boolean isReadyLocked() {
        return hasValueLocked() || senderDone;
    }

    /** Stores the value sent, for the first receive to take. */
    void putValueLocked(T v) {
        value = v;
    }

    /** Takes the value out: the one receive of this channel. */
    T takeValueLocked() {
        T v = value;
        value = null;
        received = true;
        return v;
    }

    /** Queues a receive that has to wait, creating the queue on the first one. */
    WaitQueue.Node<RecvOp<T>> enqueueLocked(Waiter waiter, int branch, RecvOp<T> op) {
        if (receivers == null) {
            receivers = new WaitQueue<>();
        }
        return receivers.add(waiter, branch, op);
    }

    /** Takes out a receive that gave up or lost its select; it was queued, so the queue exists. */
    void dequeueLocked(WaitQueue.Node<RecvOp<T>> node) {
        receivers.remove(node);
    }

    /** The first queued receive this call claims, taken out of the queue; null when none can be claimed. */
    WaitQueue.Node<RecvOp<T>> claimFirstLocked() {
        return receivers == null ? null : receivers.claimFirst();
    }

    /** Receives queued now; 0 before any receive waited. */
    int queuedLocked() {
        return receivers == null ? 0 : receivers.size();
    }

    void requireNotReceivedLocked() {
        if (received) {
            throw new IllegalStateException("the value of this oneshot channel was already received; a oneshot"
                    + " carries one value");
        }
    }

    /** What a receive throws, and goes on throwing, once the sender closed without sending. */
    static ChannelClosedException closedWithoutValue() {
        return new ChannelClosedException("the oneshot sender closed without sending a value");
    }
}
