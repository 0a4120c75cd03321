package dev.heddle.runtime.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * The region of a task inside one {@code timeout} call. Once its deadline passes, every
 * suspension point inside it fails with {@link Passed} until the region is left, where the
 * timeout turns that into {@link dev.heddle.time.Elapsed}. Nested scopes: the outermost
 * passed one wins, as in Trio's cancel scopes.
 */
public final class DeadlineScope {
    private final Duration limit;
    private volatile boolean passed;

    DeadlineScope(Duration limit) {
        this.limit = limit;
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

    /** Unwinds a task from a suspension point to the timeout that owns {@link #scope()}. */
    static final class Passed extends CancellationException {
        private final transient DeadlineScope scope;

        Passed(DeadlineScope scope) {
            super("timeout of " + scope.limit().toMillis() + " ms passed");
            this.scope = scope;
        }

        DeadlineScope scope() {
            return scope;
        }
    }
}
