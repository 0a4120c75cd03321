package dev.heddle.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

    /**
     * Hands the lock over to a guard of one part of the value (Tokio's {@code MutexGuard::map}):
     * {@code getter} picks the part once, now. This guard no longer unlocks; the returned one
     * does, so code given it reaches that part only. See {@link MappedMutexGuard} for why a part
     * that is a value needs {@link #map(Function, BiConsumer)}.
     *
     * @throws IllegalStateException if this guard was closed or already mapped
     */
    public <U> MappedMutexGuard<U> map(Function<? super T, ? extends U> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        // The getter runs before the hand-over: if it throws, this guard still holds the lock and unlocks on close.
        U narrowed = getter.apply(mutex.value());
        handOver();
        return new MappedMutexGuard<>(mutex, narrowed, null);
    }

    /**
     * {@link #map(Function)} with a setter, so that {@link MappedMutexGuard#set} can replace the
     * part: {@code setter} receives the guarded value and the new part.
     */
    public <U> MappedMutexGuard<U> map(Function<? super T, ? extends U> getter, BiConsumer<? super T, U> setter) {
        Objects.requireNonNull(getter, "getter");
        Objects.requireNonNull(setter, "setter");
        checkOpen();
        T whole = mutex.value();
        U narrowed = getter.apply(whole);
        handOver();
        return new MappedMutexGuard<>(mutex, narrowed, v -> setter.accept(whole, v));
    }

    /**
     * {@link #map(Function)} for a part that may be missing (Tokio's {@code MutexGuard::try_map}):
     * if {@code getter} returns empty, nothing is handed over and this guard still holds the
     * lock, as Tokio hands the original guard back.
     *
     * @throws IllegalStateException if this guard was closed or already mapped
     */
    public <U> Optional<MappedMutexGuard<U>> tryMap(Function<? super T, Optional<U>> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        Optional<U> narrowed = getter.apply(mutex.value());
        if (narrowed.isEmpty()) {
            return Optional.empty();
        }
        handOver();
        return Optional.of(new MappedMutexGuard<>(mutex, narrowed.get(), null));
    }

    /** Unlocks the mutex, waking the longest waiter if there is one. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mutex.unlock();
        }
    }

    /** Closes this guard without unlocking: the lock now belongs to a mapped guard. */
    private void handOver() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this guard was closed or mapped, so the mutex is no longer held by it;"
                    + " lock the mutex again to reach its value");
        }
    }

    /**
     * The guarded value's own text while this guard holds the lock (Tokio's guard {@code Debug}),
     * else {@code MutexGuard[closed]}.
     */
    @Override
    public String toString() {
        return closed ? "MutexGuard[closed]" : String.valueOf(mutex.value());
    }
}
