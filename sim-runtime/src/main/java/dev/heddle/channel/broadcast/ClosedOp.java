package dev.heddle.channel.broadcast;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting, on the sending side, for the last receiver to close ({@link Sender#closed()}): no
 * one listens any more, so producing values can stop. Takes nothing, so committing it is only
 * the claim.
 */
final class ClosedOp<T> extends WaitQueue.Node<ClosedOp<T>> implements SelectableOp<Void> {
    private final BroadcastState<T> state;

    ClosedOp(BroadcastState<T> state) {
        this.state = state;
    }

    @Override
    public boolean tryNow() {
        state.lock.lock();
        try {
            return state.receivers == 0;
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock.lock();
        try {
            if (state.receivers == 0) {
                waiter.tryClaim(branch);
                return;
            }
            state.closedWaiters.add(this, waiter, branch);
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() == null || wasClaimed()) {
            stopWaiting();
            return;
        }
        state.lock.lock();
        try {
            state.closedWaiters.remove(this);
            stopWaiting();
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public Void result() {
        return null;
    }
}
