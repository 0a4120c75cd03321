package dev.heddle.runtime;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;

/**
 * Waiting for a task to end, as a select branch ({@code Select.join}). It lives here because
 * it registers on the task's end event, which only this package sees; a losing branch
 * disarms its registration.
 */
public final class JoinOp<T> implements SelectableOp<T> {
    private final JoinHandle<T> handle;
    private OneTimeEvent.Registration registration;

    public JoinOp(JoinHandle<T> handle) {
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
        return handle.task().outcome();
    }
}
