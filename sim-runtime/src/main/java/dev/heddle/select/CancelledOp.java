package dev.heddle.select;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waiting for a {@link CancellationToken} to be cancelled, as a select branch.
 *
 * <p>A token's own callbacks cannot be taken back, so a select in a loop that registered one
 * callback per iteration would pile them up until the token fires. Instead each token gets
 * one callback, the first time a select waits on it, which wakes a {@link WaitQueue} of the
 * selects' ops waiting on that token now; a losing branch takes its op out of that queue. The
 * queues are held weakly by token, so they go away with their tokens.
 */
final class CancelledOp extends WaitQueue.Node<CancelledOp> implements SelectableOp<Void> {
    private static final ReentrantLock REGISTRY_LOCK = new ReentrantLock();
    private static final Map<CancellationToken, TokenWaiters> REGISTRY = new WeakHashMap<>();

    private final CancellationToken token;
    private TokenWaiters waiters;

    CancelledOp(CancellationToken token) {
        this.token = token;
    }

    @Override
    public boolean tryNow() {
        return token.isCancelled();
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        if (waiters == null) {
            waiters = waitersOf(token);
        }
        waiters.add(this, waiter, branch);
    }

    @Override
    public void dequeue() {
        if (waiters != null && waiter() != null && !wasClaimed()) {
            waiters.remove(this);
        }
        stopWaiting();
    }

    @Override
    public Void result() {
        return null;
    }

    private static TokenWaiters waitersOf(CancellationToken token) {
        TokenWaiters created;
        REGISTRY_LOCK.lock();
        try {
            TokenWaiters existing = REGISTRY.get(token);
            if (existing != null) {
                return existing;
            }
            created = new TokenWaiters();
            REGISTRY.put(token, created);
        } finally {
            REGISTRY_LOCK.unlock();
        }
        token.whenCancelled(created::fire);
        return created;
    }

    /** The selects waiting on one token; holds no reference to the token, so the registry's weak key can go. */
    private static final class TokenWaiters {
        private final ReentrantLock lock = new ReentrantLock();
        private final WaitQueue<CancelledOp> queue = new WaitQueue<>();
        private boolean fired;

        /** Queues {@code op} waiting with {@code waiter} as {@code branch}, or claims and wakes the waiter if the token fired. */
        void add(CancelledOp op, Waiter waiter, int branch) {
            lock.lock();
            try {
                if (fired) {
                    if (waiter.tryClaim(branch)) {
                        waiter.wake();
                    }
                    return;
                }
                queue.add(op, waiter, branch);
            } finally {
                lock.unlock();
            }
        }

        void remove(CancelledOp op) {
            lock.lock();
            try {
                queue.remove(op);
            } finally {
                lock.unlock();
            }
        }

        void fire() {
            lock.lock();
            try {
                fired = true;
                CancelledOp n;
                while ((n = queue.claimFirst()) != null) {
                    n.waiter().wake();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
