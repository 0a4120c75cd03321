package dev.heddle.runtime;

import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * A value bound for the extent of a scope in one task (Tokio's {@code task_local!} with
 * {@code scope}). A spawned task does not inherit it: bind it again there if it needs it.
 *
 * <pre>{@code
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");
 * REQUEST_ID.scope("req-42", () -> handle(request));   // handle() reads REQUEST_ID.get()
 * }</pre>
 */
public final class TaskLocal<T> {
    private final String name;
    private final ScopedValue<T> value = ScopedValue.newInstance();

    private TaskLocal(String name) {
        this.name = name;
    }

    /** A task-local whose name appears in error messages. */
    public static <T> TaskLocal<T> named(String name) {
        return new TaskLocal<>(name);
    }

    /**
     * Runs {@code body} with this task-local bound to {@code v}, and returns its value.
     * Unchecked exceptions pass through; checked ones are wrapped in {@link CompletionException}.
     */
    public <R> R scope(T v, Callable<R> body) {
        try {
            return ScopedValue.where(value, v).call(body::call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** {@link #scope(Object, Callable)} for a body without a result. */
    public void scope(T v, Runnable body) {
        ScopedValue.where(value, v).run(body);
    }

    /**
     * The bound value.
     *
     * @throws NoSuchElementException outside any {@link #scope} of this task-local in this task
     */
    public T get() {
        if (!value.isBound()) {
            throw new NoSuchElementException("task-local '" + name + "' is not set in " + Thread.currentThread()
                    + ": call get() inside " + name + ".scope(value, ...), or getOrElse(fallback) where it may be"
                    + " unset; spawned tasks do not inherit it");
        }
        return value.get();
    }

    /** The bound value, or {@code fallback} outside any scope. */
    public T getOrElse(T fallback) {
        return value.isBound() ? value.get() : fallback;
    }

    /** True inside a {@link #scope} of this task-local in the calling task. */
    public boolean isSet() {
        return value.isBound();
    }

    @Override
    public String toString() {
        return "TaskLocal[" + name + "]";
    }
}
