package dev.heddle.sync;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;

/**
 * Runs one {@link SelectableOp} to completion on its own: the path every blocking method of
 * this package takes, so that a plain call and a select branch share the same
 * cancellation-safe steps (complete now, or queue, wait to be claimed, and leave no node).
 * The primitives of this package take a node off their queue before they claim its waiter
 * and set its result before the claim, so a claimed waiter reads its result without taking
 * the primitive's lock again.
 */
final class OpCompletion {
    private OpCompletion() {}

    static <T> T await(SelectableOp<T> op) {
        if (op.tryNow()) {
            return op.result();
        }
        Waiter waiter = new Waiter();
        op.enqueue(waiter, 0);
        try {
            waiter.await();
        } finally {
            if (waiter.claimedBranch() < 0) {
                op.dequeue();
            }
        }
        return op.result();
    }
}
