package dev.heddle.channel.watch;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import java.util.function.Predicate;

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
    /**
     * A version number this receiver never saw: {@link #markChanged()} sets it, so the current
     * version counts as unseen (Tokio steps its own version back for the same effect).
     */
    private static final long NO_VERSION = -1;

    /** The version this receiver saw last; guarded by the state's lock. */
    long seen;
    /** Guarded by the state's lock. */
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
     * True when a version newer than the one last seen is there; marks nothing seen.
     *
     * @throws ChannelClosedException if every sender is closed, even with a version not seen
     *     yet (as Tokio's {@code has_changed}; {@link #changed()} still returns that version)
     */
    public boolean hasChanged() {
        state.lock.lock();
        try {
            if (state.closedLocked()) {
                throw new ChannelClosedException("every watch sender is closed, so no version will change any more;"
                        + " changed() still returns a version this receiver has not seen");
            }
            return seen != state.version;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Marks the current value unseen (Tokio's {@code mark_changed}): {@link #hasChanged()} says
     * true and the next {@link #changed()} returns it at once, as if it had just been sent. For
     * a loop that wants to process the current value first.
     */
    public void markChanged() {
        state.lock.lock();
        try {
            seen = NO_VERSION;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Marks the current value seen without reading it (Tokio's {@code mark_unchanged}): the next
     * {@link #changed()} waits for a newer one.
     */
    public void markUnchanged() {
        state.lock.lock();
        try {
            seen = state.version;
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
     * @throws ChannelClosedException if every sender is closed and the latest version was seen, or
     *     this receiver is closed
     */
    public T changed() {
        return SelectableOp.await(changedOp());
    }

    /** {@link #changed()} as a select operation; a closed sender is a closed outcome. */
    public SelectableOp<T> changedOp() {
        return new ChangedOp<>(this, state, false);
    }

    /**
     * Waits until the value satisfies {@code condition} and returns that value (Tokio's
     * {@code wait_for}): tests the current value first, seen or not, then each new version as
     * {@link #changed()} returns it, marking each one seen as it tests it. Versions sent while
     * the condition is tested may be skipped, as {@code changed} skips them; the one returned
     * satisfied it. {@code condition} runs on the calling task, without the channel's lock.
     * <pre>{@code
     * Config ready = config.waitFor(Config::isComplete);
     * }</pre>
     *
     * @throws ChannelClosedException if every sender closed and the last value (tested once
     *     more if it was new) does not satisfy {@code condition}, or this receiver is closed
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting; the versions tested so far stay seen, as in Tokio
     */
    public T waitFor(Predicate<? super T> condition) {
        T value = SelectableOp.await(new ChangedOp<>(this, state, true));
        while (!condition.test(value)) {
            try {
                value = changed();
            } catch (ChannelClosedException e) {
                if (isClosed()) {
                    throw e;
                }
                throw new ChannelClosedException("every watch sender closed and the last value does not satisfy the"
                        + " waitFor condition, so no value will: " + value);
            }
        }
        return value;
    }

    /** True when {@code other} is a receiver of the same channel as this one. */
    public boolean sameChannel(Receiver<?> other) {
        return state == other.state;
    }

    /**
     * Operations queued on this channel now, waiting ({@code changed} calls, of every receiver);
     * for tests and diagnostics. A wait that was aborted or timed out, and a select branch that
     * lost, leave none behind.
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

    /**
     * Stops watching; when every receiver is closed, {@link Sender#send} fails and
     * {@link Sender#closed()} returns. From then on {@link #changed()} and {@link #waitFor}
     * on this receiver fail with {@link ChannelClosedException}, a wait already under way (another
     * task's, say) at once, as a closed oneshot or broadcast receiver's receives end.
     * Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.unsubscribeLocked(this);
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** Under the state's lock: this receiver is closed. */
    boolean closedLocked() {
        return closed;
    }

    /** True once this receiver is closed. */
    boolean isClosed() {
        state.lock.lock();
        try {
            return closed;
        } finally {
            state.lock.unlock();
        }
    }
}
