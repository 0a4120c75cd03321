package dev.heddle.channel.watch;

import dev.heddle.runtime.internal.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the sender and the receivers of one watch channel share: the latest value and its
 * version, counted from 0 for the initial value. Every field is guarded by {@link #lock}.
 */
final class WatchState<T> {
    final ReentrantLock lock = new ReentrantLock();
    final WaitQueue<ChangedOp<T>> waiting = new WaitQueue<>();
    T value;
    long version;
    boolean senderClosed;
    int receivers;

    WatchState(T initial) {
        this.value = initial;
    }

    /**
     * Stores a new value as the next version and wakes every waiting {@code changed}, each to
     * see what is newest when it runs.
     */
    void publishLocked(T newValue) {
        value = newValue;
        version++;
        wakeAllLocked();
    }

    void wakeAllLocked() {
        ChangedOp<T> n;
        while ((n = waiting.claimFirst()) != null) {
            n.claimedLocked();
            n.waiter().wake();
        }
    }
}
