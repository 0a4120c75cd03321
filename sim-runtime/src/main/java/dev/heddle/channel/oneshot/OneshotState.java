package dev.heddle.channel.oneshot;

import dev.heddle.select.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/** What the two ends of one oneshot channel share; every field is guarded by {@link #lock}. */
final class OneshotState<T> {
    final ReentrantLock lock = new ReentrantLock();
    final WaitQueue<RecvOp<T>> receivers = new WaitQueue<>();
    T value;
    /** The sender sent or closed: no value will come after this. */
    boolean senderDone;
    /** The sender delivered its value (received or not yet). */
    boolean sent;
    /** The sender was closed (after sending or without). */
    boolean senderClosed;
    boolean receiverClosed;
    boolean received;

    boolean hasValueLocked() {
        return value != null;
    }

    /** True when a receive would complete now: with the value, or with the sender gone. */
    boolean isReadyLocked() {
        return hasValueLocked() || senderDone;
    }
}
