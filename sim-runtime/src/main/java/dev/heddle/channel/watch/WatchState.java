package dev.heddle.channel.watch;

import dev.heddle.runtime.internal.ReceiversGoneOp;
import dev.heddle.runtime.internal.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the senders and the receivers of one watch channel share: the latest value and its
 * version, counted from 0 for the initial value. Every field is guarded by {@link #lock}.
 */
final class WatchState<T> {
    final ReentrantLock lock = new ReentrantLock();
    final WaitQueue<ChangedOp<T>> waiting = new WaitQueue<>();
    /** {@code Sender.closed()} waits, until no receiver is open. */
    final WaitQueue<ReceiversGoneOp> closedWaiters = new WaitQueue<>();
    T value;
    long version;
    /** Open {@link Sender} handles: the channel is closed for its receivers when none is left. */
    int senders = 1;
    int receivers;

    WatchState(T initial) {
        this.value = initial;
    }

    /** True once every sender is closed: no version will follow the current one. */
    boolean closedLocked() {
        return senders == 0;
    }

    /**
     * Stores a new value as the next version and wakes every waiting {@code changed}, each to
     * see what is newest when it runs.
     */
    void publishLocked(T newValue) {
        value = newValue;
        markPublishedLocked();
    }

    /** The value was changed in place: it becomes the next version, and every waiting {@code changed} wakes. */
    void markPublishedLocked() {
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

    /**
     * {@code receiver} closed: its {@code changed} calls waiting end, and when it was the last,
     * every {@code Sender.closed()} waiting completes.
     */
    void unsubscribeLocked(Receiver<T> receiver) {
        endWaitsOfLocked(receiver);
        receivers--;
        if (receivers == 0) {
            ReceiversGoneOp.wakeAll(closedWaiters);
        }
    }

    /**
     * Ends the {@code changed} calls waiting for {@code receiver}, which has just closed, leaving
     * the other receivers' in their order. Closing is rare, so this walks the whole queue rather
     * than keeping a queue per receiver.
     */
    private void endWaitsOfLocked(Receiver<T> receiver) {
        WaitQueue<ChangedOp<T>> others = new WaitQueue<>();
        ChangedOp<T> op;
        while ((op = waiting.pollFirst()) != null) {
            if (!op.isFor(receiver)) {
                others.addLast(op);
            } else if (op.tryClaim()) {
                op.claimedLocked();
                op.waiter().wake();
            }
        }
        while ((op = others.pollFirst()) != null) {
            waiting.addLast(op);
        }
    }
}
