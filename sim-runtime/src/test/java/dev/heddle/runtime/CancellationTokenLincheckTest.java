package dev.heddle.runtime;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * A token tree must behave as one cancelled flag per token, with cancellation flowing to
 * children, including children created while the parent is being cancelled (the race that
 * {@link OneTimeEvent} resolves: a child registered after the parent fired is cancelled at once).
 */
public class CancellationTokenLincheckTest {
    private final CancellationToken parent = new CancellationToken();
    private final CancellationToken child = parent.child();
    private volatile CancellationToken late;

    @Operation
    public void cancelParent() {
        parent.cancel();
    }

    @Operation
    public void cancelChild() {
        child.cancel();
    }

    @Operation
    public boolean parentCancelled() {
        return parent.isCancelled();
    }

    @Operation
    public boolean childCancelled() {
        return child.isCancelled();
    }

    /** Creates a child now and reports whether it was born cancelled. */
    @Operation
    public boolean newChildCancelled() {
        late = parent.child();
        return late.isCancelled();
    }

    @Test
    void stress() {
        new StressOptions().threads(3).actorsPerThread(3).iterations(10).invocationsPerIteration(300)
                .sequentialSpecification(TwoFlags.class).check(CancellationTokenLincheckTest.class);
    }

    @Test
    void modelChecking() {
        new ModelCheckingOptions().threads(3).actorsPerThread(2).iterations(10).invocationsPerIteration(100)
                .sequentialSpecification(TwoFlags.class).check(CancellationTokenLincheckTest.class);
    }

    /** A cancelled flag for the parent and for the child; cancelling the parent sets both. */
    public static final class TwoFlags {
        private boolean parent;
        private boolean child;

        public void cancelParent() {
            parent = true;
            child = true;
        }

        public void cancelChild() {
            child = true;
        }

        public boolean parentCancelled() {
            return parent;
        }

        public boolean childCancelled() {
            return child;
        }

        /** A child created now is cancelled exactly when the parent is. */
        public boolean newChildCancelled() {
            return parent;
        }
    }
}
