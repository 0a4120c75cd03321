package dev.heddle.runtime.internal;

import dev.heddle.runtime.SelectableOp;

/**
 * Waiting for the next ctrl-c of a runtime ({@link ShutdownSignal}) as an op, so that a select can
 * offer it beside the work it stops, as Tokio's graceful-shutdown tutorial does:
 * <pre>{@code
 * String why = Select.<String>select().on(jobs.recvOp(), job -> run(job))
 *         .on(Heddle.ctrlCOp(), v -> "shutting down").run();
 * }</pre>
 * It completes on the first signal delivered after it was made; the result is always null. A
 * losing op leaves nothing behind.
 */
public final class CtrlCOp extends WaitQueue.Node<CtrlCOp> implements SelectableOp<Void> {
    private final ShutdownSignal signal;
    /** The signals delivered when this op was made: it completes once there are more. */
    private final long seen;

    CtrlCOp(ShutdownSignal signal, long seen) {
        this.signal = signal;
        this.seen = seen;
    }

    long seen() {
        return seen;
    }

    @Override
    public boolean tryNow() {
        return signal.deliveredSince(seen);
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        signal.enqueue(this, waiter, branch);
    }

    @Override
    public void dequeue() {
        signal.dequeue(this);
        stopWaiting();
    }

    @Override
    public Void result() {
        return null;
    }
}
