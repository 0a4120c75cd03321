package dev.heddle.sync;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;
import java.util.function.Function;

/**
 * An operation that is another one with its result turned into a different type: how a lock
 * offers its semaphore acquisition as "a guard". The mapping runs once, on the first
 * {@link #result()}, so every call sees the same guard.
 */
final class MappedOp<A, B> implements SelectableOp<B> {
    private final SelectableOp<A> inner;
    private final Function<A, B> mapping;
    private B mapped;
    private boolean hasMapped;

    MappedOp(SelectableOp<A> inner, Function<A, B> mapping) {
        this.inner = inner;
        this.mapping = mapping;
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
    public B result() {
        if (!hasMapped) {
            mapped = mapping.apply(inner.result());
            hasMapped = true;
        }
        return mapped;
    }

    @Override
    public boolean isClosedOutcome() {
        return inner.isClosedOutcome();
    }
}
