package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;

/**
 * One task's interest in a {@link Notify}: registered before the task checks its condition,
 * so that a notification sent in between is kept here until {@link #await()}. Close it when
 * done: a {@code notifyOne} it received but never consumed then passes on to the next waiter,
 * so no wake-up is lost. Also an operation that select can offer.
 */
public final class Notified extends WaitQueue.Node<Notified> implements SelectableOp<Void>, AutoCloseable {

    enum State { IDLE, REGISTERED, NOTIFIED_ONE, NOTIFIED_ALL, CONSUMED }

    private final Notify notify;
    private State state = State.IDLE;
    private Waiter waiter;
    private int branch;

    Notified(Notify notify) {
        this.notify = notify;
    }

    /**
     * Waits until this registration is notified; returns at once if it already was, or if a
     * permit is stored.
     *
     * @throws IllegalStateException if this notification was already consumed or closed
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or
     *     its timeout passes while waiting; a {@code notifyOne} then goes to the next waiter
     */
    public void await() {
        SelectableOp.await(this);
    }

    /** True once a notification reached this registration (consumed or not). */
    public boolean isNotified() {
        notify.lock.lock();
        try {
            return state == State.NOTIFIED_ONE || state == State.NOTIFIED_ALL || state == State.CONSUMED;
        } finally {
            notify.lock.unlock();
        }
    }

    /** Registers, or takes the stored permit at once: a permit is only ever stored while nobody is registered. */
    void registerLocked() {
        if (notify.permit) {
            notify.permit = false;
            state = State.NOTIFIED_ONE;
        } else {
            state = State.REGISTERED;
            notify.waiters.addLast(this);
        }
    }

    /**
     * Hands a notification to this registration, just taken off the queue. False if it could
     * not take it: its waiter gave up or went with another select branch.
     */
    boolean deliverLocked(State notification) {
        if (waiter == null) {
            state = notification;
            return true;
        }
        Waiter w = waiter;
        waiter = null;
        if (w.tryClaim(branch)) {
            state = State.CONSUMED;
            w.wake();
            return true;
        }
        state = State.IDLE;
        return false;
    }

    @Override
    public boolean tryNow() {
        notify.lock.lock();
        try {
            return consumeNowLocked();
        } finally {
            notify.lock.unlock();
        }
    }

    private boolean consumeNowLocked() {
        switch (state) {
            case NOTIFIED_ONE, NOTIFIED_ALL -> {
                state = State.CONSUMED;
                return true;
            }
            case CONSUMED -> throw new IllegalStateException("this notification was already consumed or closed;"
                    + " call notify.notified() for a new one");
            default -> {
                if (notify.permit) {
                    notify.permit = false;
                    state = State.CONSUMED;
                    return true;
                }
                return false;
            }
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        notify.lock.lock();
        try {
            if (state == State.NOTIFIED_ONE || state == State.NOTIFIED_ALL || notify.permit) {
                if (waiter.tryClaim(branch)) {
                    consumeNowLocked();
                }
                return;
            }
            this.waiter = waiter;
            this.branch = branch;
            if (!isQueued()) {
                registerLocked();
            }
        } finally {
            notify.lock.unlock();
        }
    }

    @Override
    public void dequeue() {
        notify.lock.lock();
        try {
            waiter = null;
            if (notify.waiters.remove(this)) {
                state = State.IDLE;
            }
        } finally {
            notify.lock.unlock();
        }
    }

    @Override
    public Void result() {
        return null;
    }

    /** Ends the registration; passes an unconsumed {@code notifyOne} on to the next waiter. Idempotent. */
    @Override
    public void close() {
        notify.lock.lock();
        try {
            notify.waiters.remove(this);
            if (state == State.NOTIFIED_ONE) {
                notify.notifyOneLocked();
            }
            state = State.CONSUMED;
        } finally {
            notify.lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Notified[" + state + "]";
    }
}
