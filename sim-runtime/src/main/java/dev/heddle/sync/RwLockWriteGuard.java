package dev.heddle.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

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
     * Hands the write access over to a guard of one part of the value (Tokio's
     * {@code RwLockWriteGuard::map}): {@code getter} picks the part once, now. This guard no
     * longer releases the lock; the returned one does. A part that is a value needs
     * {@link #map(Function, BiConsumer)} to be replaced.
     *
     * @throws IllegalStateException if this guard was closed, mapped or downgraded
     */
    public <U> RwLockMappedWriteGuard<U> map(Function<? super T, ? extends U> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        // The getter runs before the hand-over: if it throws, this guard still holds the lock and releases it on close.
        U part = getter.apply(lock.value());
        closed = true;
        return new RwLockMappedWriteGuard<>(permit, part, null);
    }

    /** {@link #map(Function)} with a setter, so that {@link RwLockMappedWriteGuard#set} can replace the part. */
    public <U> RwLockMappedWriteGuard<U> map(Function<? super T, ? extends U> getter, BiConsumer<? super T, U> setter) {
        Objects.requireNonNull(getter, "getter");
        Objects.requireNonNull(setter, "setter");
        checkOpen();
        T whole = lock.value();
        U part = getter.apply(whole);
        closed = true;
        return new RwLockMappedWriteGuard<>(permit, part, v -> setter.accept(whole, v));
    }

    /**
     * {@link #map(Function)} for a part that may be missing (Tokio's {@code try_map}): if
     * {@code getter} returns empty, nothing is handed over and this guard still holds the lock.
     */
    public <U> Optional<RwLockMappedWriteGuard<U>> tryMap(Function<? super T, Optional<U>> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        Optional<U> part = getter.apply(lock.value());
        if (part.isEmpty()) {
            return Optional.empty();
        }
        closed = true;
        return Optional.of(new RwLockMappedWriteGuard<>(permit, part.get(), null));
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
        return downgradeMap(Function.identity());
    }

    /**
     * {@link #downgrade()} to read access of one part of the value (Tokio's
     * {@code downgrade_map}): {@code getter} runs first, while this guard still holds the lock
     * exclusively, so no reader gets in before it returns.
     *
     * @throws IllegalStateException if this guard was already closed or downgraded
     */
    public <U> RwLockReadGuard<U> downgradeMap(Function<? super T, ? extends U> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        U part = getter.apply(lock.value());
        return downgradeTo(part);
    }

    /**
     * {@link #downgradeMap} for a part that may be missing (Tokio's {@code try_downgrade_map}):
     * if {@code getter} returns empty, nothing changes and this guard still holds the lock
     * exclusively.
     *
     * @throws IllegalStateException if this guard was already closed or downgraded
     */
    public <U> Optional<RwLockReadGuard<U>> tryDowngradeMap(Function<? super T, Optional<U>> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        Optional<U> part = getter.apply(lock.value());
        return part.map(this::downgradeTo);
    }

    private <U> RwLockReadGuard<U> downgradeTo(U part) {
        closed = true;
        // One lock section of the semaphore returns all permits but one: a writer, which needs
        // them all, cannot take the lock before this reader is done.
        permit.split(permit.permits() - 1).orElseThrow().close();
        return new RwLockReadGuard<>(permit, part);
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
            throw new IllegalStateException("this write guard was closed, mapped or downgraded; take the write lock"
                    + " again to reach the value");
        }
    }

    /** The guarded value's own text while this guard holds the lock (Tokio's guard {@code Debug}). */
    @Override
    public String toString() {
        return closed ? "RwLockWriteGuard[closed]" : String.valueOf(lock.value());
    }
}
