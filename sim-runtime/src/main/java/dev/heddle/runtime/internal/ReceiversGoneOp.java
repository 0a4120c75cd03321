package dev.heddle.runtime.internal;

import dev.heddle.runtime.SelectableOp;
import java.util.concurrent.locks.Lock;
import java.util.function.IntSupplier;

/**
 * Waiting, on a channel's sending side, for its last receiver to close: the {@code closed()} of
 * broadcast and watch senders, whose channels count their receivers under one lock. The
 * channel calls {@link #wakeAll} when the count reaches zero. Takes nothing, so committing it is
 * only the claim, and a losing select branch leaves no trace.
 */
public final class ReceiversGoneOp extends WaitQueue.Node<ReceiversGoneOp> implements SelectableOp<Void> {
    private final Lock lock;
    private final IntSupplier receivers;
    private final WaitQueue<ReceiversGoneOp> waiters;

    /**
     * An op on the channel whose {@code lock} guards its {@code receivers} count and its
     * {@code waiters}, the queue the channel empties with {@link #wakeAll}.
     */
    public ReceiversGoneOp(Lock lock, IntSupplier receivers, WaitQueue<ReceiversGoneOp> waiters) {
        this.lock = lock;
        this.receivers = receivers;
        this.waiters = waiters;
    }

    /** Under the channel's lock, once its last receiver has closed: wakes every op waiting for that. */
    public static void wakeAll(WaitQueue<ReceiversGoneOp> waiters) {
        ReceiversGoneOp op;
        while ((op = waiters.claimFirst()) != null) {
            op.waiter().wake();
        }
    }

    @Override
    public boolean tryNow() {
        lock.lock();
        try {
            return receivers.getAsInt() == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        lock.lock();
        try {
            if (receivers.getAsInt() == 0) {
                waiter.tryClaim(branch);
                return;
            }
            waiters.add(this, waiter, branch);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() == null || wasClaimed()) {
            stopWaiting();
            return;
        }
        lock.lock();
        try {
            waiters.remove(this);
            stopWaiting();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Void result() {
        return null;
    }
}
