package dev.heddle.channel.mpsc;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * One wait for the receiver to close ({@link Sender#closed()}): completes when the receiver is
 * closed, at once if it is already. Takes nothing from the channel, so a losing select branch
 * leaves no trace.
 */
final class ClosedOp extends WaitQueue.Node<ClosedOp> implements SelectableOp<Void> {
    private final ChannelState<?> state;

    ClosedOp(ChannelState<?> state) {
        this.state = state;
    }

    @Override
    public boolean tryNow() {
        state.lock.lock();
        try {
            return state.receiverClosed;
        } finally {
            state.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock.lock();
        try {
            if (state.receiverClosed) {
                waiter.tryClaim(branch);
                return;
            }
            state.closedWaiters.add(this, waiter, branch);
        } finally {
            state.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            state.leave(state.closedWaiters, this);
            stopWaiting();
        }
    }

    @Override
    public Void result() {
        return null;
    }
}
