package dev.heddle.runtime;

import dev.heddle.runtime.internal.Waiter;
import java.util.Optional;

/**
 * What {@link SelectableOp#orClosed} returns: the operation with its closed outcome as a value,
 * {@link Optional#empty()}, rather than as the end of the branch. A select disables a branch
 * whose receive finds the channel closed and drained, as Tokio's {@code Some(v) = rx.recv()}
 * pattern does; a loop that must act on the end of one channel among several (Tokio's
 * {@code None => break}) offers this op instead, and its handler sees the end.
 */
final class OrClosedOp<T> implements SelectableOp<Optional<T>> {
    private final SelectableOp<T> inner;

    OrClosedOp(SelectableOp<T> inner) {
        this.inner = inner;
    }

    @Override
    public boolean tryNow() {
        return inner.tryNow();
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        inner.enqueue(waiter, branch);
    }

    @Override
    public void dequeue() {
        inner.dequeue();
    }

    @Override
    public Optional<T> result() {
        return inner.isClosedOutcome() ? Optional.empty() : Optional.ofNullable(inner.result());
    }
}
