package dev.heddle.runtime;

import dev.heddle.runtime.internal.OneTimeEvent;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting for a task to end, as {@link JoinHandle#joinOp()} offers it to a select. It registers
 * on the task's end event; a losing branch disarms its registration.
 */
final class JoinOp<T> implements SelectableOp<T> {
    private final JoinHandle<T> handle;
    private OneTimeEvent.Registration registration;

    JoinOp(JoinHandle<T> handle) {
        this.handle = handle;
    }

    @Override
    public boolean tryNow() {
        return handle.isFinished();
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        registration = handle.task().whenDone(() -> {
            if (waiter.tryClaim(branch)) {
                waiter.wake();
            }
        });
    }

    @Override
    public void dequeue() {
        if (registration != null) {
            registration.disarm();
            registration = null;
        }
    }

    /**
     * The task's value.
     *
     * @throws JoinException if the task failed or was cancelled
     */
    @Override
    public T result() {
        return JoinHandle.outcome(handle.task());
    }
}
