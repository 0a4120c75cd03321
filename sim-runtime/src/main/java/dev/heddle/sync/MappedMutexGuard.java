package dev.heddle.sync;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Holds a {@link Mutex} and gives access to one part of its value only (Tokio's
 * {@code MappedMutexGuard}, made by {@link MutexGuard#map}): hand it to code that may touch
 * that part and nothing else while the lock is held. Closing it unlocks the mutex.
 *
 * <pre>{@code
 * record Account(List<String> log, long balance) {}
 * try (MappedMutexGuard<List<String>> log = accounts.lock().map(Account::log)) {
 *     log.get().add("audit");                 // a mutable part: changed in place
 * }
 * }</pre>
 * Java has no reference to a field, which is what Tokio's closure returns, so a part is
 * reached by a getter, applied once when mapping. That is all a part that is itself a mutable
 * object needs. A part that is a value (a number, a string, a record) can only be replaced, so
 * for it map with a setter as well, which {@link #set} writes through; a view mapped without
 * one is read-only, as the JDK's unmodifiable views are.
 */
public final class MappedMutexGuard<U> implements AutoCloseable {
    private final Mutex<?> mutex;
    /** Writes a new part into the value the mutex guards; null for a read-only view. */
    private final Consumer<U> writeBack;
    private U part;
    private boolean closed;

    MappedMutexGuard(Mutex<?> mutex, U part, Consumer<U> writeBack) {
        this.mutex = mutex;
        this.part = part;
        this.writeBack = writeBack;
    }

    /** The part of the guarded value this guard maps to. */
    public U get() {
        checkOpen();
        return part;
    }

    /**
     * Replaces the part in the guarded value, through the setter given to {@code map}.
     *
     * @throws UnsupportedOperationException if this guard was mapped without a setter
     */
    public void set(U value) {
        checkOpen();
        if (writeBack == null) {
            throw new UnsupportedOperationException("this MappedMutexGuard was mapped without a setter, so its part can"
                    + " only be read or changed in place; map with map(getter, setter) to replace it");
        }
        writeBack.accept(value);
        part = value;
    }

    /**
     * Narrows this guard to a part of its part (Tokio's {@code MappedMutexGuard::map}). This
     * guard is handed over: it no longer unlocks, the returned one does.
     */
    public <V> MappedMutexGuard<V> map(Function<? super U, ? extends V> getter) {
        Objects.requireNonNull(getter, "getter");
        checkOpen();
        // The getter runs before the hand-over: if it throws, this guard still holds the lock and unlocks on close.
        V narrowed = getter.apply(part);
        handOver();
        return new MappedMutexGuard<>(mutex, narrowed, null);
    }

    /** {@link #map(Function)} with a setter, so that the narrower part can be replaced by {@link #set}. */
    public <V> MappedMutexGuard<V> map(Function<? super U, ? extends V> getter, BiConsumer<? super U, V> setter) {
        Objects.requireNonNull(getter, "getter");
        Objects.requireNonNull(setter, "setter");
        checkOpen();
        U whole = part;
        V narrowed = getter.apply(whole);
        handOver();
        return new MappedMutexGuard<>(mutex, narrowed, v -> setter.accept(whole, v));
    }

    /** Unlocks the mutex, waking the longest waiter if there is one. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mutex.unlock();
        }
    }

    private void handOver() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this mapped guard was closed or mapped again, so the mutex is no longer"
                    + " held by it; lock the mutex again to reach its value");
        }
    }

    @Override
    public String toString() {
        return "MappedMutexGuard[" + (closed ? "closed" : "holding") + "]";
    }
}
