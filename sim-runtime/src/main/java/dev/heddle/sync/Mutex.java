package dev.heddle.sync;

import dev.heddle.select.SelectableOp;
import java.util.Optional;

/**
 * A fair mutual-exclusion lock for Heddle tasks that guards a value (Tokio's {@code Mutex}):
 * waiters get the lock strictly in arrival order, and waiting suspends the task instead of
 * blocking its carrier, so holding the lock across other suspension points is fine.
 *
 * <pre>{@code
 * Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
 * try (MutexGuard<List<String>> g = log.lock()) {
 *     g.get().add("entry");
 * }
 * }</pre>
 * Waiting for the lock is a suspension point: an aborted or timed-out waiter leaves the queue
 * without ever holding the lock. The lock is not tied to a thread: a guard may be closed by
 * another task than the one that locked.
 */
public final class Mutex<T> {
    private final Semaphore semaphore = new Semaphore(1);
    private T value;

    /** An unlocked mutex guarding {@code value} (which may be null). */
    public Mutex(T value) {
        this.value = value;
    }

    /** An unlocked mutex guarding nothing: a plain lock. */
    public Mutex() {
        this(null);
    }

    /**
     * Waits for the lock, in arrival order.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; the lock was not taken
     */
    public MutexGuard<T> lock() {
        return OpCompletion.await(lockOp());
    }

    /** The lock now, or empty if it is held or others already wait for it. */
    public Optional<MutexGuard<T>> tryLock() {
        return semaphore.tryAcquire(1).map(this::guard);
    }

    /** Taking the lock as an operation that select can offer. */
    public SelectableOp<MutexGuard<T>> lockOp() {
        return new MappedOp<>(semaphore.acquireOp(1), this::guard);
    }

    /** True while some task holds the lock; a snapshot, for tests and diagnostics. */
    public boolean isLocked() {
        return semaphore.availablePermits() == 0;
    }

    private MutexGuard<T> guard(SemaphorePermit permit) {
        return new MutexGuard<>(this, permit);
    }

    T value() {
        return value;
    }

    void value(T newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        return "Mutex[" + (isLocked() ? "locked" : "unlocked") + "]";
    }
}
