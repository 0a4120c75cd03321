package dev.heddle.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * The owner's side of a spawned task: wait for its value, or abort it.
 *
 * <pre>{@code
 * JoinHandle<Integer> h = Heddle.spawn(() -> compute());
 * int v = h.join();           // suspends this task until h's task ends
 * }</pre>
 * Dropping a handle does not cancel the task (Tokio's detach semantics); {@link #abort()} does.
 */
public final class JoinHandle<T> {
    private final Task<T> task;

    JoinHandle(Task<T> task) {
        this.task = task;
    }

    /**
     * Waits for the task to end and returns its value.
     *
     * @throws JoinException if the task failed (its exception is the cause) or was cancelled
     * @throws java.util.concurrent.CancellationException if the <em>calling</em> task is aborted while waiting
     */
    public T join() {
        awaitEnd();
        return task.outcome();
    }

    /** Suspends the calling task until this task has ended, without taking its outcome. */
    void awaitEnd() {
        if (!task.isDone()) {
            Thread me = Thread.currentThread();
            OneTimeEvent.Registration wake = task.whenDone(() -> LockSupport.unpark(me));
            try {
                while (!task.isDone()) {
                    Suspension.park(task);
                }
            } finally {
                wake.disarm();
            }
        }
    }

    /** True once the task has a value, a failure, or was cancelled. */
    public boolean isFinished() {
        return task.isDone();
    }

    /**
     * Requests cancellation: the task gets a {@link java.util.concurrent.CancellationException}
     * at its next suspension point, its {@code finally} blocks run, and {@link #join()} then
     * reports it cancelled. A task that ends before reaching a suspension point keeps its
     * outcome. Blocking tasks that already started are not interrupted.
     *
     * <p>A task aborted before it first runs never runs its body at all (as in Tokio), so
     * resources created outside the task and handed to it (a channel sender, a connection)
     * are not closed by it: create them inside the task, or close them where you abort it.
     */
    public void abort() {
        task.cancel();
    }

    public long id() {
        return task.id();
    }

    public String name() {
        return task.name();
    }

    /** The task itself, for carriers and diagnostics. */
    public Task<T> task() {
        return task;
    }

    @Override
    public String toString() {
        return "JoinHandle[" + task + ", " + task.state() + "]";
    }
}
