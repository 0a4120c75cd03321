package dev.heddle.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * order. Values are never null. {@link #take()} empties the cell again, so that the next
 * caller initializes it anew.
 */
public final class OnceCell<T> {
    private static final VarHandle GENERATION;

    static {
        try {
            GENERATION = MethodHandles.lookup().findVarHandle(OnceCell.class, "generation", Generation.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The cell between two {@link #take()}s: its value (null until set) and the semaphore whose
     * one permit is the right to run an initializer, closed once the value is set, which
     * releases every waiter. Immutable, so that the value and the semaphore it closed change
     * together: an initializer publishes by a volatile store (only the holder of the permit of
     * an empty generation stores), {@link #take()} by a compare-and-set to a fresh generation.
     */
    private volatile Generation<T> generation = new Generation<>(null, new Semaphore(1));

    /** An empty cell. */
    public OnceCell() {}

    /**
     * A cell that already holds {@code value} (Tokio's {@code OnceCell::from} and
     * {@code new_with(Some(value))}): every {@link #getOrInit} returns it without running its
     * initializer.
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> OnceCell<T> of(T value) {
        Objects.requireNonNull(value,
                "a OnceCell holds no null; pass a value, or use new OnceCell<>() for an empty one");
        OnceCell<T> cell = new OnceCell<>();
        cell.publish(cell.generation, value);
        return cell;
    }

    /** The value, or empty if no initializer has finished yet. */
    public Optional<T> get() {
        return Optional.ofNullable(generation.value);
    }

    /** True once an initializer has finished; never waits. */
    public boolean isInitialized() {
        return generation.value != null;
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
        Objects.requireNonNull(init, "init");
        return getOrTryInit(init::get);
    }

    /**
     * The value, running {@code init} to create it if no one has, where creating it may fail
     * with a checked exception (Tokio's {@code get_or_try_init}, whose initializer returns a
     * {@code Result}): the failure reaches this caller only and leaves the cell empty, so the
     * next waiting caller runs its own initializer.
     *
     * <pre>{@code Connection c = conn.getOrTryInit(() -> connect(address));   // throws IOException}</pre>
     *
     * @throws E what {@code init} threw
     * @throws NullPointerException if {@code init} returns null
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while it waits for another initializer
     */
    public <E extends Exception> T getOrTryInit(Initializer<? extends T, E> init) throws E {
        Objects.requireNonNull(init, "init");
        while (true) {
            Generation<T> g = generation;
            if (g.value != null) {
                return g.value;
            }
            SemaphorePermit turn;
            try {
                turn = g.initializing.acquire();
            } catch (SemaphoreClosedException set) {
                // Set meanwhile; the value is in a newer generation (a take may even have emptied it since).
                continue;
            }
            try (turn) {
                T created = Objects.requireNonNull(init.get(),
                        "the OnceCell initializer returned null; return a value");
                publish(g, created);
                return created;
            }
        }
    }

    /**
     * Sets the value (Tokio's {@code set}), failing with the reason if it cannot.
     *
     * @throws OnceCellSetException if the cell already has a value
     *     ({@link OnceCellSetException#isAlreadyInitialized()}) or an initializer is running
     *     ({@link OnceCellSetException#isInitializing()}); the cell is unchanged
     * @throws NullPointerException if {@code newValue} is null
     */
    public void set(T newValue) {
        Objects.requireNonNull(newValue, "a OnceCell holds no null; set a value");
        Generation<T> g = generation;
        if (g.value != null) {
            throw new OnceCellSetException(true);
        }
        Optional<SemaphorePermit> turn;
        try {
            turn = g.initializing.tryAcquire();
        } catch (SemaphoreClosedException set) {
            throw new OnceCellSetException(true);
        }
        if (turn.isEmpty()) {
            throw new OnceCellSetException(false);
        }
        try (SemaphorePermit t = turn.get()) {
            publish(g, newValue);
        }
    }

    /**
     * Sets the value if the cell is empty and no initializer is running.
     *
     * @return false if the cell already had a value or an initializer was running
     */
    public boolean trySet(T newValue) {
        Objects.requireNonNull(newValue, "a OnceCell holds no null; set a value");
        Generation<T> g = generation;
        Optional<SemaphorePermit> turn;
        try {
            turn = g.initializing.tryAcquire();
        } catch (SemaphoreClosedException set) {
            return false;
        }
        if (turn.isEmpty()) {
            return false;
        }
        try (SemaphorePermit t = turn.get()) {
            publish(g, newValue);
            return true;
        }
    }

    /**
     * Takes the value out and leaves the cell empty (Tokio's {@code take}), so that the next
     * {@link #getOrInit} runs its initializer again; empty if the cell had no value. An
     * initializer running meanwhile is not disturbed: the cell is empty for it too, and it sets
     * its value when it finishes. Of two calls racing for one value, one gets it.
     */
    public Optional<T> take() {
        while (true) {
            Generation<T> g = generation;
            if (g.value == null) {
                return Optional.empty();
            }
            if (GENERATION.compareAndSet(this, g, new Generation<T>(null, new Semaphore(1)))) {
                return Optional.of(g.value);
            }
        }
    }

    /**
     * The value, leaving the cell empty: Tokio's {@code into_inner}, which consumes the cell. Java
     * cannot take the cell away from code that still refers to it, so this is {@link #take()};
     * the name is kept for Tokio users.
     */
    public Optional<T> intoInner() {
        return take();
    }

    /** Sets the value of generation {@code g}, whose permit the caller holds, and lets its waiters go. */
    private void publish(Generation<T> g, T v) {
        generation = new Generation<>(v, g.initializing);
        g.initializing.close();
    }

    @Override
    public String toString() {
        T v = generation.value;
        return v == null ? "OnceCell[empty]" : "OnceCell[" + v + "]";
    }

    private record Generation<T>(T value, Semaphore initializing) {}

    /**
     * An initializer for {@link #getOrTryInit} that may fail with a checked exception.
     *
     * @param <T> the value it creates
     * @param <E> what it may throw
     */
    @FunctionalInterface
    public interface Initializer<T, E extends Exception> {
        /** Creates the value (not null), or throws. */
        T get() throws E;
    }
}
