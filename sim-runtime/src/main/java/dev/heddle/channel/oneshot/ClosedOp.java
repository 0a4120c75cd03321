package dev.heddle.channel.oneshot;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting, on the sending side, for the receiver to close ({@link Sender#closed()}): the signal
 * that the reply is no longer wanted, so the work that would produce it can stop. Takes
 * nothing, so committing it is only the claim.
 */
final class ClosedOp<T> extends WaitQueue.Node<ClosedOp<T>> implements SelectableOp<Void> {
    private final OneshotState<T> channel;

    ClosedOp(OneshotState<T> channel) {
        this.channel = channel;
    }

    @Override
    public boolean tryNow() {
        synchronized (channel) {
            return channel.receiverClosed;
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        synchronized (channel) {
            if (channel.receiverClosed) {
                waiter.tryClaim(branch);
                return;
            }
            waitWith(waiter, branch);
            channel.enqueueClosedWaiterLocked(this);
        }
    }

    @Override
    public void dequeue() {
        if (waiter() == null) {
            return;
        }
        if (!wasClaimed()) {
            synchronized (channel) {
                channel.dequeueClosedWaiterLocked(this);
            }
        }
        stopWaiting();
    }

    @Override
    public Void result() {
        return null;
    }
}
