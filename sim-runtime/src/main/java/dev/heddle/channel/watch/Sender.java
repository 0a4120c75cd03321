package dev.heddle.channel.watch;

import dev.heddle.channel.SendException;
import java.util.function.UnaryOperator;

/**
 * The one writer of a watch channel: each send replaces the value and wakes the receivers
 * waiting in {@link Receiver#changed()}. Closing it ends the channel for them.
 */
public final class Sender<T> implements AutoCloseable {
    private final WatchState<T> state;

    Sender(WatchState<T> state) {
        this.state = state;
    }

    /**
     * Replaces the value, as Tokio's {@code send}: it is refused while no receiver is open.
     *
     * @throws SendException with the value if every receiver is closed
     * @throws IllegalStateException if this sender is closed
     */
    public void send(T value) {
        state.lock.lock();
        try {
            requireOpenLocked();
            if (state.receivers == 0) {
                throw new SendException(SendException.Reason.CLOSED, value, "every watch receiver is closed: " + value
                        + " was not stored and is returned in SendException.value(); use sendReplace to store it anyway");
            }
            state.publishLocked(value);
        } finally {
            state.lock.unlock();
        }
    }

    /** Replaces the value whether or not any receiver is open, and returns the previous one. */
    public T sendReplace(T value) {
        state.lock.lock();
        try {
            requireOpenLocked();
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
     * channel's lock: keep it short and do not wait in it.
     */
    public void sendModify(UnaryOperator<T> modify) {
        state.lock.lock();
        try {
            requireOpenLocked();
            state.publishLocked(modify.apply(state.value));
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

    /** A new receiver that has seen the current value; it is told of every later version. */
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

    /** True when every receiver is closed. */
    public boolean isClosed() {
        return receiverCount() == 0;
    }

    /** Ends the channel: waiting and later {@code changed} calls fail once the last version is seen. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!state.senderClosed) {
                state.senderClosed = true;
                state.wakeAllLocked();
            }
        } finally {
            state.lock.unlock();
        }
    }

    private void requireOpenLocked() {
        if (state.senderClosed) {
            throw new IllegalStateException("this watch sender is closed; no value can be sent on it");
        }
    }
}
