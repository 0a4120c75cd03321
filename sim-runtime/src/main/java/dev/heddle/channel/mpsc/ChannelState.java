package dev.heddle.channel.mpsc;

import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and the receiver of one mpsc channel share: the buffer, the slots taken by
 * permits, who is still open, and the waiting receive and reserve operations. Every field is
 * guarded by {@link #lock}, which is never held across a suspension; release it with
 * {@link #unlock()}.
 *
 * <p>A bounded channel has {@code capacity} slots; a slot is used by a queued value or by a
 * permit not yet used. A slot freed while senders wait is handed to the first of them
 * directly ({@link SlotRequest}), so waiting senders are served in arrival order.
 */
final class ChannelState<T> {
    final ReentrantLock lock = new ReentrantLock();
    final int capacity;
    final ArrayDeque<T> buffer;
    final WaitQueue<RecvOp<T>> receivers = new WaitQueue<>();
    final WaitQueue<SlotRequest> slotRequests = new WaitQueue<>();
    int reserved;
    int senders = 1;
    boolean receiverClosed;
    /** A waiter committed to under the lock and woken once the lock is released; see {@link #unlock()}. */
    private Waiter deferredWake;

    ChannelState(int capacity) {
        this.capacity = capacity;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** True when a value could be queued now without waiting. */
    boolean hasFreeSlotLocked() {
        return buffer.size() + reserved < capacity;
    }

    /** True when no sender can send any more: every sender closed or the receiver closed. */
    boolean isClosedLocked() {
        return senders == 0 || receiverClosed;
    }

    /** True when the receiver has seen the end: closed, nothing queued, no permit outstanding. */
    boolean isEndedLocked() {
        return buffer.isEmpty() && reserved == 0 && isClosedLocked();
    }

    /**
     * Releases the lock, then wakes the waiter committed to under it. Waking a task submits it
     * to a scheduler: done under the lock, that would hold every sender and the receiver up
     * meanwhile (as {@link java.util.concurrent.locks.Condition#signal()} defers its unpark
     * to the unlock, for the same reason).
     */
    void unlock() {
        Waiter w = deferredWake;
        deferredWake = null;
        lock.unlock();
        if (w != null) {
            w.wake();
        }
    }

    /** Wakes {@code w} when the lock is released, or at once if another wake is already deferred. */
    private void wakeLocked(Waiter w) {
        if (deferredWake == null) {
            deferredWake = w;
        } else {
            w.wake();
        }
    }

    /**
     * Hands {@code value} to a waiting receive, or queues it in a free slot. A value handed over
     * directly uses no slot, so a slot given back for it goes on to a waiting reserve.
     */
    void deliverLocked(T value) {
        WaitQueue.Node<RecvOp<T>> n = receivers.claimFirst();
        if (n != null) {
            n.op().completeWith(value);
            wakeLocked(n.waiter());
            slotFreedLocked();
        } else {
            buffer.addLast(value);
        }
    }

    /** Gives a freed slot to the first waiting sender, if any. */
    void slotFreedLocked() {
        WaitQueue.Node<SlotRequest> n = slotRequests.claimFirst();
        if (n != null) {
            n.op().grantLocked();
            wakeLocked(n.waiter());
        }
    }

    /** Wakes the waiting receives with the end of the channel, if it has ended. */
    void endIfDrainedLocked() {
        if (isEndedLocked()) {
            WaitQueue.Node<RecvOp<T>> n;
            while ((n = receivers.claimFirst()) != null) {
                n.op().completeClosed();
                n.waiter().wake();
            }
        }
    }

    /** Fails every waiting send and reserve: the receiver is gone. */
    void refuseWaitingSendersLocked() {
        WaitQueue.Node<SlotRequest> n;
        while ((n = slotRequests.claimFirst()) != null) {
            n.op().refuseLocked();
            n.waiter().wake();
        }
    }

    /** Takes the next queued value and frees its slot; null if none is queued. */
    T pollLocked() {
        T v = buffer.pollFirst();
        if (v != null) {
            slotFreedLocked();
        }
        return v;
    }

}
