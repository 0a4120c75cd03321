package dev.heddle.channel.broadcast;

import dev.heddle.runtime.internal.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and receivers of one broadcast channel share: a ring of the last
 * {@code capacity} values, numbered by the sequence in which they were sent. Each receiver
 * keeps the number of the next value it will read. Every field is guarded by {@link #lock}.
 */
final class BroadcastState<T> {
    final ReentrantLock lock = new ReentrantLock();
    final Object[] ring;
    final WaitQueue<RecvOp<T>> waiting = new WaitQueue<>();
    /** The number the next value sent gets. */
    long tail;
    int senders = 1;
    int receivers = 1;

    BroadcastState(int capacity) {
        this.ring = new Object[capacity];
    }

    /** The number of the oldest value still held. */
    long oldestLocked() {
        return Math.max(0, tail - ring.length);
    }

    @SuppressWarnings("unchecked")
    T valueAtLocked(long seq) {
        return (T) ring[(int) (seq % ring.length)];
    }

    void wakeAllLocked() {
        RecvOp<T> n;
        while ((n = waiting.claimFirst()) != null) {
            n.completeLocked();
            n.waiter().wake();
        }
    }
}
