package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;

/**
 * One task's interest in a {@link Notify}: registered before the task checks its condition,
 * so that a notification sent in between is kept here until {@link #await()}. Close it when
 * done: a {@code notifyOne} it received but never consumed then passes on to the next waiter,
 * so no wake-up is lost. Also an operation that select can offer.
 */
public sealed interface Notified extends SelectableOp<Void>, AutoCloseable permits NotifiedOp {

    /**
     * Waits until this registration is notified; returns at once if it already was, or if a
     * permit is stored.
     *
     * @throws IllegalStateException if this notification was already consumed or closed
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or
     *     its timeout passes while waiting; a {@code notifyOne} then goes to the next waiter
     */
    void await();

    /** True once a notification reached this registration (consumed or not). */
    boolean isNotified();

    /** Ends the registration; passes an unconsumed {@code notifyOne} on to the next waiter. Idempotent. */
    @Override
    void close();
}
