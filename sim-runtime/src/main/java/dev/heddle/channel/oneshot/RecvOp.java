package dev.heddle.channel.oneshot;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;

/** The receive of a oneshot channel; the value leaves the channel only when this op commits. */
final class RecvOp<T> implements SelectableOp<T> {
    private final Channel<T> channel;
    private WaitQueue.Node<RecvOp<T>> node;
    private T value;
    private boolean closed;

    RecvOp(Channel<T> channel) {
        this.channel = channel;
    }

    @Override
    public boolean tryNow() {
        synchronized (channel) {
            channel.requireNotReceivedLocked();
            if (!channel.isReadyLocked()) {
                return false;
            }
            completeLocked();
            return true;
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        synchronized (channel) {
            channel.requireNotReceivedLocked();
            if (channel.isReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeLocked();
                }
                return;
            }
            node = channel.enqueueLocked(waiter, branch, this);
        }
    }

    /**
     * Queues this op as the only branch of {@code waiter}: {@link Receiver#recv()}, holding the
     * lock, has just found the channel not ready.
     */
    void queueLocked(Waiter waiter) {
        node = channel.enqueueLocked(waiter, 0, this);
    }

    @Override
    public void dequeue() {
        if (node == null || node.wasClaimed()) {
            node = null;
            return;
        }
        synchronized (channel) {
            channel.dequeueLocked(node);
            node = null;
        }
    }

    /**
     * The value sent.
     *
     * @throws ChannelClosedException if the sender closed without sending
     */
    @Override
    public T result() {
        if (closed) {
            throw Channel.closedWithoutValue();
        }
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    /** Commits: takes the value, or records that the sender closed without one. */
    void completeLocked() {
        if (channel.hasValueLocked()) {
            value = channel.takeValueLocked();
        } else {
            closed = true;
        }
    }
}
