package dev.heddle.sync;

/**
 * An operation that can tell whether spinning is likely to pay off for its waiter: it is next
 * in line, and the primitive is held by a task that is running (not one that was handed the
 * primitive and still waits for a carrier). Only then does a waiter spin before it parks (as
 * in the JDK's AbstractQueuedSynchronizer, only the first waiter spins): waiters further back,
 * or a spin while the new owner waits for a carrier, would keep busy the very carriers that
 * owner needs.
 */
interface SpinBeforePark {
    /** Re-checked on every spin; false stops the spinning. */
    boolean worthSpinning();

    /** Tells the primitive whether the waiter is spinning (running) or about to park. */
    void spinning(boolean spinning);
}
