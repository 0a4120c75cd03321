package dev.heddle.runtime;

import dev.heddle.runtime.internal.Task;

/**
 * The right to abort a task without the right to join it (Tokio's {@code AbortHandle}):
 * hand it to code that may stop a task whose value belongs to someone else, such as a
 * supervisor, while the {@link JoinHandle} or {@link JoinSet} keeps the outcome.
 *
 * <pre>{@code
 * JoinHandle<Report> h = Heddle.spawn(() -> crawl(site));
 * AbortHandle stop = h.abortHandle();
 * watchdog.onOverload(stop::abort);
 * Report r = h.join();          // throws a cancelled JoinException if the watchdog aborted it
 * }</pre>
 * Any number of abort handles may exist for a task; keeping one neither keeps the task
 * alive nor stops it.
 */
public final class AbortHandle {
    private final Task<?> task;

    AbortHandle(Task<?> task) {
        this.task = task;
    }

    /** Requests cancellation, exactly as {@link JoinHandle#abort()} does; no effect on an ended task. */
    public void abort() {
        task.cancel();
    }

    /** True once the task has a value, a failure, or was cancelled. */
    public boolean isFinished() {
        return task.isDone();
    }

    /** The task's id, the same as its {@link JoinHandle#id()}. */
    public long id() {
        return task.id();
    }

    @Override
    public String toString() {
        return "AbortHandle[" + task + ", " + task.state() + "]";
    }
}
