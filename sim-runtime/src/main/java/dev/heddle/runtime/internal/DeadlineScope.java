package dev.heddle.runtime.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The region of a task inside one {@code timeout} call, or one
 * {@code CancellationToken.runUntilCancelled}. Once it has passed (its deadline came, or its
 * token was cancelled), every suspension point inside it fails with {@link Passed} until the
 * region is left, where the call that opened it turns that into its own outcome. Nested
 * scopes: the outermost passed one wins, as in Trio's cancel scopes.
 */
public final class DeadlineScope {
    /** The timeout's limit; null for a scope that a cancellation token ends. */
    private final Duration limit;
    /** Why the scope's suspension points fail, for the message of {@link Passed}; null for a timeout. */
    private final String reason;
    private volatile boolean passed;

    DeadlineScope(Duration limit) {
        this.limit = limit;
        this.reason = null;
    }

    private DeadlineScope(String reason) {
        this.limit = null;
        this.reason = reason;
    }

    /**
     * Runs {@code body} in the calling task as a scope that passes when the callback given to
     * {@code subscribe} runs (from any thread): the body then fails at its next suspension
     * point, its {@code finally} blocks run, and this returns {@code onPassed}'s value. A body
     * that ends before it reaches one keeps its own outcome. Checked exceptions of the body come
     * out wrapped in {@link CompletionException}.
     *
     * @param subscribe registers the callback with what ends the scope; its registration is
     *     disarmed when the body ends
     * @throws IllegalStateException on a thread that is not a Heddle task
     */
    public static <T> T callUntilPassed(String reason, Callable<T> body,
            Function<Runnable, OneTimeEvent.Registration> subscribe, Supplier<T> onPassed) {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException("runUntilCancelled must be called from a Heddle task, was called on "
                    + Thread.currentThread());
        }
        DeadlineScope scope = task.pushDeadline(new DeadlineScope(reason));
        Thread thread = Thread.currentThread();
        OneTimeEvent.Registration registration = subscribe.apply(() -> {
            scope.pass();
            LockSupport.unpark(thread);
        });
        try {
            return body.call();
        } catch (Passed passed) {
            if (passed.scope() == scope) {
                return onPassed.get();
            }
            throw passed;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            registration.disarm();
            task.popDeadline(scope);
        }
    }

    Duration limit() {
        return limit;
    }

    boolean hasPassed() {
        return passed;
    }

    void pass() {
        passed = true;
    }

    /** Unwinds a task from a suspension point to the call that owns {@link #scope()}. */
    static final class Passed extends CancellationException {
        private final transient DeadlineScope scope;

        Passed(DeadlineScope scope) {
            super(scope.reason != null ? scope.reason : "timeout of " + scope.limit().toMillis() + " ms passed");
            this.scope = scope;
        }

        DeadlineScope scope() {
            return scope;
        }
    }
}
