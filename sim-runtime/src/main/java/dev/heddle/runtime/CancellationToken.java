package dev.heddle.runtime;

import dev.heddle.runtime.internal.OneTimeEvent;
import dev.heddle.runtime.internal.Suspension;
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
    /**
     * The parent, consulted by {@link #isCancelled()}: a parent's cancellation reaches its
     * children's events one by one, and checking the ancestors makes the whole tree appear
     * cancelled at the parent's single moment of cancellation (found by the Lincheck test).
     */
    private final CancellationToken parent;

    /** A new token, not cancelled. */
    public CancellationToken() {
        this(null);
    }

    private CancellationToken(CancellationToken parent) {
        this.parent = parent;
    }

    /** A token cancelled when this one is (or at once, if this one already is), and on its own. */
    public CancellationToken child() {
        CancellationToken child = new CancellationToken(this);
        cancelled.whenFired(child::cancel);
        return child;
    }

    /** Cancels this token and its children, waking every task waiting on them. Idempotent. */
    public void cancel() {
        cancelled.fire();
    }

    /** True once this token or one of its ancestors is cancelled; never waits. */
    public boolean isCancelled() {
        for (CancellationToken t = this; t != null; t = t.parent) {
            if (t.cancelled.hasFired()) {
                return true;
            }
        }
        return false;
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
