package dev.heddle.channel.watch;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting for a version newer than the one a receiver last saw. The receiver's seen version
 * moves only when this op commits, so a losing select branch still sees the change later.
 *
 * <p>A wait claimed by a send or a close is committed, but marks nothing seen until the
 * receiving task runs and asks for its outcome ({@link #resolve()}), as Tokio's
 * {@code changed()} marks the version seen when the task is polled: a value sent between the
 * wake-up and the run is the one returned, once, not a stale one followed by a second change.
 * That is safe to defer because only the task that owns the receiver moves its seen version.
 */
final class ChangedOp<T> extends WaitQueue.Node<ChangedOp<T>> implements SelectableOp<T> {
    private final Receiver<T> receiver;
    private final WatchState<T> state;
    /**
     * Completes at once with the current value, seen or not, and marks it seen: the first look
     * of {@link Receiver#waitFor}, taken as an op so that it marks nothing unless it commits.
     */
    private final boolean evenIfSeen;
    private T value;
    private boolean closed;
    /** Claimed by a send or close; what it sees is decided when the receiving task runs ({@link #resolve()}). */
    private boolean resolveOnRun;

    ChangedOp(Receiver<T> receiver, WatchState<T> state, boolean evenIfSeen) {
        this.receiver = receiver;
        this.state = state;
        this.evenIfSeen = evenIfSeen;
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
     * @throws ChannelClosedException if every sender closed and every version was seen, or the
     *     receiver is closed
     */
    @Override
    public T result() {
        resolve();
        if (closed) {
            throw new ChannelClosedException(receiver.isClosed()
                    ? "this watch receiver is closed and watches nothing more; watch through an open one (clone"
                            + " before closing)"
                    : "every watch sender is closed and this receiver has seen the last value");
        }
        return value;
    }

    @Override
    public boolean isClosedOutcome() {
        resolve();
        return closed;
    }

    /** True when this op waits for {@code r}. */
    boolean isFor(Receiver<T> r) {
        return receiver == r;
    }

    /** Under the lock, by a send or close that claimed this wait: the receiving task decides what it sees. */
    void claimedLocked() {
        resolveOnRun = true;
    }

    /** On the receiving task: marks seen what is newest now, for a wait a send or close claimed. */
    private void resolve() {
        if (!resolveOnRun) {
            return;
        }
        resolveOnRun = false;
        state.lock.lock();
        try {
            completeLocked();
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Commits: marks the newest version seen, or records the end when there is none to see (or
     * the receiver is closed).
     */
    void completeLocked() {
        if (receiver.closedLocked()) {
            closed = true;
        } else if (evenIfSeen || receiver.seen != state.version) {
            receiver.seen = state.version;
            value = state.value;
        } else {
            closed = true;
        }
    }

    private boolean isReadyLocked() {
        return evenIfSeen || receiver.seen != state.version || state.closedLocked() || receiver.closedLocked();
    }
}
