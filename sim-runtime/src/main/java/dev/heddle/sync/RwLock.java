package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import java.util.Optional;

/**
 * A fair reader-writer lock for Heddle tasks that guards a value (Tokio's {@code RwLock}):
 * many readers or one writer, served in arrival order. A writer that waits holds back readers
 * that arrive after it, so a steady stream of readers cannot starve writers.
 *
 * <pre>{@code
 * RwLock<Config> config = new RwLock<>(Config.defaults());
 * try (RwLockReadGuard<Config> r = config.read()) {
 *     use(r.get());
 * }
 * try (RwLockWriteGuard<Config> w = config.write()) {
 *     w.set(w.get().withTimeout(30));
 * }
 * }</pre>
 * Waiting is a suspension point: an aborted or timed-out waiter leaves the queue and holds
 * nothing. Like Tokio's, it is built on a fair {@link Semaphore}: a reader takes one permit,
 * a writer all of them.
 */
public final class RwLock<T> {
    /** The most readers that can hold the lock at once, and the default limit. */
    public static final int MAX_READERS = Semaphore.MAX_PERMITS;

    /** One permit per reader that may hold the lock at once; a writer takes all {@link #maxReaders}. */
    private final Semaphore semaphore;
    private final int maxReaders;
    private T value;

    /** An unlocked lock guarding {@code value} (which may be null), for up to {@link #MAX_READERS} readers at once. */
    public RwLock(T value) {
        this(value, MAX_READERS);
    }

    /**
     * An unlocked lock guarding {@code value} that lets at most {@code maxReaders} readers hold
     * it at once (Tokio's {@code with_max_readers}); the next reader waits, in arrival order,
     * until one of them is done. A writer still waits for all of them.
     *
     * @throws IllegalArgumentException if {@code maxReaders} is not between 1 and {@link #MAX_READERS}
     */
    public RwLock(T value, int maxReaders) {
        if (maxReaders < 1 || maxReaders > MAX_READERS) {
            throw new IllegalArgumentException("maxReaders must be between 1 and " + MAX_READERS + ", was "
                    + maxReaders);
        }
        this.value = value;
        this.maxReaders = maxReaders;
        this.semaphore = new Semaphore(maxReaders);
    }

    /** How many readers may hold the lock at once. */
    public int maxReaders() {
        return maxReaders;
    }

    /**
     * Waits for shared read access, behind every writer that arrived earlier.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; nothing is held
     */
    public RwLockReadGuard<T> read() {
        return SelectableOp.await(readOp());
    }

    /**
     * Waits for exclusive write access, behind everyone who arrived earlier.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; nothing is held
     */
    public RwLockWriteGuard<T> write() {
        return SelectableOp.await(writeOp());
    }

    /** Read access now, or empty if a writer holds the lock or anyone waits for it. */
    public Optional<RwLockReadGuard<T>> tryRead() {
        return semaphore.tryAcquire(1).map(this::readGuard);
    }

    /** Write access now, or empty if anyone holds the lock or waits for it. */
    public Optional<RwLockWriteGuard<T>> tryWrite() {
        return semaphore.tryAcquire(maxReaders).map(this::writeGuard);
    }

    /** Read access as an operation that select can offer. */
    public SelectableOp<RwLockReadGuard<T>> readOp() {
        return semaphore.acquireOp(1).map(this::readGuard);
    }

    /** Write access as an operation that select can offer. */
    public SelectableOp<RwLockWriteGuard<T>> writeOp() {
        return semaphore.acquireOp(maxReaders).map(this::writeGuard);
    }

    private RwLockReadGuard<T> readGuard(SemaphorePermit permit) {
        return new RwLockReadGuard<>(this, permit);
    }

    private RwLockWriteGuard<T> writeGuard(SemaphorePermit permit) {
        return new RwLockWriteGuard<>(this, permit);
    }

    T value() {
        return value;
    }

    void value(T newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        int free = semaphore.availablePermits();
        return "RwLock[" + (free == maxReaders ? "unlocked" : free == 0 ? "locked" : (maxReaders - free) + " reader(s)")
                + "]";
    }
}
