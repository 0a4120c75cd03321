package dev.heddle.channel.mpsc;

import dev.heddle.channel.SendException;

/**
 * A slot reserved in an mpsc channel: {@link #send} then neither waits nor fails, once. Obtained from
 * {@link Sender#reserve()} or a select's send branch; close an unused permit to give its slot
 * back (try-with-resources does it):
 * <pre>{@code
 * try (Permit<Job> slot = jobs.reserve()) {
 *     slot.send(buildJob());   // the slot was ours before the job was built
 * }
 * }</pre>
 * A permit stays usable after the receiver closes: the value is queued and the receiver still
 * drains it.
 * <p>A permit is Tokio's {@code Permit} and {@code OwnedPermit} in one: it does not depend on
 * the sender it came from, and holds the channel open as a sender does, so the receiver does
 * not see the end while it is outstanding. Tokio's {@code reserve_owned} is {@code reserve()}
 * followed by closing that sender; its {@code OwnedPermit::release} is {@link #close()}.
 */
public final class Permit<T> implements AutoCloseable {
    private final ChannelState<T> state;
    private boolean sent;
    private boolean closed;

    Permit(ChannelState<T> state) {
        this.state = state;
    }

    /**
     * Queues {@code value} in the reserved slot, or hands it to the waiting receiver.
     *
     * @throws SendException with the value if this permit already sent
     *     ({@link SendException.Reason#ALREADY_SENT}) or was closed
     *     ({@link SendException.Reason#SENDER_CLOSED}); a permit carries one value
     */
    public void send(T value) {
        Sender.requireValue(value);
        state.lock.lock();
        try {
            if (sent) {
                throw new SendException(SendException.Reason.ALREADY_SENT, value, "this mpsc Permit already sent"
                        + " its one value: " + value + " was not sent and is returned in SendException.value();"
                        + " reserve a new slot (Sender.reserve) for each value");
            }
            if (closed) {
                throw new SendException(SendException.Reason.SENDER_CLOSED, value, "this mpsc Permit was closed and"
                        + " gave its slot back: " + value + " was not sent and is returned in SendException.value();"
                        + " reserve a new slot (Sender.reserve) to send it");
            }
            sent = true;
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
            if (sent || closed) {
                return;
            }
            closed = true;
            state.reserved--;
            state.slotFreedLocked();
            state.endIfDrainedLocked();
        } finally {
            state.unlock();
        }
    }
}
