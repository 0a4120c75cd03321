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

    SearchBudget(Duration timeout) {
        this.unlimited = timeout == null;
        this.deadline = unlimited ? 0 : System.nanoTime() + saturatedNanos(timeout);
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean exhausted() {
        return cancelled || (!unlimited && System.nanoTime() - deadline >= 0);
    }
}
