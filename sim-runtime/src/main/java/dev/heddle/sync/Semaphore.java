package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fair counting semaphore for Heddle tasks (Tokio's {@code Semaphore}): acquirers are served
 * strictly in arrival order, so a large request at the head is never starved by small ones
 * that arrive after it, and {@link #tryAcquire} does not jump the queue either.
 *
 * <pre>{@code
 * Semaphore connections = new Semaphore(10);
 * try (SemaphorePermit p = connections.acquire()) {
 *     talkToServer();
 * }                                   // closing the permit returns it
 * }</pre>
 * Waiting is a suspension point: an aborted or timed-out acquirer leaves the queue and takes
 * nothing. {@link #close()} fails every current and later acquirer with
 * {@link SemaphoreClosedException}; permits still out can be returned, and are.
 */
public final class Semaphore {
    /** The most permits a semaphore can hold. */
    // Tokio's limit (usize::MAX >> 3), scaled to an int. Tokio packs flags into the low bits
    // of its atomic permit count (one used, CLOSED; three reserved, because an earlier
    // version used three and raising the limit later is free while lowering it is not).
    // Here the count is a plain int under the lock and `closed` a field of its own, so no bit
    // is reserved; the shift stays for the same reason as Tokio's reserve: the constant is
    // public, and it leaves room to pack count and flags into one word, for a lock-free fast
    // path, without lowering it. Meanwhile two valid counts add up without overflowing an int.
    public static final int MAX_PERMITS = Integer.MAX_VALUE >> 3;

    private final ReentrantLock lock = new ReentrantLock();
    private final WaitQueue<AcquireOp> waiters = new WaitQueue<>();
    private int permits;
    private boolean closed;

    /**
     * A semaphore holding {@code permits} permits, from 0 to {@link #MAX_PERMITS}: at most that
     * many holders at once, such as connections to a database.
     *
     * <pre>{@code Semaphore connections = new Semaphore(10);}</pre>
     *
     * @throws IllegalArgumentException if {@code permits} is out of that range
     */
    public Semaphore(int permits) {
        if (permits < 0 || permits > MAX_PERMITS) {
            throw new IllegalArgumentException("permits must be between 0 and " + MAX_PERMITS + ", was " + permits);
        }
        this.permits = permits;
    }

    /**
     * Waits for one permit, in arrival order; release it by closing the returned permit.
     *
     * <pre>{@code try (SemaphorePermit p = connections.acquire()) { query(); }}</pre>
     *
     * @throws SemaphoreClosedException if the semaphore is or becomes closed while waiting
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; nothing was taken
     */
    public SemaphorePermit acquire() {
        return acquire(1);
    }

    /**
     * Waits until {@code n} permits can be taken together, in arrival order.
     *
     * @throws IllegalArgumentException if {@code n} is below 1 or above {@link #MAX_PERMITS}
     * @throws SemaphoreClosedException if the semaphore is or becomes closed while waiting
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; nothing was taken
     */
    public SemaphorePermit acquire(int n) {
        return SelectableOp.await(acquireOp(n));
    }

    /** One permit now, or empty if none is free or others are already waiting. */
    public Optional<SemaphorePermit> tryAcquire() {
        return tryAcquire(1);
    }

    /**
     * {@code n} permits now, or empty if fewer are free or others are already waiting.
     *
     * @throws SemaphoreClosedException if the semaphore is closed
     */
    public Optional<SemaphorePermit> tryAcquire(int n) {
        AcquireOp op = new AcquireOp(checkRequest(n));
        return op.tryNow() ? Optional.of(op.result()) : Optional.empty();
    }

    /** The acquisition of {@code n} permits as an operation that select can offer. */
    public SelectableOp<SemaphorePermit> acquireOp(int n) {
        return new AcquireOp(checkRequest(n));
    }

    /**
     * Adds {@code n} permits, handing them to waiters first, in arrival order; never waits.
     *
     * @throws IllegalArgumentException if {@code n} is negative or the total would exceed {@link #MAX_PERMITS}
     */
    public void addPermits(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("addPermits takes a count of at least 0, was " + n);
        }
        lock.lock();
        try {
            if (n > MAX_PERMITS - permits) {
                throw new IllegalArgumentException("adding " + n + " permits to " + permits + " would exceed MAX_PERMITS ("
                        + MAX_PERMITS + ")");
            }
            permits += n;
            grantLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code n} free permits away for good, and returns how many it took (Tokio's
     * {@code forget_permits}): fewer than {@code n} when fewer are free. Permits held by
     * acquirers are not touched; forget theirs with {@link SemaphorePermit#forget()}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public int forgetPermits(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("forgetPermits takes a count of at least 0, was " + n);
        }
        lock.lock();
        try {
            int taken = Math.min(n, permits);
            permits -= taken;
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Permits free right now, not counting those handed to waiters. */
    public int availablePermits() {
        lock.lock();
        try {
            return permits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the semaphore: every waiting acquirer fails with {@link SemaphoreClosedException},
     * and so does every later one. Permits held now can still be returned. Idempotent.
     */
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (AcquireOp op = waiters.pollFirst(); op != null; op = waiters.pollFirst()) {
                op.closedOutcome = true;
                if (op.tryClaim()) {
                    op.waiter().wake();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #close()} was called: every acquire now fails. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** True while some acquirer waits for permits; for tests and diagnostics. */
    public boolean hasWaiters() {
        lock.lock();
        try {
            return !waiters.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    void release(int n) {
        lock.lock();
        try {
            permits += n;
            grantLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free permits to the waiters at the head of the queue while they fit. */
    private void grantLocked() {
        AcquireOp head;
        while ((head = waiters.first()) != null && head.n <= permits) {
            waiters.remove(head);
            head.permit = new SemaphorePermit(this, head.n);
            if (head.tryClaim()) {
                permits -= head.n;
                head.waiter().wake();
            }
        }
    }

    private static int checkRequest(int n) {
        if (n < 1 || n > MAX_PERMITS) {
            throw new IllegalArgumentException("a semaphore acquires between 1 and " + MAX_PERMITS + " permits at once, was "
                    + n);
        }
        return n;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Semaphore[permits=" + permits + (waiters.isEmpty() ? "" : ", waiters") + (closed ? ", closed" : "")
                    + "]";
        } finally {
            lock.unlock();
        }
    }

    /** One call's acquisition of {@code n} permits; queued as itself while it waits. */
    final class AcquireOp extends WaitQueue.Node<AcquireOp> implements SelectableOp<SemaphorePermit> {
        private final int n;
        private SemaphorePermit permit;
        private boolean closedOutcome;

        AcquireOp(int n) {
            this.n = n;
        }

        @Override
        public boolean tryNow() {
            lock.lock();
            try {
                return completeNowLocked();
            } finally {
                lock.unlock();
            }
        }

        private boolean completeNowLocked() {
            if (closed) {
                closedOutcome = true;
                return true;
            }
            if (waiters.isEmpty() && permits >= n) {
                permits -= n;
                permit = new SemaphorePermit(Semaphore.this, n);
                return true;
            }
            return false;
        }

        @Override
        public void enqueue(Waiter waiter, int branch) {
            lock.lock();
            try {
                if (closed || (waiters.isEmpty() && permits >= n)) {
                    if (waiter.tryClaim(branch)) {
                        completeNowLocked();
                    }
                    return;
                }
                waiters.add(this, waiter, branch);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void dequeue() {
            lock.lock();
            try {
                if (waiters.remove(this)) {
                    grantLocked();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public SemaphorePermit result() {
            if (closedOutcome) {
                throw new SemaphoreClosedException(n);
            }
            return permit;
        }

        @Override
        public boolean isClosedOutcome() {
            return closedOutcome;
        }
    }
}
