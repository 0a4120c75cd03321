package dev.heddle.net.internal.sim;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/**
 * An op on a simulated socket that waits in one of its queues until the socket is ready: the
 * {@link SelectableOp} protocol, under the network's lock, written once for reads, writes,
 * accepts and receives. The op commits (takes bytes, a connection, a datagram) only once its
 * waiter is claimed for it, so a losing select branch or a wait given up takes nothing; the
 * socket serves its waiting ops with {@link #serveLocked} whenever it may have become ready.
 *
 * @param <T> the op's result
 * @param <N> the op type itself, queued as itself
 */
abstract class NetworkOp<T, N extends NetworkOp<T, N>> extends WaitQueue.Node<N> implements SelectableOp<T> {
    final SimNetwork network;

    NetworkOp(SimNetwork network) {
        this.network = network;
    }

    /** True when the socket is ready for this op: it would commit without waiting. */
    abstract boolean readyLocked();

    /** Commits on the socket, which is ready. */
    abstract void commitLocked();

    /** The socket's queue this op waits in. */
    abstract WaitQueue<N> queue();

    /** Commits the ops waiting in {@code queue}, oldest first, while the socket is ready for them; wakes each. */
    static <N extends NetworkOp<?, N>> void serveLocked(WaitQueue<N> queue) {
        while (!queue.isEmpty() && queue.first().readyLocked()) {
            N op = queue.claimFirst();
            if (op != null) {
                op.commitLocked();
                op.network.wakeLater(op.waiter());
            }
        }
    }

    @Override
    public final boolean tryNow() {
        network.lock.lock();
        try {
            if (!readyLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            network.unlock();
        }
    }

    @Override
    public final void enqueue(Waiter waiter, int branch) {
        network.lock.lock();
        try {
            if (readyLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            queue().add(self(), waiter, branch);
        } finally {
            network.unlock();
        }
    }

    @Override
    public final void dequeue() {
        if (waiter() != null) {
            network.lock.lock();
            try {
                queue().remove(self());
                stopWaiting();
            } finally {
                network.unlock();
            }
        }
    }

    /** This op as its queue's element: each subclass is declared as its own {@code N}. */
    @SuppressWarnings("unchecked")
    private N self() {
        return (N) this;
    }
}
