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
    /** The most readers that can hold the lock at once. */
    public static final int MAX_READERS = Semaphore.MAX_PERMITS;

    private final Semaphore semaphore = new Semaphore(MAX_READERS);
    private T value;

    /** An unlocked lock guarding {@code value} (which may be null). */
    public RwLock(T value) {
        this.value = value;
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
        return semaphore.tryAcquire(MAX_READERS).map(this::writeGuard);
    }

    /** Read access as an operation that select can offer. */
    public SelectableOp<RwLockReadGuard<T>> readOp() {
        return semaphore.acquireOp(1).map(this::readGuard);
    }

    /** Write access as an operation that select can offer. */
    public SelectableOp<RwLockWriteGuard<T>> writeOp() {
        return semaphore.acquireOp(MAX_READERS).map(this::writeGuard);
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
        return "RwLock[" + (free == MAX_READERS ? "unlocked" : free == 0 ? "locked" : (MAX_READERS - free) + " reader(s)")
                + "]";
    }
}
