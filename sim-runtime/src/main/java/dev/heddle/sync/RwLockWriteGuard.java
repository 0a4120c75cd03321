package dev.heddle.sync;

/** Exclusive write access to an {@link RwLock}'s value; closing it lets the next in line in. */
public final class RwLockWriteGuard<T> implements AutoCloseable {
    private final RwLock<T> lock;
    private final SemaphorePermit permit;
    private boolean closed;

    RwLockWriteGuard(RwLock<T> lock, SemaphorePermit permit) {
        this.lock = lock;
        this.permit = permit;
    }

    /** The guarded value. */
    public T get() {
        checkOpen();
        return lock.value();
    }

    /** Replaces the guarded value. */
    public void set(T value) {
        checkOpen();
        lock.value(value);
    }

    /**
     * Turns this write access into read access without letting any writer in between (Tokio's
     * {@code downgrade}): readers waiting at the head of the queue come in at once, while a
     * writer that waits keeps later readers out as usual. This guard is closed by it; close the
     * returned read guard instead.
     *
     * @throws IllegalStateException if this guard was already closed or downgraded
     */
    public RwLockReadGuard<T> downgrade() {
        checkOpen();
        closed = true;
        // One lock section of the semaphore returns all permits but one: a writer, which needs
        // them all, cannot take the lock before this reader is done.
        permit.split(permit.permits() - 1).orElseThrow().close();
        return new RwLockReadGuard<>(lock, permit);
    }

    /** Gives up write access. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            permit.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this write guard was closed or downgraded; take the write lock again to"
                    + " reach the value");
        }
    }

    @Override
    public String toString() {
        return "RwLockWriteGuard[" + (closed ? "closed" : "writing") + "]";
    }
}
