package dev.heddle.channel.mpsc;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * One reserve of {@code n} slots for later {@link Permit#send}s. The slots become permits only
 * when this op commits, so a reserve branch that loses a select holds nothing and its value
 * never left the caller. While it waits first in line it takes slots as they free up; those go
 * back if it is aborted or loses. A reserve that resumes after the receiver closed fails, even
 * if its slots were handed to it while it waited (Tokio's reserve fails on a closed channel
 * whatever it holds), and gives them back.
 */
final class ReserveOp<T> extends SlotRequest implements SelectableOp<Permits<T>> {
    private final ChannelState<T> state;
    private final int n;
    private Permits<T> permits;
    private boolean closed;

    ReserveOp(ChannelState<T> state, int n) {
        super(n);
        this.state = state;
        this.n = n;
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
            if (state.receiverClosed || state.hasFreeSlotsLocked(n)) {
                if (waiter.tryClaim(branch)) {
                    completeNowLocked();
                }
                return;
            }
            state.slotRequests.add(this, waiter, branch);
            if (n > 1) {
                state.slotFreedLocked(); // first in line: take the free slots now, as Tokio's semaphore does
            }
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

    /**
     * The permits for the slots taken.
     *
     * @throws ChannelClosedException if the receiver closed, so no slot will ever come
     */
    @Override
    public Permits<T> result() {
        if (closed) {
            throw new ChannelClosedException("cannot reserve " + (n == 1 ? "a slot" : n + " slots")
                    + ": the receiver of this mpsc channel is closed");
        }
        return permits;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }

    @Override
    void grantLocked() {
        permits = new Permits<>(state, takeAcquired());
    }

    @Override
    void refuseLocked() {
        closed = true;
    }

    @Override
    int settleLocked(boolean receiverClosed) {
        if (permits != null && receiverClosed) {
            permits = null; // none handed out yet: the task that would take them is the one leaving
            closed = true;
            return n;
        }
        return takeAcquired();
    }

    private boolean completeNowLocked() {
        if (state.receiverClosed) {
            closed = true;
            return true;
        }
        if (state.hasFreeSlotsLocked(n)) {
            state.reserved += n;
            permits = new Permits<>(state, n);
            return true;
        }
        return false;
    }
}
