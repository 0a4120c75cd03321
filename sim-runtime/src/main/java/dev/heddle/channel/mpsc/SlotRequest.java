package dev.heddle.channel.mpsc;

/**
 * A sender waiting for a free slot of a full channel: a plain send carrying its value, or a
 * reserve that wants a permit. Both wait in one queue, so slots go out in arrival order.
 */
interface SlotRequest {

    /** Commits with the slot just freed; called with the lock held, after the waiter was claimed. */
    void grantLocked();

    /** Commits with the news that the receiver closed; called with the lock held, after the claim. */
    void refuseLocked();
}
