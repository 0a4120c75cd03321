package dev.heddle.sync;

import dev.heddle.runtime.Task;
import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;

/**
 * Runs one {@link SelectableOp} to completion on its own: the path every blocking method of
 * this package takes, so that a plain call and a select branch share the same
 * cancellation-safe steps (complete now, or queue, wait to be claimed, and leave no node).
 * The primitives of this package take a node off their queue before they claim its waiter
 * and set its result before the claim, so a claimed waiter reads its result without taking
 * the primitive's lock again.
 *
 * <p>Before parking, a waiter for which it is worth it ({@link SpinBeforePark}) spins briefly on
 * real threads: a lock held for a few nanoseconds is usually handed over within that time,
 * and parking and unparking a virtual thread (and waking an idle carrier) costs
 * microseconds. In simulation, and with a single CPU, nothing can change while the waiter
 * spins, so it parks at once.
 */
final class OpCompletion {
    private static final int SPINS = 1024;
    private static final boolean MULTI_CORE = java.lang.Runtime.getRuntime().availableProcessors() > 1;

    private OpCompletion() {}

    static <T> T await(SelectableOp<T> op) {
        if (op.tryNow()) {
            return op.result();
        }
        Waiter waiter = new Waiter();
        op.enqueue(waiter, 0);
        if (op instanceof SpinBeforePark p && p.worthSpinning() && maySpin()) {
            p.spinning(true);
            for (int i = 0; i < SPINS && waiter.isWaiting() && p.worthSpinning(); i++) {
                Thread.onSpinWait();
            }
            p.spinning(false);
        }
        try {
            waiter.await();
        } finally {
            if (waiter.claimedBranch() < 0) {
                op.dequeue();
            }
        }
        return op.result();
    }

    private static boolean maySpin() {
        if (!MULTI_CORE) {
            return false;
        }
        Task<?> task = Task.current();
        return task == null || !task.runtime().carrier().simulatesBlocking();
    }
}
