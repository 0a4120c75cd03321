package dev.heddle.channel.mpsc;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * A send waiting for a slot, carrying its value: whoever frees the slot queues the value (or
 * hands it to the waiting receiver) on the sender's behalf, under the channel's lock, so the
 * woken sender has nothing left to do. The value enters the channel only when this op
 * commits: an aborted send has not sent it.
 */
final class SendOp<T> extends SlotRequest implements SelectableOp<Void> {
    private final ChannelState<T> state;
    private final T value;
    private boolean refused;

    SendOp(ChannelState<T> state, T value) {
        super(1);
        this.state = state;
        this.value = value;
    }

    @Override
    public boolean tryNow() {
        state.lock.lock();
        try {
            return completeNowLocked();
        } finally {
            state.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        state.lock.lock();
        try {
            if (state.receiverClosed || state.hasFreeSlotLocked()) {
                if (waiter.tryClaim(branch)) {
                    completeNowLocked();
                }
                return;
            }
            state.slotRequests.add(this, waiter, branch);
        } finally {
            state.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            state.leaveSlotQueue(this);
            stopWaiting();
        }
    }

    @Override
    public Void result() {
        return null;
    }

    /** True when the receiver closed first: the value was not sent. */
    @Override
    public boolean isClosedOutcome() {
        return refused;
    }

    @Override
    void grantLocked() {
        state.reserved -= takeAcquired(); // the slot taken for the value goes to the value
        state.deliverLocked(value);
    }

    @Override
    void refuseLocked() {
        refused = true;
    }

    private boolean completeNowLocked() {
        if (state.receiverClosed) {
            refused = true;
            return true;
        }
        if (state.hasFreeSlotLocked()) {
            state.deliverLocked(value);
            return true;
        }
        return false;
    }
}
