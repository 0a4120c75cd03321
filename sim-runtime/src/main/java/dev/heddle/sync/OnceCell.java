package dev.heddle.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value set once, by the first initializer to finish (Tokio's {@code OnceCell}). While one
 * caller runs its initializer, the others wait; if it fails (or its task is aborted) the next
 * waiting caller runs its own initializer, so a failure is never cached.
 *
 * <pre>{@code
 * OnceCell<Connection> conn = new OnceCell<>();
 * Connection c = conn.getOrInit(() -> connect(address));   // connects at most once
 * }</pre>
 * Waiting for another initializer is a suspension point; initializers take turns in arrival
 * order. Values are never null.
 */
public final class OnceCell<T> {
    private volatile T value;
    /** One permit: the right to run an initializer. Closed once the value is set, which releases every waiter. */
    private final Semaphore initializing = new Semaphore(1);

    /** An empty cell. */
    public OnceCell() {}

    /** The value, or empty if no initializer has finished yet. */
    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    /** True once an initializer has finished; never waits. */
    public boolean isInitialized() {
        return value != null;
    }

    /**
     * The value, running {@code init} to create it if no one has. Exceptions of {@code init}
     * reach this caller only, and leave the cell empty for the next one.
     *
     * @throws NullPointerException if {@code init} returns null
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while it waits for another initializer
     */
    public T getOrInit(Supplier<? extends T> init) {
        T v = value;
        if (v != null) {
            return v;
        }
        SemaphorePermit turn;
        try {
            turn = initializing.acquire();
        } catch (SemaphoreClosedException set) {
            return value;
        }
        try (turn) {
            T created = Objects.requireNonNull(init.get(), "the OnceCell initializer returned null; return a value");
            publish(created);
            return created;
        }
    }

    /**
     * Sets the value if the cell is empty and no initializer is running.
     *
     * @return false if the cell already had a value or an initializer was running
     */
    public boolean trySet(T newValue) {
        Objects.requireNonNull(newValue, "a OnceCell holds no null; set a value");
        Optional<SemaphorePermit> turn;
        try {
            turn = initializing.tryAcquire();
        } catch (SemaphoreClosedException set) {
            return false;
        }
        if (turn.isEmpty()) {
            return false;
        }
        try (SemaphorePermit t = turn.get()) {
            publish(newValue);
            return true;
        }
    }

    private void publish(T v) {
        value = v;
        initializing.close();
    }

    @Override
    public String toString() {
        T v = value;
        return v == null ? "OnceCell[empty]" : "OnceCell[" + v + "]";
    }
}
