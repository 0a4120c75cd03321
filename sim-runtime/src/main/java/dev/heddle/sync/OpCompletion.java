package dev.heddle.sync;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;

/**
 * Runs one {@link SelectableOp} to completion on its own: the path every blocking method of
 * this package takes, so that a plain call and a select branch share the same
 * cancellation-safe steps (complete now, or queue, wait to be claimed, and leave no node).
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
            op.dequeue();
        }
        return op.result();
    }
}
