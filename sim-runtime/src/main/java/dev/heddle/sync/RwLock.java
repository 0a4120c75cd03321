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
     * @throws IllegalStateException if the lock was consumed by {@link #intoInner()}
     */
    public RwLockReadGuard<T> read() {
        try {
            return SelectableOp.await(readOp());
        } catch (SemaphoreClosedException consumed) {
            throw consumedError();
        }
    }

    /**
     * Waits for exclusive write access, behind everyone who arrived earlier.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; nothing is held
     * @throws IllegalStateException if the lock was consumed by {@link #intoInner()}
     */
    public RwLockWriteGuard<T> write() {
        try {
            return SelectableOp.await(writeOp());
        } catch (SemaphoreClosedException consumed) {
            throw consumedError();
        }
    }

    /**
     * Read access now, or empty if a writer holds the lock or anyone waits for it.
     *
     * @throws IllegalStateException if the lock was consumed by {@link #intoInner()}
     */
    public Optional<RwLockReadGuard<T>> tryRead() {
        try {
            return semaphore.tryAcquire(1).map(this::readGuard);
        } catch (SemaphoreClosedException consumed) {
            throw consumedError();
        }
    }

    /**
     * Write access now, or empty if anyone holds the lock or waits for it.
     *
     * @throws IllegalStateException if the lock was consumed by {@link #intoInner()}
     */
    public Optional<RwLockWriteGuard<T>> tryWrite() {
        try {
            return semaphore.tryAcquire(maxReaders).map(this::writeGuard);
        } catch (SemaphoreClosedException consumed) {
            throw consumedError();
        }
    }

    /** Read access as an operation that select can offer; a consumed lock disables its branch. */
    public SelectableOp<RwLockReadGuard<T>> readOp() {
        return semaphore.acquireOp(1).map(this::readGuard);
    }

    /** Write access as an operation that select can offer; a consumed lock disables its branch. */
    public SelectableOp<RwLockWriteGuard<T>> writeOp() {
        return semaphore.acquireOp(maxReaders).map(this::writeGuard);
    }

    /**
     * Takes the value out of a lock that no task holds or waits for, and consumes the lock
     * (Tokio's {@code into_inner}, which takes the lock by value so that nobody can use it
     * afterwards): every later {@code read}, {@code write}, {@code tryRead} or {@code tryWrite}
     * fails with an {@link IllegalStateException}, since Java cannot take the lock away from
     * code that still refers to it. For the end of a computation whose tasks have all finished.
     *
     * @throws IllegalStateException if a task holds the lock or waits for it (the value stays
     *     where it is), or if it was already consumed
     */
    public T intoInner() {
        Optional<SemaphorePermit> all;
        try {
            all = semaphore.tryAcquire(maxReaders);
        } catch (SemaphoreClosedException consumed) {
            throw consumedError();
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("intoInner on " + this + ": a task holds this lock or waits for it;"
                    + " join the tasks that use it first");
        }
        // Held for good and closed: every later acquirer fails at once instead of waiting forever.
        all.get().forget();
        semaphore.close();
        T v = value;
        value = null;
        return v;
    }

    private static IllegalStateException consumedError() {
        return new IllegalStateException("this RwLock was consumed by intoInner(), which took its value out;"
                + " make a new RwLock for the value");
    }

    private RwLockReadGuard<T> readGuard(SemaphorePermit permit) {
        return new RwLockReadGuard<>(permit, value);
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

    /**
     * The guarded value, if it can be read now, as Tokio's {@code Debug} shows it:
     * {@code RwLock[data=42]}, or {@code RwLock[data=<locked>]} while a writer holds the lock
     * or waits for it (or {@code <consumed>} after {@link #intoInner()}). It takes a read lock
     * for the read, as Tokio's does with {@code try_read}.
     */
    @Override
    public String toString() {
        Optional<SemaphorePermit> read;
        try {
            read = semaphore.tryAcquire(1);
        } catch (SemaphoreClosedException consumed) {
            return "RwLock[data=<consumed>]";
        }
        if (read.isEmpty()) {
            return "RwLock[data=<locked>]";
        }
        try (SemaphorePermit p = read.get()) {
            return "RwLock[data=" + value + "]";
        }
    }
}
