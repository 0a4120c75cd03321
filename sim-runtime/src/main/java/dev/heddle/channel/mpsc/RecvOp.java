package dev.heddle.channel.mpsc;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * One receive: takes the next value, or completes closed when the channel has ended. The value
 * leaves the channel only when this op commits, so a losing select branch takes nothing.
 */
final class RecvOp<T> extends WaitQueue.Node<RecvOp<T>> implements SelectableOp<T> {
    private final ChannelState<T> state;
    private T value;
    private boolean closed;

    RecvOp(ChannelState<T> state) {
        this.state = state;
    }

    @Override
    public boolean tryNow() {
        state.lock.lock();
        try {
            return completeNowLocked();
        } finally {
            state.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock.lock();
        try {
            if (state.sizeLocked() != 0 || state.isEndedLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeNowLocked();
                }
                return;
            }
            state.receivers.add(this, waiter, branch);
        } finally {
            state.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            state.leave(state.receivers, this);
            stopWaiting();
        }
    }

    /** The value received, or null when the channel has ended. */
    @Override
    public T result() {
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    void completeWith(T v) {
        value = v;
    }

    void completeClosed() {
        closed = true;
    }

    private boolean completeNowLocked() {
        T v = state.pollLocked();
        if (v != null) {
            value = v;
            return true;
        }
        if (state.isEndedLocked()) {
            closed = true;
            return true;
        }
        return false;
    }
}
