package dev.heddle.channel.mpsc;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Several slots reserved at once ({@link Sender#reserveMany}, {@link Sender#tryReserveMany}),
 * handed out one {@link Permit} at a time: Tokio's {@code PermitIterator}. The slots not yet
 * handed out stay reserved until this is closed, which gives them back (try-with-resources
 * does it):
 * <pre>{@code
 * try (Permits<Job> slots = jobs.reserveMany(batch.size())) {
 *     for (Permit<Job> slot : slots) slot.send(build(batch.next()));
 * }
 * }</pre>
 * One pass: {@link #iterator()} returns this object itself, as a
 * {@link java.nio.file.DirectoryStream} does, so a second loop sees only what the first left.
 * Used by one task at a time.
 */
public final class Permits<T> implements Iterator<Permit<T>>, Iterable<Permit<T>>, AutoCloseable {
    private final ChannelState<T> state;
    /** Slots reserved and not yet handed out as a permit nor given back. Guarded by the channel's lock. */
    private int remaining;

    Permits(ChannelState<T> state, int count) {
        this.state = state;
        this.remaining = count;
    }

    /** Slots not yet handed out (Tokio's {@code len}): how many more {@link #next()} returns. */
    public int remaining() {
        state.lock.lock();
        try {
            return remaining;
        } finally {
            state.unlock();
        }
    }

    @Override
    public boolean hasNext() {
        return remaining() > 0;
    }

    /**
     * The next reserved slot as a permit of its own, which then holds it.
     *
     * @throws NoSuchElementException if every slot was handed out, or this was closed
     */
    @Override
    public Permit<T> next() {
        state.lock.lock();
        try {
            if (remaining == 0) {
                throw new NoSuchElementException("these mpsc Permits are used up (or were closed): every reserved"
                        + " slot was handed out; check hasNext() first");
            }
            remaining--;
            return new Permit<>(state);
        } finally {
            state.unlock();
        }
    }

    /** This object itself: one pass over the slots not yet handed out. */
    @Override
    public Iterator<Permit<T>> iterator() {
        return this;
    }

    /**
     * Gives back the slots not yet handed out; permits already handed out keep theirs.
     * Idempotent.
     */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (remaining == 0) {
                return;
            }
            state.reserved -= remaining;
            remaining = 0;
            state.slotFreedLocked();
            state.endIfDrainedLocked();
        } finally {
            state.unlock();
        }
    }
}
