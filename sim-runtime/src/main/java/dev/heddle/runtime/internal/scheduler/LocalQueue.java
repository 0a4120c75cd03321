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
    private final AtomicLong head = new AtomicLong();
    /** Written by the owner only, with release; read by thieves with acquire. */
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
        long h = head.get();
        return tail.get() - steal(h);
    }

    /** True when a thief could take something; may be stale by the time the caller acts. */
    boolean hasTasks() {
        return tail.get() != real(head.get());
    }

    /** Free slots, as the owner sees them; only the owner may rely on it. */
    int remainingSlots() {
        return buffer.length - (tail.getPlain() - steal(head.get()));
    }

    /**
     * Owner only: appends {@code task}, or, when the queue is full, moves half of it and the
     * task to {@code overflow}.
     */
    void pushBack(T task, InjectionQueue<T> overflow) {
        while (true) {
            long h = head.get();
            int steal = steal(h);
            int real = real(h);
            int t = tail.getPlain();
            if (t - steal < buffer.length) {
                buffer[t & mask] = task;
                tail.lazySet(t + 1);
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

    /** Claims the older half of a full queue and hands it, then {@code task}, to {@code overflow}. */
    private boolean pushOverflow(T task, int real, InjectionQueue<T> overflow) {
        int half = buffer.length / 2;
        long expected = pack(real, real);
        if (!head.compareAndSet(expected, pack(real + half, real + half))) {
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
        long h = head.get();
        while (true) {
            int steal = steal(h);
            int real = real(h);
            if (real == tail.getPlain()) {
                return null;
            }
            int nextReal = real + 1;
            long next = steal == real ? pack(nextReal, nextReal) : pack(steal, nextReal);
            long witness = head.compareAndExchange(h, next);
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
        int dstTail = dst.tail.getPlain();
        if (dstTail - steal(dst.head.get()) > dst.buffer.length / 2) {
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
            dst.tail.lazySet(dstTail + n);
        }
        return ret;
    }

    private int stealHalfInto(LocalQueue<T> dst, int dstTail) {
        long prev = head.get();
        int first;
        int n;
        long claimed;
        while (true) {
            int steal = steal(prev);
            int real = real(prev);
            if (steal != real) {
                return 0;
            }
            int available = tail.get() - real;
            n = available - available / 2;
            if (n <= 0) {
                return 0;
            }
            claimed = pack(steal, real + n);
            long witness = head.compareAndExchange(prev, claimed);
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
            long witness = head.compareAndExchange(prev, pack(real, real));
            if (witness == prev) {
                return n;
            }
            prev = witness;
        }
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
