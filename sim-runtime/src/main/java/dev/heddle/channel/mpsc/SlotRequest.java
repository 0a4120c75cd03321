package dev.heddle.channel.mpsc;

import dev.heddle.runtime.internal.WaitQueue;

/**
 * A sender waiting for free slots of a full channel: a plain send carrying its value (one
 * slot), or a reserve that wants one or several permits. All wait in one queue, as themselves,
 * so slots go out in arrival order. The first request takes slots as they free up until it has
 * what it asked for ({@link #acquire}); the slots it holds meanwhile count as reserved, and go
 * back when it leaves without being granted ({@link #settleLocked}).
 */
abstract class SlotRequest extends WaitQueue.Node<SlotRequest> {
    /** Slots this request asks for. */
    private final int needed;
    /** Slots taken so far while waiting, counted in the channel's reserved slots. */
    private int acquired;

    SlotRequest(int needed) {
        this.needed = needed;
    }

    /** Slots still to take before this request can be granted. */
    final int missing() {
        return needed - acquired;
    }

    /** Takes {@code n} more slots while waiting; called with the lock held. */
    final void acquire(int n) {
        acquired += n;
    }

    /** Gives up the slots taken while waiting: returns how many, for the channel to count back. */
    final int takeAcquired() {
        int n = acquired;
        acquired = 0;
        return n;
    }

    /** Commits with all the slots it asked for, taken already; called with the lock held, after the claim. */
    abstract void grantLocked();

    /** Commits with the news that the receiver closed; called with the lock held, after the claim. */
    abstract void refuseLocked();

    /**
     * Settles this request as its task leaves the wait (the lock held): the number of slots to
     * give back to the channel. By default the ones taken while waiting and not granted.
     *
     * @param receiverClosed whether the receiver is closed now
     */
    int settleLocked(boolean receiverClosed) {
        return takeAcquired();
    }
}
