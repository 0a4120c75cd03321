package dev.heddle.channel.watch;

import dev.heddle.channel.SendException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.ReceiversGoneOp;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A writer of a watch channel: each send replaces the value and wakes the receivers waiting in
 * {@link Receiver#changed()}. Handles are cloned per writer ({@link #clone()}) and each closed
 * once; when the last one closes, the channel ends for the receivers.
 * <p>A send that is refused throws {@link SendException} with what was not sent handed back,
 * as on every channel: {@link SendException.Reason#CLOSED} when {@link #send} finds every
 * receiver closed, {@link SendException.Reason#SENDER_CLOSED} when this handle is closed (from
 * every send).
 */
public final class Sender<T> implements AutoCloseable, Cloneable {
    private final WatchState<T> state;
    /** Guarded by the state's lock. */
    private boolean closed;

    Sender(WatchState<T> state) {
        this.state = state;
    }

    /**
     * Replaces the value, as Tokio's {@code send}: it is refused while no receiver is open.
     *
     * @throws SendException with the value if every receiver is closed, or if this sender is
     *     closed ({@link SendException.Reason#SENDER_CLOSED})
     */
    public void send(T value) {
        state.lock.lock();
        try {
            requireOpenLocked(value, value + " was not stored");
            if (state.receivers == 0) {
                throw new SendException(SendException.Reason.CLOSED, value, "every watch receiver is closed: " + value
                        + " was not stored and is returned in SendException.value(); use sendReplace to store it anyway");
            }
            state.publishLocked(value);
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Replaces the value whether or not any receiver is open, and returns the previous one.
     *
     * @throws SendException with the value if this sender is closed
     *     ({@link SendException.Reason#SENDER_CLOSED})
     */
    public T sendReplace(T value) {
        state.lock.lock();
        try {
            requireOpenLocked(value, value + " was not stored");
            T previous = state.value;
            state.publishLocked(value);
            return previous;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Replaces the value with {@code modify} applied to it, atomically with respect to other
     * senders' updates, whether or not any receiver is open. {@code modify} runs under the
     * channel's lock: keep it short and do not wait in it. If it throws, the exception reaches
     * the caller, no new version is published and no receiver is woken (what it changed in
     * place, on a mutable value, stays changed, as in Tokio), and the channel stays usable.
     *
     * @throws SendException if this sender is closed ({@link SendException.Reason#SENDER_CLOSED});
     *     {@code modify} was not applied and is what {@link SendException#value()} hands back
     */
    public void sendModify(UnaryOperator<T> modify) {
        state.lock.lock();
        try {
            requireOpenLocked(modify, "the sendModify function was not applied");
            state.publishLocked(modify.apply(state.value));
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Lets {@code modify} change the value in place, and publishes it as a new version only if
     * {@code modify} says it changed it (Tokio's {@code send_if_modified}): when it returns
     * false, no version is added and no receiver wakes, so receivers are not woken for nothing.
     * Whether or not any receiver is open. For a mutable value a receiver reads through
     * {@link Receiver#borrow()} while it may change, so make it one that is safe to read
     * meanwhile, or keep values immutable and use {@link #sendModify}:
     * <pre>{@code
     * Sender<Set<String>> members = ...;               // a concurrent set
     * boolean joined = members.sendIfModified(set -> set.add("n3"));   // no wake-up if already there
     * }</pre>
     * {@code modify} runs under the channel's lock: keep it short and do not wait in it. If it
     * throws, the exception reaches the caller and nothing is published.
     *
     * @return what {@code modify} returned: whether a new version was published
     * @throws SendException if this sender is closed ({@link SendException.Reason#SENDER_CLOSED});
     *     {@code modify} was not run and is what {@link SendException#value()} hands back
     */
    public boolean sendIfModified(Predicate<? super T> modify) {
        state.lock.lock();
        try {
            requireOpenLocked(modify, "the sendIfModified function was not run");
            if (!modify.test(state.value)) {
                return false;
            }
            state.markPublishedLocked();
            return true;
        } finally {
            state.lock.unlock();
        }
    }

    /** The latest value. */
    public T borrow() {
        state.lock.lock();
        try {
            return state.value;
        } finally {
            state.lock.unlock();
        }
    }

    /** A new receiver that has seen the current value; it is told of every later version. Reopens a closed channel. */
    public Receiver<T> subscribe() {
        state.lock.lock();
        try {
            state.receivers++;
            return new Receiver<>(state, state.version);
        } finally {
            state.lock.unlock();
        }
    }

    /** Receivers open now. */
    public int receiverCount() {
        state.lock.lock();
        try {
            return state.receivers;
        } finally {
            state.lock.unlock();
        }
    }

    /** Senders open now, this one included while it is open (Tokio's {@code sender_count}). */
    public int senderCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.lock.unlock();
        }
    }

    /** True when every receiver is closed. */
    public boolean isClosed() {
        return receiverCount() == 0;
    }

    /**
     * Waits until every receiver is closed (Tokio's {@code Sender::closed}): no one watches, so
     * producing values can stop. Returns at once if none is open. A {@link #subscribe()} in
     * between reopens the channel: a wait woken by the last receiver's close that finds a new
     * receiver when its task runs goes on waiting, as Tokio's does.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting
     */
    public void closed() {
        do {
            SelectableOp.await(closedOp());
        } while (!isClosed());
    }

    /**
     * {@link #closed()} as a select operation: it completes when the last receiver closes (or at
     * once if none is open); a receiver subscribed after that is not looked for again.
     */
    public SelectableOp<Void> closedOp() {
        return new ReceiversGoneOp(state.lock, () -> state.receivers, state.closedWaiters);
    }

    /** True when {@code other} is a handle on the same channel as this one. */
    public boolean sameChannel(Sender<?> other) {
        return state == other.state;
    }

    /**
     * A new handle on the same channel (Tokio's {@code Sender::clone}), to be closed on its own:
     * the channel stays open for its receivers until every handle is closed.
     *
     * @throws IllegalStateException if this handle is closed
     */
    @Override
    public Sender<T> clone() {
        state.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this watch Sender handle is closed and cannot be cloned; clone a"
                        + " handle that is still open (clone before closing)");
            }
            state.senders++;
            return new Sender<>(state);
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Closes this handle. After the last one, the channel ends: waiting and later {@code changed}
     * calls fail once the last version is seen. Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.senders--;
                if (state.closedLocked()) {
                    state.wakeAllLocked();
                }
            }
        } finally {
            state.lock.unlock();
        }
    }

    /** Refuses {@code unsent} (a value, or a function) when this handle is closed. */
    private void requireOpenLocked(Object unsent, String whatWasNotDone) {
        if (closed) {
            throw new SendException(SendException.Reason.SENDER_CLOSED, unsent, "this watch Sender is closed: "
                    + whatWasNotDone + " and is returned in SendException.value(); a closed handle takes no more"
                    + " updates: send through one still open (clone before closing), or create a new channel");
        }
    }
}
