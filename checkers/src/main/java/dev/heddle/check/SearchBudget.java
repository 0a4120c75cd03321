package dev.heddle.check;

import java.time.Duration;

/**
 * The time a whole check may take, shared by the searches of all its partitions, which also
 * stop when one of them has found an illegal partition.
 */
final class SearchBudget {
    private final long deadline;
    private final boolean unlimited;
    private volatile boolean cancelled;

    private final SearchBudget parent;

    SearchBudget(Duration timeout) {
        this.unlimited = timeout == null;
        this.deadline = unlimited ? 0 : System.nanoTime() + saturatedNanos(timeout);
        this.parent = null;
    }

    private SearchBudget(SearchBudget parent, Duration limit) {
        this.unlimited = false;
        this.deadline = System.nanoTime() + saturatedNanos(limit);
        this.parent = parent;
    }

    /** A budget that ends at most {@code limit} from now, and when this one ends. */
    SearchBudget capped(Duration limit) {
        return new SearchBudget(this, limit);
    }

    /** A timeout beyond a long of nanoseconds: about 73 years, and nanoTime() plus it cannot overflow. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return FOREVER_NANOS;
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled || (parent != null && parent.cancelled());
    }

    boolean exhausted() {
        return cancelled || (!unlimited && System.nanoTime() - deadline >= 0) || (parent != null && parent.exhausted());
    }
}
