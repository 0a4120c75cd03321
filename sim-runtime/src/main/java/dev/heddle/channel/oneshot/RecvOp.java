package dev.heddle.channel.oneshot;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;

/** The receive of a oneshot channel as a select branch; the value leaves the channel only when this op commits. */
final class RecvOp<T> extends WaitQueue.Node<RecvOp<T>> implements SelectableOp<T> {
    private final OneshotState<T> channel;

    RecvOp(OneshotState<T> channel) {
        this.channel = channel;
    }

    @Override
    public boolean tryNow() {
        if (!channel.lpSenderDoneRacy()) {
            // Nothing sent and the sender still open: this receive must wait, and enqueue
            // looks again under the monitor, so a send racing with this read is not missed.
            return false;
        }
        synchronized (channel) {
            return channel.tryReceiveLocked();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        synchronized (channel) {
            channel.requireNotReceivedLocked();
            if (channel.isReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    channel.commitReceiveLocked();
                }
                return;
            }
            waitWith(waiter, branch);
            channel.enqueueLocked(this);
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            channel.dequeue(this);
            stopWaiting();
        }
    }

    /**
     * The value sent.
     *
     * @throws dev.heddle.channel.ChannelClosedException if the sender closed without sending
     */
    @Override
    public T result() {
        return channel.outcome();
    }

    /** After the commit: the sender closed without sending. */
    @Override
    public boolean isClosedOutcome() {
        return !channel.received;
    }
}
