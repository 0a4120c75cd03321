package dev.heddle.runtime.internal.scheduler;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker's bounded run queue (Tokio's {@code queue::Local}): only the owning worker pushes
 * to the tail and pops from the head; any other worker may steal half of it at once.
 *
 * <p>The head packs two indexes into one {@code long}: {@code steal} (upper 32 bits), where
 * a steal in progress began, and {@code real} (lower 32 bits), the first task not yet
 * claimed. While they differ a thief is copying the slots between them, so the owner does
 * not reuse those slots and other thieves back off. Indexes grow without bound and wrap as
 * 32-bit integers; a slot is {@code index & mask}.
 *
 * <p>When the queue is full the owner moves half of it to the {@link InjectionQueue}, so a
 * push never fails and never blocks.
 */
final class LocalQueue<T> {
    /** Tokio's capacity of a worker's local queue. */
    static final int DEFAULT_CAPACITY = 256;

    private final Object[] buffer;
    private final int mask;
    /**
     * {@code steal} and {@code real} packed ({@link #pack}); changed only by
     * {@link #casHead}/{@link #caxHead}, by the owner (pop, overflow) and by thieves (claim,
     * then release). A thief's releasing CAS, which brings {@code steal} up to {@code real}
     * after it copied the slots out, pairs with the owner's {@link #lvHead()} in
     * {@link #pushBack}: the owner reuses those slots only once it sees the two equal, so the
     * thief's reads of them come first.
     */
    private final AtomicLong head = new AtomicLong();
    /**
     * One past the newest task. Written by the owner only ({@link #soTail}, a release store
     * after the slot it publishes), so the owner reads it plain ({@link #lpTail()}); thieves
     * read it with {@link #lvTail()}, which pairs with that store: a thief that sees the new
     * tail sees the task in the slot.
     */
    private final AtomicInteger tail = new AtomicInteger();

    LocalQueue() {
        this(DEFAULT_CAPACITY);
    }

    /** A queue of {@code capacity} slots, a power of two of at least 2. */
    LocalQueue(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("local queue capacity must be a power of two of at least 2, was "
                    + capacity);
        }
        this.buffer = new Object[capacity];
        this.mask = capacity - 1;
    }

    int capacity() {
        return buffer.length;
    }

    /** Tasks in the queue, including those a thief is copying out right now. */
    int size() {
        long h = lvHead();
        return lvTail() - steal(h);
    }

    /** True when a thief could take something; may be stale by the time the caller acts. */
    boolean hasTasks() {
        return lvTail() != real(lvHead());
    }

    /** Free slots, as the owner sees them; only the owner may rely on it. */
    int remainingSlots() {
        return buffer.length - (lpTail() - steal(lvHead()));
    }

    /**
     * Owner only: appends {@code task}, or, when the queue is full, moves half of it and the
     * task to {@code overflow}.
     */
    void pushBack(T task, InjectionQueue<T> overflow) {
        while (true) {
            long h = lvHead();
            int steal = steal(h);
            int real = real(h);
            int t = lpTail();
            if (t - steal < buffer.length) {
                buffer[t & mask] = task;
                soTail(t + 1);
                return;
            }
            if (steal != real) {
                // A thief is about to free half of the queue; this one task goes to the shared queue.
                overflow.push(task);
                return;
            }
            if (pushOverflow(task, real, overflow)) {
                return;
            }
            // A thief took some tasks meanwhile: there is room now.
        }
    }

    /**
     * Owner only, on a full queue that no thief is copying from: claims the older half and
     * hands it, then {@code task}, to {@code overflow}. False if a thief moved the head first:
     * there may be room now, and {@link #pushBack} tries again.
     *
     * <p>Why the older half, taken at the head (as Tokio's {@code push_overflow}):
     * <ul>
     *   <li>The head is where thieves claim, by a CAS on {@link #head}; the owner claims the
     *       batch with that same CAS, so no thief can be copying those slots meanwhile, and once
     *       it succeeds they are the owner's alone. The tail end has no such claim: a thief that
     *       has just read the tail may claim slots up to it.</li>
     *   <li>The claim comes before the reads, and needs no ordering for them: the owner wrote
     *       every slot itself.</li>
     *   <li>The tasks that waited longest go where every worker looks, so an idle or woken
     *       worker runs them soon; the newer ones, whose data is likelier still in this
     *       worker's cache, stay here. Moved oldest first and followed by {@code task}, they
     *       keep their order.</li>
     *   <li>Half, not one: one CAS and one trip to the shared queue per half a queue of pushes,
     *       and the queue is left half full, so this worker keeps work of its own.</li>
     *   <li>While the batch moves, thieves find it neither here nor there; the caller of
     *       {@link WorkerCore#scheduleLocal} wakes an idle worker afterwards, so a worker that
     *       missed it gets another chance.</li>
     * </ul>
     */
    private boolean pushOverflow(T task, int real, InjectionQueue<T> overflow) {
        int half = buffer.length / 2;
        long expected = pack(real, real);
        if (!casHead(expected, pack(real + half, real + half))) {
            return false;
        }
        for (int i = 0; i < half; i++) {
            int slot = (real + i) & mask;
            overflow.push(take(slot));
        }
        overflow.push(task);
        return true;
    }

    /** Owner only: removes the oldest task, or returns null when the queue is empty. */
    T pop() {
        long h = lvHead();
        while (true) {
            int steal = steal(h);
            int real = real(h);
            if (real == lpTail()) {
                return null;
            }
            int nextReal = real + 1;
            long next = steal == real ? pack(nextReal, nextReal) : pack(steal, nextReal);
            long witness = caxHead(h, next);
            if (witness == h) {
                return take(real & mask);
            }
            h = witness;
        }
    }

    /**
     * Called by the owner of {@code dst}: moves half of this queue (rounded up) into
     * {@code dst} and returns one of the moved tasks to run now, or null when there is nothing
     * to take or another thief is already at work here.
     */
    T stealInto(LocalQueue<T> dst) {
        int dstTail = dst.lpTail();
        if (dstTail - steal(dst.lvHead()) > dst.buffer.length / 2) {
            // The thief has plenty of its own work; a steal could overflow its queue.
            return null;
        }
        int n = stealHalfInto(dst, dstTail);
        if (n == 0) {
            return null;
        }
        n--;
        @SuppressWarnings("unchecked")
        T ret = (T) dst.buffer[(dstTail + n) & dst.mask];
        dst.buffer[(dstTail + n) & dst.mask] = null;
        if (n > 0) {
            dst.soTail(dstTail + n);
        }
        return ret;
    }

    private int stealHalfInto(LocalQueue<T> dst, int dstTail) {
        long prev = lvHead();
        int first;
        int n;
        long claimed;
        while (true) {
            int steal = steal(prev);
            int real = real(prev);
            if (steal != real) {
                return 0;
            }
            int available = lvTail() - real;
            n = available - available / 2;
            if (n <= 0) {
                return 0;
            }
            claimed = pack(steal, real + n);
            long witness = caxHead(prev, claimed);
            if (witness == prev) {
                first = real;
                break;
            }
            prev = witness;
        }
        for (int i = 0; i < n; i++) {
            dst.buffer[(dstTail + i) & dst.mask] = take((first + i) & mask);
        }
        // Release the claimed slots: steal catches up with real, which the owner may have moved on.
        prev = claimed;
        while (true) {
            int real = real(prev);
            long witness = caxHead(prev, pack(real, real));
            if (witness == prev) {
                return n;
            }
            prev = witness;
        }
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private long lvHead() {
        return head.get();
    }

    private boolean casHead(long expected, long next) {
        return head.compareAndSet(expected, next);
    }

    /** Returns the witness: the head found, {@code expected} if it was replaced. */
    private long caxHead(long expected, long next) {
        return head.compareAndExchange(expected, next);
    }

    /** Owner only: its own last store. */
    private int lpTail() {
        return tail.getPlain();
    }

    private int lvTail() {
        return tail.get();
    }

    /** Owner only: publishes the slots below {@code t}, written before this call. */
    private void soTail(int t) {
        tail.lazySet(t);
    }

    @SuppressWarnings("unchecked")
    private T take(int slot) {
        T task = (T) buffer[slot];
        buffer[slot] = null;
        return task;
    }

    private static long pack(int steal, int real) {
        return ((long) steal << 32) | (real & 0xFFFF_FFFFL);
    }

    private static int steal(long head) {
        return (int) (head >>> 32);
    }

    private static int real(long head) {
        return (int) head;
    }
}
