package dev.heddle.channel.mpsc;

import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and the receiver of one mpsc channel share: the queued values, the slots
 * taken by permits, who is still open, and the waiting receive and reserve operations. The
 * fields come in groups: most are guarded by {@link #lock}, which is never held across a
 * suspension (release it with {@link #unlock()}); {@link #head} is the receiver's own; and
 * two volatile fields, with the ring's slots, let the receiver take values without the lock.
 *
 * <p>A bounded channel has {@code capacity} slots; a slot is used by a queued value, by a
 * permit not yet used, or by a reserve of several slots still waiting for the rest. A slot
 * freed while senders wait is handed to the first of them directly ({@link SlotRequest}), so
 * waiting senders are served in arrival order; the first one takes slots one by one until it
 * has all it asked for, and the ones behind it wait (Tokio's semaphore does the same, so a
 * large reserve is never starved by small ones).
 */
final class ChannelState<T> {
    /** The largest capacity whose ring is allocated whole up front, never moves, and is read without the lock. */
    private static final int MAX_FIXED_RING = 4096;
    /** Ring slots a growing ring (unbounded, or bounded above {@link #MAX_FIXED_RING}) starts with. */
    private static final int INITIAL_RING = 1024;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    // Set at construction.

    final ReentrantLock lock = new ReentrantLock();
    final int capacity;
    private final boolean fixedRing;

    // Guarded by the lock: read and written only while it is held (the ...Locked methods and
    // unlock()), by senders and the receiver alike.

    /**
     * The queued values, oldest at {@link #head}: a ring of this object's own rather than an
     * {@code ArrayDeque}, so that a send or receive that needs no waiting touches a few fields
     * of one object and one array slot.
     *
     * <p>A bounded channel of at most {@value #MAX_FIXED_RING} slots has a fixed ring of
     * exactly its capacity, and its receiver takes a queued value without the lock
     * ({@link #pollUnlocked()}): senders write a slot under the lock with a release store
     * ({@link #soSlot}); the receiver, the only task that takes values, reads it with an
     * acquire load ({@link #laSlot}), which pairs with that store and so sees the value whole,
     * clears it ({@link #spSlot}) and counts it in {@link #consumed}, whose volatile store
     * publishes the cleared slot to the senders that see the count. A message then costs one
     * lock round instead of two. A larger ring grows (doubling, up to the capacity), is
     * replaced under the lock, and is read under the lock only, since a reader without it
     * could see it move.
     */
    private Object[] ring;
    /** Where the next value goes. */
    private int tail;
    /** Values ever queued. */
    private long produced;
    /** Slots held by permits not yet used, and by waiting reserves that have part of what they asked for. */
    int reserved;
    /** Sender handles not yet closed: Tokio's strong count. */
    int senders = 1;
    /** {@link WeakSender} handles not yet closed. */
    int weakSenders;
    boolean receiverClosed;
    final WaitQueue<RecvOp<T>> receivers = new WaitQueue<>();
    final WaitQueue<SlotRequest> slotRequests = new WaitQueue<>();
    /** Tasks waiting in {@link Sender#closed()} for the receiver to close. */
    final WaitQueue<ClosedOp> closedWaiters = new WaitQueue<>();
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

    // The receiver's (Tokio's RxFields): on a fixed ring, touched only by the one task that
    // receives, with or without the lock; on a growing ring, only under the lock, since a
    // sender's grow() moves it.

    /** Where the oldest value is. */
    private int head;

    // Shared without the lock: volatile, reached through accessors named by memory order (see
    // the package doc of dev.heddle.runtime.internal); each says what it pairs with.

    /**
     * Values ever taken from the ring. Stored by the receiver only ({@link #svConsumed}), after
     * it cleared the slot; loaded ({@link #lvConsumed()}) by senders under the lock before they
     * reuse a slot, so a sender writes only into a slot whose clearing it sees. Volatile, not a
     * release store: the receiver loads {@link #sendersMayWait} right after it, and a sender
     * stores that flag before it loads this, so one of the two sees the other.
     */
    private volatile long consumed;
    /**
     * True while a send or reserve may wait for a slot: stored ({@link #svSendersMayWait})
     * under the lock by a sender that found none free, before it loads {@link #consumed} once
     * more, and cleared on unlock once none waits. A receiver that took a value without the
     * lock loads it ({@link #lvSendersMayWait()}) after storing the count, and then takes the
     * lock to pass the slot on; so either the sender sees the slot free or the receiver sees
     * the sender.
     */
    private volatile boolean sendersMayWait;

    ChannelState(int capacity) {
        this.capacity = capacity;
        this.fixedRing = capacity <= MAX_FIXED_RING;
        this.ring = new Object[fixedRing ? capacity : INITIAL_RING];
    }

    /** Values queued now. */
    int sizeLocked() {
        return (int) (produced - lvConsumed());
    }

    /**
     * True when a value could be queued now without waiting. Never while senders wait: a slot
     * freed then is theirs, in arrival order (the receiver is on its way to the lock to hand it
     * over, {@link #slotFreedLocked()}), and a newcomer queues behind them.
     */
    boolean hasFreeSlotLocked() {
        return hasFreeSlotsLocked(1);
    }

    /**
     * True when {@code n} slots could be taken now without waiting; see {@link #hasFreeSlotLocked()}.
     * Zero slots always can, even behind waiting senders (as Tokio grants {@code reserve_many(0)}).
     */
    boolean hasFreeSlotsLocked(int n) {
        if (n == 0) {
            return true;
        }
        if (!slotRequests.isEmpty()) {
            return false;
        }
        if (freeLocked() >= n) {
            return true;
        }
        if (!fixedRing) {
            return false;
        }
        svSendersMayWait(true);
        return freeLocked() >= n;
    }

    /** Slots neither used by a queued value nor held by a permit or a waiting reserve (Tokio's {@code capacity}). */
    int freeLocked() {
        return (int) (capacity - (produced - lvConsumed()) - reserved);
    }

    /**
     * True when the channel is closed (Tokio's {@code is_closed}): the receiver closed it, or
     * every sender closed and no permit is left that could still send. A permit counts as a
     * sender, as Tokio's borrows one: it can deliver a value after the last sender closed.
     */
    boolean isClosedLocked() {
        return receiverClosed || senders == 0 && reserved == 0;
    }

    /** True when the receiver has seen the end: closed, nothing queued, no permit outstanding. */
    boolean isEndedLocked() {
        return produced == lvConsumed() && reserved == 0 && isClosedLocked();
    }

    /**
     * Releases the lock, then wakes the waiter committed to under it. Waking a task submits it
     * to a scheduler: done under the lock, that would hold every sender and the receiver up
     * meanwhile (as {@link java.util.concurrent.locks.Condition#signal()} defers its unpark
     * to the unlock, for the same reason).
     */
    void unlock() {
        if (lvSendersMayWait() && slotRequests.isEmpty()) {
            svSendersMayWait(false);
        }
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

    /**
     * Takes a queued op ({@code node}) out of {@code queue} on the op's way out of its wait. A
     * claimed node is out already, and its waiter running again lets the next deferred wake-up
     * go ({@link #resumedLocked}); an unclaimed one (an abort, a timeout, a lost select) is
     * removed, and when it was a slot request, the requests behind it may have a slot now.
     */
    <N extends WaitQueue.Node<N>> void leave(WaitQueue<N> queue, N node) {
        lock.lock();
        try {
            if (node.wasClaimed()) {
                resumedLocked(node.waiter());
            } else {
                queue.remove(node);
            }
        } finally {
            unlock();
        }
    }

    /**
     * {@link #leave} for a send or reserve that waited for slots: then settles what it holds.
     * Slots it took while it waited go back unless it was granted them; a reserve granted its
     * slots that resumes after the receiver closed fails and gives them back too, as Tokio's
     * does. Either may leave the channel idle, which a receiver waiting for the end must see.
     */
    void leaveSlotQueue(SlotRequest node) {
        lock.lock();
        try {
            boolean claimed = node.wasClaimed();
            if (claimed) {
                resumedLocked(node.waiter());
            } else {
                slotRequests.remove(node);
            }
            int back = node.settleLocked(receiverClosed);
            if (back > 0 || !claimed) {
                reserved -= back;
                slotFreedLocked();
                endIfDrainedLocked();
            }
        } finally {
            unlock();
        }
    }

    /**
     * Hands {@code value} to a waiting receive, or queues it in a free slot. A value handed over
     * directly uses no slot, so a slot given back for it goes on to a waiting reserve.
     */
    void deliverLocked(T value) {
        RecvOp<T> n = receivers.claimFirst();
        if (n != null) {
            n.completeWith(value);
            wakeLocked(n.waiter());
            slotFreedLocked();
        } else {
            addLocked(value);
        }
    }

    /** Queues {@code value} behind the others; the caller checked that a slot is free. */
    private void addLocked(T value) {
        Object[] r = ring;
        if (produced - lvConsumed() == r.length) {
            r = grow();
        }
        int t = tail;
        soSlot(r, t, value);
        tail = t + 1 == r.length ? 0 : t + 1;
        produced++;
    }

    /** Doubles the full growing ring (up to the capacity), oldest value first at index 0. */
    private Object[] grow() {
        Object[] old = ring;
        Object[] r = new Object[(int) Math.min(2L * old.length, capacity)];
        System.arraycopy(old, head, r, 0, old.length - head);
        System.arraycopy(old, 0, r, old.length - head, head);
        ring = r;
        head = 0;
        tail = old.length;
        return r;
    }

    /**
     * Gives the free slots to the waiting senders and reserves, in arrival order, while both
     * last: the first takes what is free up to what it asked for, and is granted (claimed and
     * woken) once it has it all; the ones behind it get nothing until then. A request whose
     * waiter went elsewhere (a select's other branch, an abort) is dropped and its slots reused.
     */
    void slotFreedLocked() {
        SlotRequest n;
        while ((n = slotRequests.first()) != null) {
            if (!n.waiter().isWaiting()) {
                slotRequests.remove(n);
                reserved -= n.takeAcquired();
                continue;
            }
            int free = freeLocked();
            if (free <= 0) {
                return;
            }
            int take = Math.min(free, n.missing());
            n.acquire(take);
            reserved += take;
            if (n.missing() > 0) {
                return;
            }
            slotRequests.remove(n);
            if (n.tryClaim()) {
                n.grantLocked();
                wakeLocked(n.waiter());
            } else {
                reserved -= n.takeAcquired();
            }
        }
    }

    /** Wakes the waiting receives with the end of the channel, if it has ended. */
    void endIfDrainedLocked() {
        if (isEndedLocked()) {
            RecvOp<T> n;
            while ((n = receivers.claimFirst()) != null) {
                n.completeClosed();
                n.waiter().wake();
            }
        }
    }

    /**
     * The receiver closes: fails every waiting send and reserve (each gives back the slots it
     * took when its task resumes, see {@link #leaveSlotQueue}), wakes every {@link Sender#closed()}
     * wait, and ends the channel for the receiver if nothing is left to drain.
     */
    void closeReceiverLocked() {
        receiverClosed = true;
        SlotRequest n;
        while ((n = slotRequests.claimFirst()) != null) {
            n.refuseLocked();
            n.waiter().wake();
        }
        ClosedOp c;
        while ((c = closedWaiters.claimFirst()) != null) {
            c.waiter().wake();
        }
        endIfDrainedLocked();
    }

    /**
     * The receiver's fast path on a fixed ring: takes the next queued value without the lock,
     * taking it only to hand the freed slot to a waiting sender; null if none is queued or the
     * ring is not fixed (the receiver then takes the lock to look again, and to wait).
     */
    T pollUnlocked() {
        if (!fixedRing) {
            return null;
        }
        T v = takeNext();
        if (v != null && lvSendersMayWait()) {
            lock.lock();
            try {
                slotFreedLocked();
            } finally {
                unlock();
            }
        }
        return v;
    }

    /** Takes the next queued value and frees its slot; null if none is queued. */
    T pollLocked() {
        T v = takeNext();
        if (v != null && !slotRequests.isEmpty()) {
            slotFreedLocked();
        }
        return v;
    }

    /** The receiver's: takes the oldest value out of the ring and counts it consumed, or returns null. */
    private T takeNext() {
        Object[] r = ring;
        int h = head;
        @SuppressWarnings("unchecked")
        T v = (T) laSlot(r, h);
        if (v == null) {
            return null;
        }
        spSlot(r, h, null);
        head = h + 1 == r.length ? 0 : h + 1;
        svConsumed(lvConsumed() + 1); // the only writer; the volatile store publishes the cleared slot
        return v;
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private static Object laSlot(Object[] r, int i) {
        return SLOT.getAcquire(r, i);
    }

    private static void soSlot(Object[] r, int i, Object value) {
        SLOT.setRelease(r, i, value);
    }

    private static void spSlot(Object[] r, int i, Object value) {
        r[i] = value;
    }

    private long lvConsumed() {
        return consumed;
    }

    private void svConsumed(long v) {
        consumed = v;
    }

    private boolean lvSendersMayWait() {
        return sendersMayWait;
    }

    private void svSendersMayWait(boolean v) {
        sendersMayWait = v;
    }

}
