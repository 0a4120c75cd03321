package dev.heddle.channel.watch;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting for a version newer than the one a receiver last saw. The receiver's seen version
 * moves only when this op commits, so a losing select branch still sees the change later.
 */
final class ChangedOp<T> extends WaitQueue.Node<ChangedOp<T>> implements SelectableOp<T> {
    private final Receiver<T> receiver;
    private final WatchState<T> state;
    private T value;
    private boolean closed;

    ChangedOp(Receiver<T> receiver, WatchState<T> state) {
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
     * The newest value, now marked seen.
     *
     * @throws ChannelClosedException if the sender closed and every version was seen
     */
    @Override
    public T result() {
        if (closed) {
            throw new ChannelClosedException("the watch sender is closed and this receiver has seen its last value");
        }
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    /** Commits: marks the newest version seen, or records the end when there is none to see. */
    void completeLocked() {
        if (receiver.seen != state.version) {
            receiver.seen = state.version;
            value = state.value;
        } else {
            closed = true;
        }
    }

    private boolean isReadyLocked() {
        return receiver.seen != state.version || state.senderClosed;
    }
}
