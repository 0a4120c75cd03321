package dev.heddle.check;

import java.time.Duration;

/**
 * The time a whole check may take, shared by the searches of all its partitions, which also
 * stop when one of them has found an illegal partition; and the {@link SearchProgress} they report
 * to when they poll it.
 */
final class SearchBudget {
    private final long deadline;
    private final boolean unlimited;
    private volatile boolean cancelled;

    private final SearchBudget parent;
    private final SearchProgress progress;

    SearchBudget(Duration timeout, SearchProgress progress) {
        this.unlimited = timeout == null;
        this.deadline = unlimited ? 0 : System.nanoTime() + saturatedNanos(timeout);
        this.parent = null;
        this.progress = progress;
    }

    private SearchBudget(SearchBudget parent, Duration limit) {
        this.unlimited = false;
        this.deadline = System.nanoTime() + saturatedNanos(limit);
        this.parent = parent;
        this.progress = parent.progress;
    }

    /** Where the searches spending this budget report how far they got: they poll both at once. */
    SearchProgress progress() {
        return progress;
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
