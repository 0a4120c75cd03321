package dev.heddle.runtime.internal;


/**
 * The operations waiting on one primitive, in arrival order: what a primitive keeps between
 * {@link SelectableOp#enqueue} and the moment it can complete one of them.
 *
 * <p>Not thread-safe: the primitive guards it with its own lock. Removal is O(1), so a select
 * whose branch lost takes its node out at once and leaves nothing behind.
 * <pre>{@code
 * // under the primitive's lock, when a value arrives:
 * WaitQueue.Node<RecvOp> n = receivers.claimFirst();
 * if (n != null) { n.op().complete(value); n.waiter().wake(); } else buffer.add(value);
 * }</pre>
 *
 * @param <O> the primitive's op type, kept in each node so the primitive can commit to it
 */
public final class WaitQueue<O> {
    private Node<O> head;
    private Node<O> tail;
    private int size;

    /** Appends a node for {@code op}, waiting with {@code waiter} as {@code branch}. */
    public Node<O> add(Waiter waiter, int branch, O op) {
        Node<O> node = new Node<>(waiter, branch, op);
        node.prev = tail;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        node.linked = true;
        size++;
        return node;
    }

    /** Takes {@code node} out of the queue; does nothing if it already left. */
    public void remove(Node<O> node) {
        if (node == null || !node.linked) {
            return;
        }
        if (node.prev == null) {
            head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.linked = false;
        size--;
    }

    /**
     * Removes and returns the first node whose waiter this call claims for the node's branch,
     * dropping the nodes in front of it whose waiters were claimed elsewhere or gave up. Null
     * when no node can be claimed. The caller must commit the node's operation, then wake it.
     */
    public Node<O> claimFirst() {
        Node<O> node;
        while ((node = head) != null) {
            remove(node);
            if (node.waiter.tryClaim(node.branch)) {
                return node;
            }
        }
        return null;
    }

    /**
     * Nodes queued now, including those of waiters already claimed elsewhere or given up that
     * no {@link #claimFirst()} has dropped yet: what a select whose loser failed to
     * {@link SelectableOp#dequeue()} would leave behind.
     */
    public int size() {
        return size;
    }

    /** True when no node is queued (queued nodes may belong to waiters that already moved on). */
    public boolean isEmpty() {
        return head == null;
    }

    /** One queued operation: the waiter's ticket, the branch it stands for, and the op to commit to. */
    public static final class Node<O> {
        private final Waiter waiter;
        private final int branch;
        private final O op;
        private Node<O> prev;
        private Node<O> next;
        private boolean linked;

        private Node(Waiter waiter, int branch, O op) {
            this.waiter = waiter;
            this.branch = branch;
            this.op = op;
        }

        public Waiter waiter() {
            return waiter;
        }

        public int branch() {
            return branch;
        }

        public O op() {
            return op;
        }

        /**
         * True when this node's waiter was claimed for this node's branch. Only
         * {@link WaitQueue#claimFirst()} claims queued nodes, and it takes the node out first,
         * so the waiting task, once it sees the claim, can skip the primitive's lock on its
         * way out: the node is already gone.
         */
        public boolean wasClaimed() {
            return waiter.claimedBranch() == branch;
        }
    }
}
