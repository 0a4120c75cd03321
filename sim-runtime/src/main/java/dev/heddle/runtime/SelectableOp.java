package dev.heddle.runtime;

import dev.heddle.runtime.internal.Waiter;
import java.util.function.Function;

/**
 * A blocking operation that a select can offer: a receive, a send through a reserved slot, a
 * lock, a permit, a join. One instance serves one call: it holds the result of that call.
 *
 * <p>A primitive implements its blocking methods on the same op, so that a plain call and a
 * select branch follow the same, cancellation-safe path:
 * <pre>{@code
 * T result = SelectableOp.await(op);   // tryNow(), else enqueue, wait, dequeue
 * }</pre>
 * The protocol, each step under the primitive's own lock:
 * <ol>
 *   <li>{@link #tryNow()}: complete at once if possible, committing the operation;</li>
 *   <li>otherwise {@link #enqueue}: queue a node for the waiter; when the primitive can later
 *       complete it, it calls {@link Waiter#tryClaim} with the branch, commits only if that
 *       succeeded (skipping and dropping nodes whose claim fails), and wakes the waiter;</li>
 *   <li>{@link #dequeue()}: after the select is decided, every branch's node is removed, so a
 *       loser leaves nothing behind.</li>
 * </ol>
 * An op that has not committed may be tried and enqueued again after a {@link #dequeue()}:
 * a select whose winning branch turned out closed goes on waiting on the other branches'
 * ops with a fresh waiter.
 * {@link #await(SelectableOp)} runs the protocol for one op; {@code Select} runs it for many.
 */
public interface SelectableOp<T> {

    /**
     * Completes the operation now if it can without waiting, committing it; the outcome is
     * then in {@link #result()}. An operation on a closed primitive completes at once with its
     * closed outcome (for instance, a receive on a drained closed channel).
     */
    boolean tryNow();

    /**
     * Queues this operation for {@code waiter} as {@code branch}, to be claimed and committed
     * later. If the operation has become possible since {@link #tryNow()}, it claims the
     * waiter and commits at once instead (no wake-up can be lost between the two calls).
     */
    void enqueue(Waiter waiter, int branch);

    /** Removes this operation's queued node, if it is still queued. Idempotent. */
    void dequeue();

    /** The outcome of the committed operation. */
    T result();

    /**
     * True when the committed outcome says the primitive is closed (channel ended, semaphore
     * closed): select treats such a branch as disabled and goes on waiting on the others.
     */
    default boolean isClosedOutcome() {
        return false;
    }

    /**
     * This operation with its result turned into another value by {@code mapping}, which runs
     * once, on the first {@link #result()}: it commits exactly when this one does.
     */
    default <U> SelectableOp<U> map(Function<? super T, ? extends U> mapping) {
        return new MappedOp<>(this, mapping);
    }

    /**
     * Runs the protocol for one op: completes it now if it can, otherwise queues it, waits until
     * it commits, and takes its node out. The one way Heddle waits for a single operation.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes before the operation commits; the operation then has not committed
     */
    static <T> T await(SelectableOp<T> op) {
        if (op.tryNow()) {
            return op.result();
        }
        Waiter waiter = new Waiter();
        try {
            op.enqueue(waiter, 0);
            waiter.await();
        } finally {
            op.dequeue();
        }
        return op.result();
    }
}
