package dev.heddle.channel.broadcast;

import dev.heddle.channel.SendException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.ReceiversGoneOp;

/**
 * A sending handle of a broadcast channel; sends never wait: a full ring overwrites its
 * oldest value, and receivers that had not read it learn so through {@link LaggedException}.
 * Handles are cloned per producer and each closed once; the channel ends for its receivers
 * when the last one closes. A {@link WeakSender} ({@link #downgrade()}) is a handle that does
 * not keep it open.
 * <p>A send that is refused throws {@link SendException} with the value handed back, as on
 * every channel: {@link SendException.Reason#CLOSED} when no receiver is subscribed,
 * {@link SendException.Reason#SENDER_CLOSED} when this handle is closed.
 */
public final class Sender<T> implements AutoCloseable, Cloneable {
    private final BroadcastState<T> state;
    /** Guarded by the state's lock. */
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
            state.appendLocked(value);
            return state.receivers;
        } finally {
            state.lock.unlock();
        }
    }

    /** A new receiver that gets every value sent from now on; reopens a channel whose receivers all closed. */
    public Receiver<T> subscribe() {
        state.lock.lock();
        try {
            return new Receiver<>(state, state.subscribeLocked());
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
     * Values held that some receiver has not read yet (Tokio's {@code Sender::len}): at most the
     * capacity, and the most any one receiver has still to read of what is held. A value every
     * receiver read, or gave up by closing, no longer counts.
     */
    public int len() {
        state.lock.lock();
        try {
            return state.unreadLocked();
        } finally {
            state.lock.unlock();
        }
    }

    /** True when every receiver has read every value held ({@link #len()} is 0). */
    public boolean isEmpty() {
        return len() == 0;
    }

    /** True when {@code other} is a handle on the same channel as this one. */
    public boolean sameChannel(Sender<?> other) {
        return state == other.state;
    }

    /**
     * Waits until no receiver is subscribed (Tokio's {@code Sender::closed}): every receiver
     * closed, or none was ever made ({@link Broadcast#sender(int)}), so sends would be refused
     * and producing values can stop. Returns at once if that is so already. A
     * {@link #subscribe()} in between reopens the channel: a wait woken by the last receiver's
     * close that finds a new receiver when its task runs goes on waiting, as Tokio's does.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting
     */
    public void closed() {
        do {
            SelectableOp.await(closedOp());
        } while (receiverCount() > 0);
    }

    /**
     * {@link #closed()} as a select operation: it completes when the last receiver closes (or at
     * once if none is subscribed); a receiver subscribed after that is not looked for again.
     */
    public SelectableOp<Void> closedOp() {
        return new ReceiversGoneOp(state.lock, () -> state.receivers, state.closedWaiters);
    }

    /** Open senders of the channel, this one included while it is open (Tokio's {@code strong_count}). */
    public int strongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.lock.unlock();
        }
    }

    /** Open weak senders of the channel (Tokio's {@code weak_count}). */
    public int weakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * A weak handle on the same channel (Tokio's {@code downgrade}), which does not keep it
     * open; this handle stays open.
     *
     * @throws IllegalStateException if this handle is closed
     */
    public WeakSender<T> downgrade() {
        state.lock.lock();
        try {
            requireOpenLocked("downgraded");
            state.weakSenders++;
            return new WeakSender<>(state);
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
            requireOpenLocked("cloned");
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

    private void requireOpenLocked(String what) {
        if (closed) {
            throw new IllegalStateException("this broadcast Sender handle is closed and cannot be " + what
                    + "; use a handle that is still open (clone or downgrade before closing)");
        }
    }
}
