package dev.heddle.net.internal.nio;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * Waiting until a socket that just took nothing may take more (or, while connecting, until the
 * connection is decided). It commits nothing, so the writer tries again after it and may find
 * the socket full once more (another writer was first); a cancelled wait has written nothing.
 * On a closed channel it completes at once, and the writer's next try reports the close.
 */
final class WritableOp extends WaitQueue.Node<WritableOp> implements SelectableOp<Void> {
    private final Registration owner;

    private WritableOp(Registration owner) {
        this.owner = owner;
    }

    /** Waits until {@code owner}'s socket is worth trying again; a suspension point. */
    static void await(Registration owner) {
        SelectableOp.await(new WritableOp(owner));
    }

    /** False: the writer has just tried, and only the reactor can tell when to try again. */
    @Override
    public boolean tryNow() {
        return false;
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        owner.lock.lock();
        try {
            owner.waitOutboundLocked(this, waiter, branch);
        } finally {
            owner.lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            owner.leaveOutbound(this);
            stopWaiting();
        }
    }

    @Override
    public Void result() {
        return null;
    }
}
