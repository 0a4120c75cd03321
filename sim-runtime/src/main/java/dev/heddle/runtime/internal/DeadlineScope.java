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
    /** The task's thread, made at the start of the call: the one {@link #passAndWake()} wakes. */
    private final Thread owner = Thread.currentThread();
    private volatile boolean passed;

    DeadlineScope(Duration limit) {
        this.limit = limit;
        this.reason = null;
    }

    private DeadlineScope(String reason) {
        this.limit = null;
        this.reason = reason;
    }

    /** A scope that something other than a deadline passes, such as a cancellation token; {@code reason} says what. */
    public static DeadlineScope passedBy(String reason) {
        return new DeadlineScope(reason);
    }

    /**
     * Runs {@code body} in the calling task inside {@code scope}, made on this thread:
     * {@code arm} starts what passes the scope (it may pass it at once) and returns what stops
     * that once the body has ended. When the scope passes, the body fails at its next suspension
     * point, its {@code finally} blocks run, and this returns {@code onPassed}'s value, or throws
     * what it throws. A body that ends before it reaches one keeps its own outcome. Checked
     * exceptions of the body come out wrapped in {@link CompletionException}. Timeouts and
     * {@code CancellationToken.runUntilCancelled} are both this call.
     *
     * @param caller the API method, for the error on a thread that is not a task
     * @throws IllegalStateException on a thread that is not a Heddle task
     */
    public static <T> T call(String caller, DeadlineScope scope, Callable<T> body,
            Function<DeadlineScope, Runnable> arm, Supplier<T> onPassed) {
        Task<?> task = Task.current();
        if (task == null) {
            throw new IllegalStateException(caller + " must be called from a Heddle task, was called on "
                    + Thread.currentThread());
        }
        task.pushDeadline(scope);
        Runnable disarm = null;
        try {
            disarm = arm.apply(scope);
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
            if (disarm != null) {
                disarm.run();
            }
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

    /** Passes the scope and wakes its task, from any thread, so that its wait ends and sees it. */
    public void passAndWake() {
        passed = true;
        LockSupport.unpark(owner);
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
