package dev.heddle.channel.mpsc;

import dev.heddle.runtime.internal.WaitQueue;

/**
 * A sender waiting for a free slot of a full channel: a plain send carrying its value, or a
 * reserve that wants a permit. Both wait in one queue, as themselves, so slots go out in
 * arrival order.
 */
abstract class SlotRequest extends WaitQueue.Node<SlotRequest> {

    /** Commits with the slot just freed; called with the lock held, after the waiter was claimed. */
    abstract void grantLocked();

    /** Commits with the news that the receiver closed; called with the lock held, after the claim. */
    abstract void refuseLocked();
}
