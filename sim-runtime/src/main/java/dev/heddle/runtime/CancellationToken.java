package dev.heddle.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A cooperative cancellation signal shared between tasks (tokio-util's
 * {@code CancellationToken}). Cancelling a token cancels its children, never its parent.
 *
 * <pre>{@code
 * CancellationToken shutdown = new CancellationToken();
 * Heddle.spawn(() -> { shutdown.awaitCancellation(); closeListeners(); });
 * ...
 * shutdown.cancel();
 * }</pre>
 */
public final class CancellationToken {
    private final OneTimeEvent cancelled = new OneTimeEvent();

    /** A new token, not cancelled. */
    public CancellationToken() {}

    /** A token cancelled when this one is (or at once, if this one already is), and on its own. */
    public CancellationToken child() {
        CancellationToken child = new CancellationToken();
        cancelled.whenFired(child::cancel);
        return child;
    }

    /** Cancels this token and its children, waking every task waiting on them. Idempotent. */
    public void cancel() {
        cancelled.fire();
    }

    public boolean isCancelled() {
        return cancelled.hasFired();
    }

    /** Suspends the calling task until the token is cancelled; returns at once if it is. */
    public void awaitCancellation() {
        if (isCancelled()) {
            return;
        }
        Thread me = Thread.currentThread();
        OneTimeEvent.Registration wake = cancelled.whenFired(() -> LockSupport.unpark(me));
        try {
            while (!isCancelled()) {
                Suspension.park(this);
            }
        } finally {
            wake.disarm();
        }
    }

    /** Runs {@code action} on the cancelling thread when the token is cancelled, or now if it is. */
    public void whenCancelled(Runnable action) {
        cancelled.whenFired(action);
    }

    @Override
    public String toString() {
        return "CancellationToken[" + (isCancelled() ? "cancelled" : "active") + "]";
    }
}
