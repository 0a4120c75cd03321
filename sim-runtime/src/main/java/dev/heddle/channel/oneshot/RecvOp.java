package dev.heddle.channel.oneshot;

import dev.heddle.channel.ChannelClosedException;
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
        state.lock.lock();
        try {
            requireNotReceivedLocked();
            if (!state.isReadyLocked()) {
                return false;
            }
            completeLocked();
            return true;
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock.lock();
        try {
            if (state.isReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeLocked();
                }
                return;
            }
            node = state.receivers.add(waiter, branch, this);
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (node == null) {
            return;
        }
        state.lock.lock();
        try {
            state.receivers.remove(node);
            node = null;
        } finally {
            state.lock.unlock();
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
            throw new ChannelClosedException("the oneshot sender closed without sending a value");
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
            value = state.value;
            state.value = null;
            state.received = true;
        } else {
            closed = true;
        }
    }

    private void requireNotReceivedLocked() {
        if (state.received) {
            throw new IllegalStateException("the value of this oneshot channel was already received; a oneshot"
                    + " carries one value");
        }
    }
}
