package dev.heddle.channel.mpsc;

import java.util.Optional;

/**
 * A handle on an mpsc channel that does not keep it open (Tokio's {@code WeakSender}): the
 * receiver sees the end once every {@link Sender} is closed, however many weak handles remain.
 * It cannot send; {@link #upgrade()} turns it into a sender while the channel is still open
 * from the senders' side. An actor keeps one to send to itself, so that its loop still ends
 * when the last outside sender closes:
 * <pre>{@code
 * weakSelf.upgrade().ifPresent(self -> {
 *     try (self) { self.send(new Tick()); }
 * });
 * }</pre>
 * Made by {@link Sender#downgrade()}. Closing it only lowers {@link #weakCount()}: Java has no
 * destructor that could do it, so close it (try-with-resources) if the count matters to you.
 */
public final class WeakSender<T> implements AutoCloseable, Cloneable {
    private final ChannelState<T> state;
    private boolean closed;

    WeakSender(ChannelState<T> state) {
        this.state = state;
    }

    /**
     * A new {@link Sender} on this channel, to be closed on its own, or empty when the channel is
     * closed from the senders' side: every sender closed and no permit outstanding, so the
     * receiver has seen, or will see, the end. A permit counts, as in Tokio an
     * {@code OwnedPermit} holds a sender. Whether the receiver is closed does not matter (sends
     * through the new sender then fail as any would).
     *
     * @throws IllegalStateException if this weak handle is closed
     */
    public Optional<Sender<T>> upgrade() {
        state.lock.lock();
        try {
            requireOpenLocked();
            if (state.senders == 0 && state.reserved == 0) {
                return Optional.empty();
            }
            state.senders++;
            return Optional.of(new Sender<>(state));
        } finally {
            state.unlock();
        }
    }

    /** Sender handles of this channel open now (Tokio's {@code strong_count}). */
    public int strongCount() {
        state.lock.lock();
        try {
            return state.senders;
        } finally {
            state.unlock();
        }
    }

    /** Weak handles of this channel open now, this one included if open (Tokio's {@code weak_count}). */
    public int weakCount() {
        state.lock.lock();
        try {
            return state.weakSenders;
        } finally {
            state.unlock();
        }
    }

    /** True when {@code other} is a weak handle on the same channel. */
    public boolean sameChannel(WeakSender<?> other) {
        return other.state == state;
    }

    /**
     * A new weak handle on the same channel.
     *
     * @throws IllegalStateException if this weak handle is closed
     */
    @Override
    public WeakSender<T> clone() {
        state.lock.lock();
        try {
            requireOpenLocked();
            state.weakSenders++;
            return new WeakSender<>(state);
        } finally {
            state.unlock();
        }
    }

    /** Closes this weak handle, lowering {@link #weakCount()}; the channel is not affected. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (!closed) {
                closed = true;
                state.weakSenders--;
            }
        } finally {
            state.unlock();
        }
    }

    private void requireOpenLocked() {
        if (closed) {
            throw new IllegalStateException("this mpsc WeakSender is closed; downgrade an open Sender again or clone"
                    + " a weak handle before closing it");
        }
    }
}
