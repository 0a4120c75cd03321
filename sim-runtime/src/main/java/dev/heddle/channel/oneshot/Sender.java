package dev.heddle.channel.oneshot;

import dev.heddle.channel.SendException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * The sending end of a oneshot channel: sends one value, or closes without sending, which the
 * receiver learns as a {@link dev.heddle.channel.ChannelClosedException}.
 * <pre>{@code
 * try (Sender<Reply> reply = replyChannel.sender()) {
 *     reply.send(handle(request));    // if handle throws, close() tells the receiver
 * }
 * }</pre>
 * <p>A send that is refused throws {@link SendException} with the value handed back, as on
 * every channel: {@link SendException.Reason#CLOSED} when the receiver is closed,
 * {@link SendException.Reason#ALREADY_SENT} when this sender already sent its value,
 * {@link SendException.Reason#SENDER_CLOSED} when it was closed without sending.
 */
public final class Sender<T> implements AutoCloseable {
    private final OneshotState<T> channel;

    Sender(OneshotState<T> channel) {
        this.channel = channel;
    }

    /**
     * Sends the value; it is waiting for the receiver, or handed to it if it waits already.
     *
     * @throws SendException with the value if the receiver is closed, if this sender already
     *     sent ({@link SendException.Reason#ALREADY_SENT}) or if it was closed
     *     ({@link SendException.Reason#SENDER_CLOSED})
     */
    public void send(T value) {
        if (value == null) {
            throw new NullPointerException("a oneshot carries a non-null value: send Optional.empty() or a marker"
                    + " value instead of null");
        }
        Waiter woken;
        synchronized (channel) {
            if (channel.sent) {
                throw new SendException(SendException.Reason.ALREADY_SENT, value, "this oneshot Sender already sent"
                        + " its one value: " + value + " was not sent and is returned in SendException.value(); use"
                        + " an mpsc channel to send more than one value, or a new oneshot per reply");
            }
            if (channel.senderClosed) {
                throw new SendException(SendException.Reason.SENDER_CLOSED, value, "this oneshot Sender was closed"
                        + " without sending: " + value + " was not sent and is returned in SendException.value(); the"
                        + " receiver was told no value comes, so send before closing");
            }
            channel.senderDoneLocked(true);
            if (channel.receiverClosed) {
                throw new SendException(SendException.Reason.CLOSED, value, "oneshot receiver is closed: " + value
                        + " was not sent and is returned in SendException.value(); the receiver takes no value now,"
                        + " deliver it another way");
            }
            channel.sent = true;
            channel.putValueLocked(value);
            woken = channel.commitFirstLocked();
        }
        if (woken != null) {
            woken.wake(); // after the monitor is let go, so the woken receiver does not wait for it
        }
    }

    /**
     * True once the receiver is closed: a value sent now would be refused. Only the receiver's
     * {@link Receiver#close()} makes it true, as only the receiver's close or drop sets Tokio's
     * closed bit: a value sent (and perhaps received) does not. Tokio's {@code send} consumes
     * its sender, so there the question does not arise after a send; here a second send fails
     * with {@link SendException.Reason#ALREADY_SENT} whatever this says.
     */
    public boolean isClosed() {
        synchronized (channel) {
            return channel.receiverClosed;
        }
    }

    /**
     * Waits until the receiver is closed (Tokio's {@code Sender::closed}): the reply is no longer
     * wanted, so the work that would produce it can stop. Returns at once if it is closed
     * already. Typically raced against that work:
     * <pre>{@code
     * Select.<Void>select()
     *         .on(reply.closedOp(), gone -> null)                 // nobody waits for it any more
     *         .join(work, v -> { reply.send(v); return null; })   // may still fail: closed meanwhile
     *         .run();
     * }</pre>
     * A receiver that takes the value and is never closed never ends this wait: Java has no
     * drop, so the receiving side says it is gone by {@link Receiver#close()}.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out while waiting
     */
    public void closed() {
        SelectableOp.await(closedOp());
    }

    /** {@link #closed()} as a select operation. */
    public SelectableOp<Void> closedOp() {
        return new ClosedOp<>(channel);
    }

    /** Closes without sending if nothing was sent yet, waking the receiver with that news. Idempotent. */
    @Override
    public void close() {
        synchronized (channel) {
            channel.senderClosed = true;
            channel.endWithoutValueLocked();
        }
    }
}
