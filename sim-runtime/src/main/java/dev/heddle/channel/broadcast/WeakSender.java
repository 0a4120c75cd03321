package dev.heddle.channel.broadcast;

import java.util.Optional;

/**
 * A handle on a broadcast channel that does not keep it open (Tokio's {@code WeakSender}): the
 * channel ends for its receivers once every {@link Sender} is closed, however many weak
 * handles remain. {@link #upgrade()} turns it into a sender while one is still open. For a
 * component that may send if the channel is still in use, without being the reason it is:
 * <pre>{@code
 * WeakSender<Event> weak = tx.downgrade();
 * weak.upgrade().ifPresent(s -> { try (s) { s.send(event); } });
 * }</pre>
 * Each handle is closed once, like a {@link Sender}, to take it out of {@link #weakCount()}.
 */
public final class WeakSender<T> implements AutoCloseable, Cloneable {
    private final BroadcastState<T> state;
    /** Guarded by the state's lock. */
    private boolean closed;

    WeakSender(BroadcastState<T> state) {
        this.state = state;
    }

    /**
     * A new {@link Sender} on the channel, to be closed on its own, if some sender is still
     * open; empty once every sender has closed (the channel has ended, and stays ended).
     *
     * @throws IllegalStateException if this weak handle is closed
     */
    public Optional<Sender<T>> upgrade() {
        state.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this broadcast WeakSender is closed and cannot be upgraded; keep the"
                        + " weak handle open while it may still upgrade");
            }
            if (state.senders == 0) {
                return Optional.empty();
            }
            state.senders++;
            return Optional.of(new Sender<>(state));
        } finally {
            state.lock.unlock();
        }
    }

    /** Open senders of the channel (Tokio's {@code strong_count}). */
    public int strongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.lock.unlock();
        }
    }

    /** Open weak senders of the channel, this one included while it is open (Tokio's {@code weak_count}). */
    public int weakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * Another weak handle on the same channel, to be closed on its own.
     *
     * @throws IllegalStateException if this handle is closed
     */
    @Override
    public WeakSender<T> clone() {
        state.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this broadcast WeakSender is closed and cannot be cloned; clone a"
                        + " handle that is still open (clone before closing)");
            }
            state.weakSenders++;
            return new WeakSender<>(state);
        } finally {
            state.lock.unlock();
        }
    }

    /** Gives this weak handle up (Tokio's drop of a {@code WeakSender}). Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.weakSenders--;
            }
        } finally {
            state.lock.unlock();
        }
    }
}
