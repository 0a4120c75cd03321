package dev.heddle.channel.broadcast;

import dev.heddle.channel.SendException;

/**
 * A sending handle of a broadcast channel; sends never wait: a full ring overwrites its
 * oldest value, and receivers that had not read it learn so through {@link LaggedException}.
 * Handles are cloned per producer and each closed once.
 * <p>A send that is refused throws {@link SendException} with the value handed back, as on
 * every channel: {@link SendException.Reason#CLOSED} when no receiver is subscribed,
 * {@link SendException.Reason#SENDER_CLOSED} when this handle is closed.
 */
public final class Sender<T> implements AutoCloseable, Cloneable {
    private final BroadcastState<T> state;
    private boolean closed;

    Sender(BroadcastState<T> state) {
        this.state = state;
    }

    /**
     * Sends {@code value} to every receiver subscribed now, and returns how many there are.
     *
     * @throws SendException with the value if no receiver is subscribed, or if this handle is
     *     closed ({@link SendException.Reason#SENDER_CLOSED})
     */
    public int send(T value) {
        if (value == null) {
            throw new NullPointerException("broadcast channels carry non-null values: send a marker value instead");
        }
        state.lock.lock();
        try {
            if (closed) {
                throw new SendException(SendException.Reason.SENDER_CLOSED, value, "this broadcast Sender handle is"
                        + " closed: " + value + " was not sent and is returned in SendException.value(); send through"
                        + " a handle that is still open (clone one before closing)");
            }
            if (state.receivers == 0) {
                throw new SendException(SendException.Reason.CLOSED, value, "no broadcast receiver is subscribed: "
                        + value + " was not sent and is returned in SendException.value(); subscribe() a receiver before"
                        + " sending");
            }
            state.ring[(int) (state.tail % state.ring.length)] = value;
            state.tail++;
            state.wakeAllLocked();
            return state.receivers;
        } finally {
            state.lock.unlock();
        }
    }

    /** A new receiver that gets every value sent from now on. */
    public Receiver<T> subscribe() {
        state.lock.lock();
        try {
            state.receivers++;
            return new Receiver<>(state, state.tail);
        } finally {
            state.lock.unlock();
        }
    }

    /** Receivers subscribed now. */
    public int receiverCount() {
        state.lock.lock();
        try {
            return state.receivers;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * A new handle on the same channel, to be closed on its own.
     *
     * @throws IllegalStateException if this handle is closed
     */
    @Override
    public Sender<T> clone() {
        state.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this broadcast Sender handle is closed and cannot be cloned; clone"
                        + " a handle that is still open (clone before closing)");
            }
            state.senders++;
            return new Sender<>(state);
        } finally {
            state.lock.unlock();
        }
    }

    /** Closes this handle; after the last one, receivers get the end once they read what is held. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            state.senders--;
            if (state.senders == 0) {
                state.wakeAllLocked();
            }
        } finally {
            state.lock.unlock();
        }
    }
}
