package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.concurrent.CancellationException;

/**
 * The one {@link Notified}: a registration queued in its {@link Notify} as itself. One from
 * {@link Notify#notified()} is queued at once, before any task waits with it (it has no
 * waiter then), and stays queued until it is notified or closed, whatever a select it is
 * offered to does (it is {@code eager}); one from {@link Notify#notifiedOp()} is queued when a
 * select first enqueues it and leaves with that select. Kept apart from the public interface
 * so that its queue links and waiter stay out of the API.
 */
final class NotifiedOp extends WaitQueue.Node<NotifiedOp> implements Notified {

    enum State { IDLE, REGISTERED, NOTIFIED_ONE, NOTIFIED_ALL, CONSUMED }

    private final Notify notify;
    /** Made by {@link Notify#notified()}: registered from creation until notified or closed. */
    private final boolean eager;
    private State state = State.IDLE;
    /** The notification this holds or consumed came from {@link Notify#notifyLast()}: it passes on to the newest. */
    private boolean fromLast;
    /**
     * What this registration consumed was a {@code notifyOne} (or the permit one stored): passed
     * on if its task is cancelled before it runs.
     */
    private boolean tookOne;

    NotifiedOp(Notify notify, boolean eager) {
        this.notify = notify;
        this.eager = eager;
    }

    /**
     * Waits as every op does. A task cancelled while it waits ends the registration as
     * {@link #close()} does, as Tokio drops the future of a task it aborts: it leaves the queue,
     * and a {@code notifyOne} that reached it passes on.
     */
    @Override
    public void await() {
        try {
            SelectableOp.await(this);
        } catch (CancellationException e) {
            close();
            throw e;
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
            fromLast = false;
        } else {
            state = State.REGISTERED;
            notify.waiters.addLast(this);
        }
    }

    /**
     * Hands a notification to this registration, just taken off the queue. False if it could
     * not take it: a lazy op whose waiter gave up or went with another select branch. An eager
     * registration keeps it in that case, to be awaited or passed on when closed.
     */
    boolean deliverLocked(State notification, boolean last) {
        Waiter w = waiter();
        if (w == null) {
            hold(notification, last);
            return true;
        }
        boolean claimed = tryClaim();
        stopWaiting();
        if (claimed) {
            state = State.CONSUMED;
            tookOne = notification == State.NOTIFIED_ONE;
            fromLast = last;
            w.wake();
            return true;
        }
        if (eager) {
            hold(notification, last);
            return true;
        }
        state = State.IDLE;
        return false;
    }

    private void hold(State notification, boolean last) {
        state = notification;
        fromLast = last;
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
                    notify.waiters.remove(this);
                    tookOne = true;
                    fromLast = false;
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

    /** Leaves the wait: a lazy op leaves the queue too, an eager registration stays in it. */
    @Override
    public void dequeue() {
        notify.lock.lock();
        try {
            stopWaiting();
            if (!eager && notify.waiters.remove(this)) {
                state = State.IDLE;
            }
        } finally {
            notify.lock.unlock();
        }
    }

    /**
     * Nothing, once the wait is over; but if what it got was a {@code notifyOne} and the task was
     * aborted or timed out before it ran again, passes the notification on and throws, as Tokio
     * does when a notified future is dropped before it is polled: the wake-up goes to a task that
     * will act on it, never to one on its way out. A select reads this before it runs the
     * branch's handler, so the rule holds for a select branch too.
     */
    @Override
    public Void result() {
        if (tookOne) {
            tookOne = false;
            try {
                Suspension.checkpoint();
            } catch (CancellationException e) {
                notify.lock.lock();
                try {
                    notify.notifyOneLocked(fromLast);
                } finally {
                    notify.lock.unlock();
                }
                throw e;
            }
        }
        return null;
    }

    @Override
    public void close() {
        notify.lock.lock();
        try {
            notify.waiters.remove(this);
            if (state == State.NOTIFIED_ONE) {
                notify.notifyOneLocked(fromLast);
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
