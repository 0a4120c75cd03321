package dev.heddle.net.internal.channel;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * {@code inner} with its closed outcome taken as a result, which a {@code Select} then hands to
 * its branch instead of dropping the branch: for a channel, a socket closed under a waiting task
 * ends the wait (with {@code AsynchronousCloseException}, or a selector's key made ready).
 */
record ClosedIsAResult<T>(SelectableOp<T> inner) implements SelectableOp<T> {
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
    public T result() {
        return inner.result();
    }
}
