package dev.heddle.sync;

/**
 * Proof of holding a {@link Mutex}, and access to its value; closing it unlocks. Use it in
 * try-with-resources so that the lock is released however the block ends, including by an
 * abort. After {@link #close()} the value is out of reach.
 */
public final class MutexGuard<T> implements AutoCloseable {
    private final Mutex<T> mutex;
    private boolean closed;

    MutexGuard(Mutex<T> mutex) {
        this.mutex = mutex;
    }

    /** The guarded value. */
    public T get() {
        checkOpen();
        return mutex.value();
    }

    /** Replaces the guarded value. */
    public void set(T value) {
        checkOpen();
        mutex.value(value);
    }

    /** Unlocks the mutex, waking the longest waiter if there is one. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mutex.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this guard was closed, so the mutex is no longer held by it;"
                    + " lock the mutex again to reach its value");
        }
    }

    @Override
    public String toString() {
        return "MutexGuard[" + (closed ? "closed" : "holding") + "]";
    }
}
