package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * One reserve: takes a slot of the channel for a later {@link Permit#send}. A slot is taken
 * only when this op commits, so a send branch that loses a select holds nothing and its value
 * never left the caller.
 */
final class ReserveOp<T> extends SlotRequest implements SelectableOp<Permit<T>> {
    private final ChannelState<T> state;
    private Permit<T> permit;
    private boolean closed;

    ReserveOp(ChannelState<T> state) {
        this.state = state;
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
            state.leave(state.slotRequests, this);
            stopWaiting();
        }
    }

    /**
     * The permit for the slot taken.
     *
     * @throws ChannelClosedException if the receiver closed, so no slot will ever come
     */
    @Override
    public Permit<T> result() {
        if (closed) {
            throw new ChannelClosedException("cannot reserve a slot: the receiver of this mpsc channel is closed");
        }
        return permit;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    @Override
    void grantLocked() {
        state.reserved++;
        permit = new Permit<>(state);
    }

    @Override
    void refuseLocked() {
        closed = true;
    }

    private boolean completeNowLocked() {
        if (state.receiverClosed) {
            closed = true;
            return true;
        }
        if (state.hasFreeSlotLocked()) {
            grantLocked();
            return true;
        }
        return false;
    }
}
