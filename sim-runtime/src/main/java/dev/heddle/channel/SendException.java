package dev.heddle.channel;

/**
 * A send that could not deliver its value, with the value handed back so that nothing is
 * lost: {@code catch (SendException e) { retryLater(e.<Order>value()); }}. Every channel
 * (mpsc, oneshot, broadcast, watch) refuses a send this way, whatever the reason, so one
 * {@code catch} recovers the value; {@link #reason()} tells what went wrong. It stands for
 * all of Tokio's send errors at once ({@code SendError}, {@code TrySendError},
 * {@code SendTimeoutError}): their variants are its reasons.
 */
public final class SendException extends RuntimeException {

    /** Why the value was not delivered. */
    public enum Reason {
        /** No receiver will ever take it: the receiving side is closed. */
        CLOSED,
        /** A bounded channel had no free slot (only from {@code trySend}). */
        FULL,
        /** The sending handle itself (a sender, a permit) was already closed: send through one still open. */
        SENDER_CLOSED,
        /** A oneshot sender or an mpsc permit already sent the one value it carries. */
        ALREADY_SENT,
        /** A send with a time limit (mpsc's {@code sendTimeout}) found no free slot within it. */
        TIMEOUT
    }

    private final transient Object value;
    /** Why the value was not delivered. */
    private final Reason reason;

    /** A refused send of {@code value}, for {@code reason}; {@code message} says what to do about it. */
    public SendException(Reason reason, Object value, String message) {
        super(message);
        this.reason = reason;
        this.value = value;
    }

    /** The value that was not sent, given back to the caller. */
    @SuppressWarnings("unchecked")
    public <T> T value() {
        return (T) value;
    }

    /** Why the value was not delivered. */
    public Reason reason() {
        return reason;
    }

    /** True when the channel was only full at that moment; a later send may succeed. */
    public boolean isFull() {
        return reason == Reason.FULL;
    }
}
