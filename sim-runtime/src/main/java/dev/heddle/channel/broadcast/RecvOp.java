package dev.heddle.channel.broadcast;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * One receive of a broadcast receiver: the next value, a lag report, or the end. The
 * receiver's position moves only when this op commits, so a losing select branch misses
 * nothing.
 */
final class RecvOp<T> extends WaitQueue.Node<RecvOp<T>> implements SelectableOp<T> {
    private final Receiver<T> receiver;
    private final BroadcastState<T> state;
    private T value;
    private long missed;
    private boolean closed;

    RecvOp(Receiver<T> receiver, BroadcastState<T> state) {
        this.receiver = receiver;
        this.state = state;
    }

    @Override
    public boolean tryNow() {
        state.lock.lock();
        try {
            if (!isReadyLocked()) {
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
            if (isReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeLocked();
                }
                return;
            }
            state.waiting.add(this, waiter, branch);
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() == null || wasClaimed()) {
            stopWaiting();
            return;
        }
        state.lock.lock();
        try {
            state.waiting.remove(this);
            stopWaiting();
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * The value received, or null at the end of the channel.
     *
     * @throws LaggedException if the receiver had fallen behind; it now continues from the oldest value held
     */
    @Override
    public T result() {
        if (missed > 0) {
            throw new LaggedException(missed);
        }
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    /** True when this op receives for {@code r}. */
    boolean isFor(Receiver<T> r) {
        return receiver == r;
    }

    /**
     * Commits: reads the next value, or reports the lag, or records the end (of the channel, or
     * of this receiver, closed: what it had not read was counted as read then).
     */
    void completeLocked() {
        long oldest = state.oldestLocked();
        if (receiver.closedLocked()) {
            closed = true;
        } else if (receiver.next < oldest) {
            missed = oldest - receiver.next;
            receiver.next = oldest;
        } else if (receiver.next < state.tail) {
            value = state.valueAtLocked(receiver.next);
            state.markReadLocked(receiver.next);
            receiver.next++;
        } else {
            closed = true;
        }
    }

    private boolean isReadyLocked() {
        return receiver.next < state.tail || state.senders == 0 || receiver.closedLocked();
    }
}
