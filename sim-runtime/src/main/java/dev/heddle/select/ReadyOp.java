package dev.heddle.select;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import java.util.function.Supplier;

/**
 * The select branch of a computation that never waits (Tokio's {@code async { ... }} branch that
 * completes on its first poll): ready whenever it is polled, its value computed then, once. A
 * select that decides before polling this branch never computes it, as Tokio never polls a
 * future a select does not reach.
 */
final class ReadyOp<T> implements SelectableOp<T> {
    private final Supplier<? extends T> value;
    private boolean computed;
    private T result;

    ReadyOp(Supplier<? extends T> value) {
        this.value = value;
    }

    @Override
    public boolean tryNow() {
        if (!computed) {
            result = value.get();
            computed = true;
        }
        return true;
    }

    /** Never waits: claims the waiter at once, as an op that became possible since {@link #tryNow()} does. */
    @Override
    public void enqueue(Waiter waiter, int branch) {
        tryNow();
        waiter.tryClaim(branch);
    }

    @Override
    public void dequeue() {}

    @Override
    public T result() {
        return result;
    }
}
