package dev.heddle.channel.watch;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;

/**
 * A view of the latest value of a watch channel, remembering which version it last saw.
 * <pre>{@code
 * while (true) {
 *     Config c = config.changed();   // waits for a newer version, marks it seen
 *     apply(c);
 * }
 * }</pre>
 * Owned by one task at a time; {@link #clone()} one for each task that watches.
 */
public final class Receiver<T> implements AutoCloseable, Cloneable {
    private final WatchState<T> state;
    /** The version this receiver saw last; guarded by the state's lock. */
    long seen;
    private boolean closed;

    Receiver(WatchState<T> state, long seen) {
        this.state = state;
        this.seen = seen;
    }

    /** The latest value, without marking it seen. */
    public T borrow() {
        state.lock.lock();
        try {
            return state.value;
        } finally {
            state.lock.unlock();
        }
    }

    /** The latest value, marking it seen. */
    public T borrowAndUpdate() {
        state.lock.lock();
        try {
            seen = state.version;
            return state.value;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * True when a version newer than the one last seen is there.
     *
     * @throws ChannelClosedException if the sender is closed
     */
    public boolean hasChanged() {
        state.lock.lock();
        try {
            if (state.senderClosed) {
                throw new ChannelClosedException("the watch sender is closed");
            }
            return seen != state.version;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Waits for a version newer than the one last seen, marks it seen and returns its value; at
     * once if such a version is already there. What is marked seen is the newest version when
     * the calling task runs again, not when it was woken (as in Tokio): a value sent in between
     * is the one returned, and is not reported as a change once more. Cancellation-safe: when
     * it is aborted, times out or loses a select, the change stays unseen.
     *
     * @throws ChannelClosedException if the sender is closed and the latest version was seen
     */
    public T changed() {
        return SelectableOp.await(changedOp());
    }

    /** {@link #changed()} as a select operation; a closed sender is a closed outcome. */
    public SelectableOp<T> changedOp() {
        return new ChangedOp<>(this, state);
    }

    /**
     * Operations queued on this channel now, waiting ({@code changed} calls, of every receiver); for tests and diagnostics. A wait
     * that was aborted or timed out, and a select branch that lost, leave none behind.
     */
    public int queuedWaiters() {
        state.lock.lock();
        try {
            return state.waiting.size();
        } finally {
            state.lock.unlock();
        }
    }

    /** A new receiver that has seen what this one has, to be closed on its own. */
    @Override
    public Receiver<T> clone() {
        state.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this watch receiver is closed; clone one that is still open");
            }
            state.receivers++;
            return new Receiver<>(state, seen);
        } finally {
            state.lock.unlock();
        }
    }

    /** Stops watching; when every receiver is closed, {@link Sender#send} fails. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.receivers--;
            }
        } finally {
            state.lock.unlock();
        }
    }
}
