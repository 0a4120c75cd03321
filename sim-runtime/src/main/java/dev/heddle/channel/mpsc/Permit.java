package dev.heddle.channel.mpsc;

/**
 * A slot reserved in an mpsc channel: {@link #send} then cannot wait nor fail. Obtained from
 * {@link Sender#reserve()} or a select's send branch; close an unused permit to give its slot
 * back (try-with-resources does it):
 * <pre>{@code
 * try (Permit<Job> slot = jobs.reserve()) {
 *     slot.send(buildJob());   // the slot was ours before the job was built
 * }
 * }</pre>
 * A permit stays usable after the receiver closes: the value is queued and the receiver still
 * drains it.
 */
public final class Permit<T> implements AutoCloseable {
    private final ChannelState<T> state;
    private boolean used;

    Permit(ChannelState<T> state) {
        this.state = state;
    }

    /**
     * Queues {@code value} in the reserved slot, or hands it to the waiting receiver.
     *
     * @throws IllegalStateException if this permit was already used or closed
     */
    public void send(T value) {
        Sender.requireValue(value);
        state.lock.lock();
        try {
            if (used) {
                throw new IllegalStateException("this permit was already used or closed; reserve a new slot for "
                        + value);
            }
            used = true;
            state.reserved--;
            state.deliverLocked(value);
        } finally {
            state.unlock();
        }
    }

    /** Gives the slot back if {@link #send} was not called. Idempotent. */
    @Override
    public void close() {
        state.lock.lock();
        try {
            if (used) {
                return;
            }
            used = true;
            state.reserved--;
            state.slotFreedLocked();
            state.endIfDrainedLocked();
        } finally {
            state.unlock();
        }
    }
}
