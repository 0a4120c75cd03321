package dev.heddle.channel.mpsc;

import dev.heddle.select.WaitQueue;
import dev.heddle.select.Waiter;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and the receiver of one mpsc channel share: the queued values, the slots
 * taken by permits, who is still open, and the waiting receive and reserve operations. Every
 * field is guarded by {@link #lock}, which is never held across a suspension; release it with
 * {@link #unlock()}.
 *
 * <p>A bounded channel has {@code capacity} slots; a slot is used by a queued value or by a
 * permit not yet used. A slot freed while senders wait is handed to the first of them
 * directly ({@link SlotRequest}), so waiting senders are served in arrival order.
 */
final class ChannelState<T> {
    /** Ring slots allocated up front: all of a bounded channel up to this capacity. */
    private static final int INITIAL_RING = 1024;

    final ReentrantLock lock = new ReentrantLock();
    final int capacity;
    /**
     * The queued values, oldest at {@link #head}: a ring of this object's own rather than an
     * {@code ArrayDeque}, so that a send or receive that needs no waiting touches a few fields
     * of one object and one array slot. A bounded channel's ring has its capacity (up to
     * {@value #INITIAL_RING} slots; a larger one grows to its capacity as values queue up).
     */
    private Object[] ring;
    private int head;
    private int count;
    final WaitQueue<RecvOp<T>> receivers = new WaitQueue<>();
    final WaitQueue<SlotRequest> slotRequests = new WaitQueue<>();
    int reserved;
    int senders = 1;
    boolean receiverClosed;
    /**
     * The waiter this channel woke last that has not run since, or null. While one is in
     * flight, the channel's later wake-ups wait in {@link #laterWakes}, and the one in flight
     * passes the next on when it resumes ({@link #resumedLocked}), as a lock's queue unparks one
     * successor at a time. So a receiver that frees slots for four waiting senders makes one of
     * them runnable, not four: four would overflow the waking worker's LIFO slot and wake an
     * idle worker to steal them, only to contend for this lock from another core (measured:
     * 4 senders, 1 receiver, 2 workers: 7,000 to 14,000 steals per 2 M messages and half the
     * throughput of one worker).
     */
    private Waiter wakeInFlight;
    /** Committed waiters, oldest first, whose wake-up waits for {@link #wakeInFlight} to run; created on first use. */
    private ArrayDeque<Waiter> laterWakes;
    /** The wake-up to do once the lock is released; see {@link #unlock()}. Always {@link #wakeInFlight} when set. */
    private Waiter wakeOnUnlock;

    ChannelState(int capacity) {
        this.capacity = capacity;
        this.ring = new Object[Math.min(capacity, INITIAL_RING)];
    }

    /** Values queued now. */
    int sizeLocked() {
        return count;
    }

    /** True when a value could be queued now without waiting. */
    boolean hasFreeSlotLocked() {
        return count + reserved < capacity;
    }

    /** True when no sender can send any more: every sender closed or the receiver closed. */
    boolean isClosedLocked() {
        return senders == 0 || receiverClosed;
    }

    /** True when the receiver has seen the end: closed, nothing queued, no permit outstanding. */
    boolean isEndedLocked() {
        return count == 0 && reserved == 0 && isClosedLocked();
    }

    /**
     * Releases the lock, then wakes the waiter committed to under it. Waking a task submits it
     * to a scheduler: done under the lock, that would hold every sender and the receiver up
     * meanwhile (as {@link java.util.concurrent.locks.Condition#signal()} defers its unpark
     * to the unlock, for the same reason).
     */
    void unlock() {
        Waiter w = wakeOnUnlock;
        if (w == null) {
            lock.unlock();
            return;
        }
        wakeOnUnlock = null;
        lock.unlock();
        w.wake();
    }

    /**
     * Wakes {@code w}, whose op this channel has committed: once the lock is released, or, while
     * another waiter woken by this channel has not run yet, after that one.
     */
    private void wakeLocked(Waiter w) {
        if (wakeInFlight == null) {
            wakeInFlight = w;
            wakeOnUnlock = w;
            return;
        }
        w.publish();
        if (laterWakes == null) {
            laterWakes = new ArrayDeque<>();
        }
        laterWakes.addLast(w);
    }

    /**
     * An op whose waiter this channel claimed is running again: if it was the wake-up in flight,
     * the next one goes. Every op that queues calls this on its way out of a claimed wait.
     */
    void resumedLocked(Waiter w) {
        if (w == wakeInFlight) {
            Waiter next = laterWakes == null ? null : laterWakes.pollFirst();
            wakeInFlight = next;
            wakeOnUnlock = next;
        } else if (laterWakes != null) {
            laterWakes.remove(w); // it ran before its turn (aborted, it found its commit published)
        }
    }

    /** {@link #resumedLocked} for an op whose queued {@code node} was claimed, taking the lock. */
    void resumed(WaitQueue.Node<?> node) {
        lock.lock();
        try {
            resumedLocked(node.waiter());
        } finally {
            unlock();
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
            addLocked(value);
        }
    }

    /** Queues {@code value} behind the others; the caller checked that a slot is free. */
    private void addLocked(T value) {
        Object[] r = ring;
        if (count == r.length) {
            r = grow();
        }
        int i = head + count;
        r[i < r.length ? i : i - r.length] = value;
        count++;
    }

    /** Doubles the full ring (up to the capacity), oldest value first at index 0. */
    private Object[] grow() {
        Object[] old = ring;
        Object[] r = new Object[(int) Math.min(2L * old.length, capacity)];
        System.arraycopy(old, head, r, 0, old.length - head);
        System.arraycopy(old, 0, r, old.length - head, head);
        ring = r;
        head = 0;
        return r;
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
        if (count == 0) {
            return null;
        }
        Object[] r = ring;
        int h = head;
        @SuppressWarnings("unchecked")
        T v = (T) r[h];
        r[h] = null;
        head = h + 1 == r.length ? 0 : h + 1;
        count--;
        if (!slotRequests.isEmpty()) {
            slotFreedLocked();
        }
        return v;
    }

}
