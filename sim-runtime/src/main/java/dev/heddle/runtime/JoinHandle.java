package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.OneTimeEvent;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
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
        Budget.spend();
        awaitEnd();
        return outcome(task);
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

    /**
     * Waiting for the task to end, as an operation a select can offer ({@code Select.join});
     * its result is the task's value, or the {@link JoinException} of {@link #join()}.
     */
    public SelectableOp<T> joinOp() {
        return new JoinOp<>(this);
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

    /**
     * A handle that can abort this task but not join it, for code that must be able to stop
     * the task while the value stays with this handle's owner.
     */
    public AbortHandle abortHandle() {
        return new AbortHandle(task);
    }

    /** The task's id: unique in its runtime, and in spawn order, so a seed gives the same ids. */
    public long id() {
        return task.id();
    }

    /** The task's name, as given to spawn, or {@code "task"} ({@code "blocking"} from spawnBlocking) without one. */
    public String name() {
        return task.name();
    }

    /**
     * The value of an ended task; otherwise a {@link JoinException} that says why there is none.
     * Every way of joining (this handle, {@link JoinSet}, a select branch) takes the outcome here.
     */
    static <T> T outcome(Task<T> task) {
        T value = task.observeOutcome();
        return switch (task.state()) {
            case SUCCEEDED -> value;
            case FAILED -> throw JoinException.failed(task, task.failure());
            case CANCELLED -> throw JoinException.cancelled(task);
            case PENDING -> throw new IllegalStateException("task " + task + " has not finished");
        };
    }

    /** The task itself, for the runtime's own tests and diagnostics. */
    Task<T> task() {
        return task;
    }

    @Override
    public String toString() {
        return "JoinHandle[" + task + ", " + task.state() + "]";
    }
}
