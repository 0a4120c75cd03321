package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.concurrent.CancellationException;

/**
 * The one {@link Notified}: a registration queued in its {@link Notify} as itself. One from
 * {@link Notify#notified()} is queued at once, before any task waits with it (it has no
 * waiter then); one from {@link Notify#notifiedOp()} when a select first enqueues it. Kept
 * apart from the public interface so that its queue links and waiter stay out of the API.
 */
final class NotifiedOp extends WaitQueue.Node<NotifiedOp> implements Notified {

    enum State { IDLE, REGISTERED, NOTIFIED_ONE, NOTIFIED_ALL, CONSUMED }

    private final Notify notify;
    private State state = State.IDLE;
    /**
     * What this registration consumed was a {@code notifyOne} (or the permit one stored): passed
     * on if its task is cancelled before it runs.
     */
    private boolean tookOne;

    NotifiedOp(Notify notify) {
        this.notify = notify;
    }

    /**
     * Waits as every op does; then, if what it got was a {@code notifyOne} and the task was
     * aborted or timed out before it ran again, passes the notification to the next waiter and
     * throws, as Tokio does when a notified future is dropped before it is polled: the wake-up
     * goes to a task that will act on it, never to one that is on its way out.
     */
    @Override
    public void await() {
        SelectableOp.await(this);
        if (tookOne) {
            try {
                Suspension.checkpoint();
            } catch (CancellationException e) {
                notify.lock.lock();
                try {
                    tookOne = false;
                    notify.notifyOneLocked();
                } finally {
                    notify.lock.unlock();
                }
                throw e;
            }
        }
    }

    @Override
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
        Waiter w = waiter();
        if (w == null) {
            state = notification;
            return true;
        }
        boolean claimed = tryClaim();
        stopWaiting();
        if (claimed) {
            state = State.CONSUMED;
            tookOne = notification == State.NOTIFIED_ONE;
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
                tookOne = state == State.NOTIFIED_ONE;
                state = State.CONSUMED;
                return true;
            }
            case CONSUMED -> throw new IllegalStateException("this notification was already consumed or closed;"
                    + " call notify.notified() for a new one");
            default -> {
                if (notify.permit) {
                    notify.permit = false;
                    tookOne = true;
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
            waitWith(waiter, branch);
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
            stopWaiting();
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
