package dev.heddle.runtime;

import dev.heddle.runtime.internal.Waiter;
import java.util.function.Function;

/**
 * What {@link SelectableOp#map} returns: another operation with its result turned into a
 * different type, as a lock offers its semaphore acquisition as "a guard". It commits when the
 * inner one does; the mapping runs once, on the first {@link #result()}, so every call sees the
 * same guard.
 */
final class MappedOp<A, B> implements SelectableOp<B> {
    private final SelectableOp<A> inner;
    private final Function<? super A, ? extends B> mapping;
    private B mapped;
    private boolean hasMapped;

    MappedOp(SelectableOp<A> inner, Function<? super A, ? extends B> mapping) {
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
