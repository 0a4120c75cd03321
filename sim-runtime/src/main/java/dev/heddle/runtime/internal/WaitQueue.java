package dev.heddle.runtime.internal;

/**
 * The operations waiting on one primitive, in arrival order: what a primitive keeps between
 * {@link dev.heddle.runtime.SelectableOp#enqueue} and the moment it can complete one of them.
 *
 * <p>Intrusive: the queued element is the operation itself, which extends {@link Node}, so a
 * wait costs no allocation beyond its op and its {@link Waiter}. Not thread-safe: the
 * primitive guards it with its own lock. Removal is O(1), so a select whose branch lost, or a
 * waiter that gave up, takes its op out at once and leaves nothing behind.
 * <pre>{@code
 * // under the primitive's lock, when a value arrives:
 * RecvOp op = receivers.claimFirst();
 * if (op != null) { op.complete(value); op.waiter().wake(); } else buffer.add(value);
 * }</pre>
 *
 * <p>A node usually waits with a {@link Waiter} as one branch of it ({@link #add}), and then
 * {@link #claimFirst()} serves it. A primitive that decides more itself may also queue a node
 * before it has a waiter ({@link #addLast}: a {@code Notified} registration) or one that
 * never gets one (a {@code Mutex.lock()} that parks as its thread), look at the head without
 * taking it ({@link #first()}: a {@code Semaphore} serves the head only once enough permits
 * are free), and take it with {@link #pollFirst()} and claim it itself ({@link Node#tryClaim()}).
 *
 * @param <N> the primitive's op type, queued as itself
 */
public final class WaitQueue<N extends WaitQueue.Node<N>> {
    private N head;
    private N tail;
    private int size;

    /** Appends {@code node}, waiting with {@code waiter} as {@code branch}. */
    public void add(N node, Waiter waiter, int branch) {
        node.waitWith(waiter, branch);
        addLast(node);
    }

    /** Appends {@code node} with the waiter it has now, if any ({@link Node#waitWith}). */
    public void addLast(N node) {
        node.prev = tail;
        node.next = null;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        node.queued = true;
        size++;
    }

    /** Takes {@code node} out of the queue: true if it was queued, false if it had already left. */
    public boolean remove(N node) {
        if (!node.queued) {
            return false;
        }
        N p = node.prev;
        N n = node.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        node.prev = null;
        node.next = null;
        node.queued = false;
        size--;
        return true;
    }

    /** The oldest node, or null; it stays queued. */
    public N first() {
        return head;
    }

    /** Removes and returns the oldest node, or null, without claiming its waiter. */
    public N pollFirst() {
        N h = head;
        if (h != null) {
            remove(h);
        }
        return h;
    }

    /** Removes and returns the newest node, or null, without claiming its waiter. */
    public N pollLast() {
        N t = tail;
        if (t != null) {
            remove(t);
        }
        return t;
    }

    /**
     * Removes and returns the first node whose waiter this call claims for the node's branch,
     * dropping the nodes in front of it whose waiters were claimed elsewhere or gave up. Null
     * when no node can be claimed. The caller must commit the node's operation, then wake its
     * waiter. Only for a queue whose nodes all wait with a waiter: one without is dropped.
     */
    public N claimFirst() {
        N node;
        while ((node = head) != null) {
            remove(node);
            if (node.tryClaim()) {
                return node;
            }
        }
        return null;
    }

    /**
     * Nodes queued now, including those of waiters already claimed elsewhere or given up that
     * no {@link #claimFirst()} has dropped yet: what a select whose loser failed to
     * {@link dev.heddle.runtime.SelectableOp#dequeue()} would leave behind.
     */
    public int size() {
        return size;
    }

    /** True when no node is queued (queued nodes may belong to waiters that already moved on). */
    public boolean isEmpty() {
        return head == null;
    }

    /**
     * What an operation extends to be queued: its links, and the waiter and branch it waits as.
     * All of it is guarded by the lock of the primitive whose queue it is in.
     *
     * <p>A node is also a {@link Waiter} for the thread that made it: an op waited for alone
     * ({@code SelectableOp.await}) is its own ticket, so such a wait allocates one object, as
     * {@code CompletableFuture.join} allocates one {@code Signaller}. In a select the branches
     * share a separate waiter, and this one stays unused.
     *
     * @param <N> the op type itself
     */
    public abstract static class Node<N extends Node<N>> extends Waiter {
        // Package-private, not private: a private field is not a member of the type variable N
        // through which the queue reaches it.
        N prev;
        N next;
        boolean queued;
        /** The waiter this op waits with, or null while it has none. */
        private Waiter waiter;
        private int branch;

        protected Node() {}

        /** True while this node is in a queue. */
        public final boolean isQueued() {
            return queued;
        }

        /** The waiter this node waits with, or null if it has none (yet, or any more). */
        public final Waiter waiter() {
            return waiter;
        }

        /**
         * Claims this node's waiter for this node's branch; false if it has no waiter, or the
         * waiter was claimed elsewhere or gave up. True means the caller must commit this
         * node's operation, then wake the waiter.
         */
        public final boolean tryClaim() {
            return waiter != null && waiter.tryClaim(branch);
        }

        /**
         * True when this node's waiter was claimed for this node's branch. Only the primitive
         * claims queued nodes, and it takes the node out first, so the waiting task, once it
         * sees the claim, can skip the primitive's lock on its way out: the node is already gone.
         */
        public final boolean wasClaimed() {
            Waiter w = waiter;
            return w != null && w.claimedBranch() == branch;
        }

        /** Waits with {@code waiter} as {@code branch} from now on (queued already, or about to be). */
        protected final void waitWith(Waiter waiter, int branch) {
            this.waiter = waiter;
            this.branch = branch;
        }

        /** Forgets the waiter, after the op has left its wait: it may be queued again with a new one. */
        protected final void stopWaiting() {
            this.waiter = null;
        }
    }
}
