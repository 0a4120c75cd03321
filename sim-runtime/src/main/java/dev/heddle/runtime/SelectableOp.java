package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.TaskEvents;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.Optional;
import java.util.function.Function;

/**
 * A blocking operation that a select can offer: a receive, a send through a reserved slot, a
 * lock, a permit, a join. This is Heddle's {@code Future}: every primitive's blocking method
 * waits for its own op with {@link #await(SelectableOp)}, and {@code Select} offers several at
 * once, so a plain call and a select branch take the same cancellation-safe path:
 * <pre>{@code
 * T value = SelectableOp.await(rx.recvOp());              // what rx.recv() does
 * String what = Select.<String>select().on(rx.recvOp(), v -> "got " + v)
 *         .sleep(Duration.ofSeconds(1), () -> "idle").run();
 * }</pre>
 * What a caller may rely on: an op commits (takes the value, holds the permit) at most once,
 * and only when its wait succeeds; an op whose wait is abandoned (another branch won, the task
 * was aborted or timed out) has committed nothing and left nothing queued. One instance serves
 * one call and then holds its result. Ops are made by Heddle's primitives ({@code recvOp()},
 * {@code lockOp()}, ...); the protocol below is how they keep that promise.
 */
/*
 * The protocol, each step under the primitive's own lock:
 *  1. tryNow(): complete at once if possible, committing the operation;
 *  2. otherwise enqueue(waiter, branch): queue a node for the waiter; when the primitive can
 *     later complete it, it calls Waiter.tryClaim with the branch, commits only if that
 *     succeeded (skipping and dropping nodes whose claim fails), and wakes the waiter. If the
 *     op has become possible since tryNow, enqueue claims the waiter and commits at once, so
 *     no wake-up is lost between the two calls;
 *  3. dequeue(): once the wait is decided, every enqueued op is dequeued, so a loser leaves
 *     nothing behind (idempotent, and cheap for the winner, whose node the primitive already
 *     took out when it claimed it).
 * An op that has not committed may be tried and enqueued again after dequeue(): a select whose
 * winning branch turned out closed goes on waiting on the other branches with a fresh waiter.
 * OpContractTest checks every op against this with a waiter claimed by another branch.
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
     * This operation with its closed outcome as a value: {@link Optional#empty()} when the
     * primitive is closed (a receive on a closed, drained channel), the result otherwise. A select
     * disables a branch that ends closed and waits on the others; a branch on this op runs its
     * handler with the empty value instead, Tokio's {@code None} from {@code recv()}:
     * <pre>{@code
     * boolean open = true;
     * while (open) {
     *     open = Select.<Boolean>select()
     *             .on(events.recvOp().orClosed(), e -> {      // empty: every sender is gone
     *                 e.ifPresent(this::handle);
     *                 return e.isPresent();
     *             })
     *             .tick(heartbeat, t -> { ping(); return true; })
     *             .run();
     * }
     * }</pre>
     * An operation whose result is no value (a permit, {@code Void}) is empty both ways: such an op
     * tells its closed outcome only through a select disabling it.
     */
    default SelectableOp<Optional<T>> orClosed() {
        return new OrClosedOp<>(this);
    }

    /**
     * Runs the protocol for one op: completes it now if it can, otherwise queues it, waits until
     * it commits, and takes its node out. The one way Heddle waits for a single operation. It
     * first spends a unit of the task's cooperative budget ({@code Heddle.consumeBudget()}), so a
     * loop of operations that are always ready still yields now and then.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes before the operation commits; the operation then has not committed
     */
    static <T> T await(SelectableOp<T> op) {
        Budget.spend();
        if (op.tryNow()) {
            return op.result();
        }
        // An op that is a queue node made by this thread is its own ticket (one object per wait).
        Waiter waiter = op instanceof WaitQueue.Node<?> node && node.isForCallingThread() && node.waiter() == null
                ? node : new Waiter();
        Object recorded = TaskEvents.waitStarting(op);
        boolean completed = false;
        try {
            op.enqueue(waiter, 0);
            waiter.awaitClaim();
            completed = true;
        } finally {
            op.dequeue();
            TaskEvents.waitEnded(recorded, completed);
        }
        return op.result();
    }
}
