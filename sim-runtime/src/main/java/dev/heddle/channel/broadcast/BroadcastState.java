package dev.heddle.channel.broadcast;

import dev.heddle.runtime.internal.ReceiversGoneOp;
import dev.heddle.runtime.internal.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and receivers of one broadcast channel share: a ring of the last
 * {@code ring.length} values (a power of two), numbered by the sequence in which they were
 * sent. Each receiver keeps the number of the next value it will read. Every field is guarded
 * by {@link #lock}.
 *
 * <p>Each slot also counts the receivers that have still to read its value ({@link #unread}),
 * as Tokio's slots do: a value every receiver has read, or given up by closing, is released at
 * once rather than held until the ring wraps, and the senders' {@code len} is the number of
 * slots whose count is not zero.
 */
final class BroadcastState<T> {
    /**
     * The largest capacity: the largest power of two an {@code int} holds, as Tokio's is the
     * largest its {@code usize} ring index allows.
     */
    static final int MAX_CAPACITY = 1 << 30;

    final ReentrantLock lock = new ReentrantLock();
    final Object[] ring;
    /** For each slot of {@link #ring}, the receivers that have not read its value yet. */
    private final int[] unread;
    private final int mask;
    final WaitQueue<RecvOp<T>> waiting = new WaitQueue<>();
    /** {@code Sender.closed()} waits, until no receiver is subscribed. */
    final WaitQueue<ReceiversGoneOp> closedWaiters = new WaitQueue<>();
    /** The number the next value sent gets. */
    long tail;
    /** Open {@link Sender} handles: the channel ends for its receivers when none is left. */
    int senders = 1;
    /** Open {@link WeakSender} handles; they do not keep the channel open. */
    int weakSenders;
    int receivers;

    BroadcastState(int capacity, int receivers) {
        this.ring = new Object[capacity];
        this.unread = new int[capacity];
        this.mask = capacity - 1;
        this.receivers = receivers;
    }

    /** The number of the oldest value still held. */
    long oldestLocked() {
        return Math.max(0, tail - ring.length);
    }

    @SuppressWarnings("unchecked")
    T valueAtLocked(long seq) {
        return (T) ring[slot(seq)];
    }

    /** Stores {@code value} as the next number, for every receiver subscribed now, and wakes the waiting ones. */
    void appendLocked(T value) {
        int slot = slot(tail);
        ring[slot] = value;
        unread[slot] = receivers;
        tail++;
        wakeAllLocked();
    }

    /** One receiver is done with value {@code seq}, still held: the last one releases it. */
    void markReadLocked(long seq) {
        int slot = slot(seq);
        if (--unread[slot] == 0) {
            ring[slot] = null;
        }
    }

    /** A new receiver, reading from the next value sent; reopens a channel whose receivers all closed. */
    long subscribeLocked() {
        receivers++;
        return tail;
    }

    /**
     * {@code receiver} closed: what it had not read counts as read, its receives waiting end,
     * and when it was the last, every {@code Sender.closed()} waiting completes.
     */
    void unsubscribeLocked(Receiver<T> receiver) {
        for (long seq = Math.max(receiver.next, oldestLocked()); seq < tail; seq++) {
            markReadLocked(seq);
        }
        endWaitsOfLocked(receiver);
        receivers--;
        if (receivers == 0) {
            ReceiversGoneOp.wakeAll(closedWaiters);
        }
    }

    /**
     * Values held that some receiver has not read yet. Each receiver reads in order, so the
     * slots still to be read are the newest ones: found by bisection, as Tokio's {@code len}.
     */
    int unreadLocked() {
        long low = oldestLocked();
        long high = tail;
        while (low < high) {
            long mid = low + (high - low) / 2;
            if (unread[slot(mid)] == 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return (int) (tail - low);
    }

    void wakeAllLocked() {
        RecvOp<T> n;
        while ((n = waiting.claimFirst()) != null) {
            n.completeLocked();
            n.waiter().wake();
        }
    }

    /**
     * Ends the receives waiting for {@code receiver}, which has just closed, leaving the other
     * receivers' in their order. Closing is rare, so this walks the whole queue rather than
     * keeping a queue per receiver.
     */
    private void endWaitsOfLocked(Receiver<T> receiver) {
        WaitQueue<RecvOp<T>> others = new WaitQueue<>();
        RecvOp<T> op;
        while ((op = waiting.pollFirst()) != null) {
            if (!op.isFor(receiver)) {
                others.addLast(op);
            } else if (op.tryClaim()) {
                op.completeLocked();
                op.waiter().wake();
            }
        }
        while ((op = others.pollFirst()) != null) {
            waiting.addLast(op);
        }
    }

    private int slot(long seq) {
        return (int) (seq & mask);
    }
}
