package dev.heddle.channel.watch;

import dev.heddle.channel.SendException;
import java.util.function.UnaryOperator;

/**
 * The one writer of a watch channel: each send replaces the value and wakes the receivers
 * waiting in {@link Receiver#changed()}. Closing it ends the channel for them.
 * <p>A send that is refused throws {@link SendException} with what was not sent handed back,
 * as on every channel: {@link SendException.Reason#CLOSED} when {@link #send} finds every
 * receiver closed, {@link SendException.Reason#SENDER_CLOSED} when this sender is closed (from
 * {@code send}, {@code sendReplace} and {@code sendModify}).
 */
public final class Sender<T> implements AutoCloseable {
    private final WatchState<T> state;

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
            if (state.senderClosed) {
                throw senderClosed(value, value + " was not stored");
            }
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
            if (state.senderClosed) {
                throw senderClosed(value, value + " was not stored");
            }
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
     *
     * @throws SendException if this sender is closed ({@link SendException.Reason#SENDER_CLOSED});
     *     {@code modify} was not applied and is what {@link SendException#value()} hands back
     */
    public void sendModify(UnaryOperator<T> modify) {
        state.lock.lock();
        try {
            if (state.senderClosed) {
                throw senderClosed(modify, "the sendModify function was not applied");
            }
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

    /** The refusal of {@code unsent} (a value, or a sendModify's function) by this closed sender. */
    private static SendException senderClosed(Object unsent, String whatWasNotDone) {
        return new SendException(SendException.Reason.SENDER_CLOSED, unsent, "this watch Sender is closed: "
                + whatWasNotDone + " and is returned in SendException.value(); a closed watch channel takes no"
                + " more updates, create a new one with Watch.channel to publish again");
    }
}
