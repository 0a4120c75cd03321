package dev.heddle.channel.oneshot;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;

/** The receive of a oneshot channel; the value leaves the channel only when this op commits. */
final class RecvOp<T> implements SelectableOp<T> {
    private final OneshotState<T> state;
    private WaitQueue.Node<RecvOp<T>> node;
    private T value;
    private boolean closed;

    RecvOp(OneshotState<T> state) {
        this.state = state;
    }

    @Override
    public boolean tryNow() {
        state.lock();
        try {
            state.requireNotReceivedLocked();
            if (!state.isReadyLocked()) {
                return false;
            }
            completeLocked();
            return true;
        } finally {
            state.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock();
        try {
            state.requireNotReceivedLocked();
            if (state.isReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeLocked();
                }
                return;
            }
            node = state.enqueueLocked(waiter, branch, this);
        } finally {
            state.unlock();
        }
    }

    /**
     * Queues this op as the only branch of {@code waiter}: {@link Receiver#recv()}, holding the
     * lock, has just found the channel not ready.
     */
    void queueLocked(Waiter waiter) {
        node = state.enqueueLocked(waiter, 0, this);
    }

    @Override
    public void dequeue() {
        if (node == null || node.wasClaimed()) {
            node = null;
            return;
        }
        state.lock();
        try {
            state.dequeueLocked(node);
            node = null;
        } finally {
            state.unlock();
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
            throw OneshotState.closedWithoutValue();
        }
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    /** Commits: takes the value, or records that the sender closed without one. */
    void completeLocked() {
        if (state.hasValueLocked()) {
            value = state.takeValueLocked();
        } else {
            closed = true;
        }
    }
}
