package dev.heddle.runtime;

import dev.heddle.runtime.internal.Task;

/**
 * Why a joined task has no value: it failed (the cause is its exception) or it was
 * cancelled. Thrown by {@link JoinHandle#join()} and {@link JoinSet#joinNext()}.
 */
public final class JoinException extends RuntimeException {
    /** The task's name and id. */
    private final String task;
    private final long id;
    /** Cancelled rather than failed. */
    private final boolean cancelled;

    private JoinException(Task<?> task, boolean cancelled, String message, Throwable cause) {
        super(message, cause);
        this.task = task.toString();
        this.id = task.id();
        this.cancelled = cancelled;
    }

    static JoinException failed(Task<?> task, Throwable cause) {
        return new JoinException(task, false, "task " + task + " failed: " + cause, cause);
    }

    static JoinException cancelled(Task<?> task) {
        return new JoinException(task, true, "task " + task + " was cancelled", null);
    }

    /** True when the task was aborted before it finished. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** True when the task ended with an exception; {@link #getCause()} is that exception. */
    public boolean isFailed() {
        return !cancelled;
    }

    /**
     * The id of the task that has no value (Tokio's {@code JoinError::id}), as
     * {@link JoinHandle#id()} gave it: tells which task of a {@link JoinSet} failed.
     */
    public long id() {
        return id;
    }

    /** The task's name and id, as in {@code worker#3}. */
    public String task() {
        return task;
    }
}
