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
            throw new IllegalStateException("this write guard was closed; take the write lock again to reach the value");
        }
    }

    @Override
    public String toString() {
        return "RwLockWriteGuard[" + (closed ? "closed" : "writing") + "]";
    }
}
