package dev.heddle.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shared read access to an {@link RwLock}'s value, or to one part of it once mapped; closing it
 * lets writers in. No writer runs while it is open, so the value it reads cannot change under it.
 */
public final class RwLockReadGuard<T> implements AutoCloseable {
    private final SemaphorePermit permit;
    private final T value;
    private boolean closed;

    RwLockReadGuard(SemaphorePermit permit, T value) {
        this.permit = permit;
        this.value = value;
    }

    /** The guarded value (or the part it was mapped to); read it only, other readers see it at the same time. */
    public T get() {
        checkOpen();
        return value;
    }

    /**
     * Hands the read access over to a guard of one part of the value (Tokio's
     * {@code RwLockReadGuard::map}): {@code getter} picks the part, now. This guard no longer
     * releases the lock; the returned one does.
     *
     * @throws IllegalStateException if this guard was closed or already mapped
     */
    public <U> RwLockReadGuard<U> map(Function<? super T, ? extends U> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        // The getter runs before the hand-over: if it throws, this guard still holds the lock and releases it on close.
        U part = getter.apply(value);
        closed = true;
        return new RwLockReadGuard<>(permit, part);
    }

    /**
     * {@link #map} for a part that may be missing (Tokio's {@code try_map}): if {@code getter}
     * returns empty, nothing is handed over and this guard still holds the lock.
     *
     * @throws IllegalStateException if this guard was closed or already mapped
     */
    public <U> Optional<RwLockReadGuard<U>> tryMap(Function<? super T, Optional<U>> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        Optional<U> part = getter.apply(value);
        if (part.isEmpty()) {
            return Optional.empty();
        }
        closed = true;
        return Optional.of(new RwLockReadGuard<>(permit, part.get()));
    }

    /** Gives up read access. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            permit.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this read guard was closed or mapped; take the read lock again to reach"
                    + " the value");
        }
    }

    @Override
    public String toString() {
        return closed ? "RwLockReadGuard[closed]" : String.valueOf(value);
    }
}
