package dev.heddle.sync;

/**
 * The FIFO of operations waiting on one primitive, linked through the operations themselves
 * so that a waiter that gives up (abort, timeout, a lost select branch) leaves in constant
 * time. Guarded by the owning primitive's lock; not thread-safe on its own.
 *
 * <p>Unlike {@link dev.heddle.runtime.internal.WaitQueue}, the queued element is the operation itself
 * (no node per wait), it may be queued before it has a waiter (a {@link Notified}
 * registration), and the head can be looked at without claiming it (a {@link Semaphore}
 * serves the head only once enough permits are free).
 */
final class WaitQueue<N extends WaitQueue.Node<N>> {
    private N head;
    private N tail;

    /** A queue element; an operation extends this to be queued. */
    abstract static class Node<N extends Node<N>> {
        N prev;
        N next;
        boolean queued;

        final boolean isQueued() {
            return queued;
        }
    }

    boolean isEmpty() {
        return head == null;
    }

    N first() {
        return head;
    }

    void addLast(N node) {
        node.prev = tail;
        node.next = null;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        node.queued = true;
    }

    /** Removes {@code node} if it is queued here; false if it was not. */
    boolean remove(N node) {
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
        return true;
    }

    N pollFirst() {
        N h = head;
        if (h != null) {
            remove(h);
        }
        return h;
    }
}
