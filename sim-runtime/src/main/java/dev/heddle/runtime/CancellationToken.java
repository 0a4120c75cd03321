package dev.heddle.runtime;

import dev.heddle.runtime.internal.DeadlineScope;
import dev.heddle.runtime.internal.OneTimeEvent;
import dev.heddle.runtime.internal.Suspension;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    /**
     * A guard that cancels this token when closed, unless disarmed (tokio-util's
     * {@code drop_guard}): the token is cancelled whatever way a try-with-resources block is left.
     */
    public CancellationGuard dropGuard() {
        return new CancellationGuard(this);
    }

    /**
     * Runs {@code body} in the calling task until it returns or this token is cancelled,
     * whichever comes first (tokio-util's {@code run_until_cancelled}). Once the token is
     * cancelled, the body fails at its next suspension point with a
     * {@link java.util.concurrent.CancellationException}, its {@code finally} blocks run, and
     * this returns empty; the calling task itself is not aborted and goes on. If the token is
     * already cancelled the body does not run at all. A body that finishes without reaching a
     * suspension point after the cancellation keeps its value, as in Tokio.
     *
     * <p>{@link Optional} says whether the body finished; so the body must not return null
     * (use {@link #runUntilCancelled(Runnable)} for a body that returns nothing).
     *
     * @return the body's value, or empty if the token was cancelled first
     * @throws NullPointerException if the body returned null
     * @throws java.util.concurrent.CompletionException wrapping a checked exception of the body
     * @throws IllegalStateException on a thread that is not a Heddle task
     */
    public <T> Optional<T> runUntilCancelled(Callable<T> body) {
        if (isCancelled()) {
            return Optional.empty();
        }
        DeadlineScope untilCancelled = DeadlineScope.passedBy("cancellation token was cancelled");
        return DeadlineScope.call("runUntilCancelled", untilCancelled, () -> {
            T value = body.call();
            if (value == null) {
                throw new NullPointerException("the body of runUntilCancelled returned null, which would read as"
                        + " 'cancelled'; return a value, or use runUntilCancelled(Runnable) for a body without one");
            }
            return Optional.of(value);
        }, scope -> cancelled.whenFired(scope::passAndWake)::disarm, Optional::empty);
    }

    /**
     * {@link #runUntilCancelled(Callable)} for a body that returns nothing.
     *
     * @return true if the body finished, false if the token was cancelled first
     */
    public boolean runUntilCancelled(Runnable body) {
        return runUntilCancelled(() -> {
            body.run();
            return Boolean.TRUE;
        }).isPresent();
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
