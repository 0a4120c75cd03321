package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.watch.Watch;

/**
 * Tokio's {@code tokio/tests/sync_errors.rs}: each channel's error types are errors
 * ({@code std::error::Error}, which also asks for a message through {@code Display}), usable
 * across threads. Here an error is an unchecked exception with a message; each test provokes the
 * Java counterpart of every error type Tokio's test names and checks just that (that an exception
 * may cross threads is given on the JVM).
 */
class SyncErrorsTest {

    /** What Tokio's {@code is_error} asks of an error type, for the exception {@code e} of one. */
    private static void isError(RuntimeException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "an error says what went wrong: " + e);
    }

    // Tokio: mpsc_error_bound, tokio/tests/sync_errors.rs
    // SendError and TrySendError are one SendException.
    @CurrentThreadTest
    void mpscErrorBound() {
        var ch = Mpsc.<Integer>bounded(1);
        ch.sender().send(1);
        SendException full = assertThrows(SendException.class, () -> ch.sender().trySend(2));
        isError(full);
        assertEquals(SendException.Reason.FULL, full.reason());
        ch.receiver().close();
        SendException closed = assertThrows(SendException.class, () -> ch.sender().send(3));
        isError(closed);
        assertEquals(SendException.Reason.CLOSED, closed.reason());
    }

    // Tokio: oneshot_error_bound, tokio/tests/sync_errors.rs
    // RecvError and TryRecvError are ChannelClosedException, from recv and tryRecv.
    @CurrentThreadTest
    void oneshotErrorBound() {
        var ch = Oneshot.<Integer>channel();
        ch.sender().close();
        isError(assertThrows(ChannelClosedException.class, ch.receiver()::recv));
        var other = Oneshot.<Integer>channel();
        other.sender().close();
        isError(assertThrows(ChannelClosedException.class, other.receiver()::tryRecv));
    }

    // Tokio: watch_error_bound, tokio/tests/sync_errors.rs
    @CurrentThreadTest
    void watchErrorBound() {
        var ch = Watch.channel(0);
        ch.receiver().close();
        SendException closed = assertThrows(SendException.class, () -> ch.sender().send(1));
        isError(closed);
        assertEquals(SendException.Reason.CLOSED, closed.reason());
    }
}
