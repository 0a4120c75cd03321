package dev.heddle.sync;

/** Shared read access to an {@link RwLock}'s value; closing it lets writers in. */
public final class RwLockReadGuard<T> implements AutoCloseable {
    private final RwLock<T> lock;
    private final SemaphorePermit permit;
    private boolean closed;

    RwLockReadGuard(RwLock<T> lock, SemaphorePermit permit) {
        this.lock = lock;
        this.permit = permit;
    }

    /** The guarded value; read it only, other readers see it at the same time. */
    public T get() {
        if (closed) {
            throw new IllegalStateException("this read guard was closed; take the read lock again to reach the value");
        }
        return lock.value();
    }

    /** Gives up read access. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            permit.close();
        }
    }

    @Override
    public String toString() {
        return "RwLockReadGuard[" + (closed ? "closed" : "reading") + "]";
    }
}
