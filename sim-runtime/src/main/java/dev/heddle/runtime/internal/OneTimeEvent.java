package dev.heddle.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Something that happens once (a task ending, a token being cancelled), with callbacks that
 * run when it happens, or at once if it already has. Lock-free, so that it adds no monitor a
 * simulated task could be suspended inside.
 *
 * <p>A {@link Task} is the event of its own end and extends this class, so that a spawn
 * makes no separate event object and firing it touches memory the ending task has just
 * written; for the same reason the head is a field reached through a {@link VarHandle}
 * rather than a separate atomic object.
 */
public class OneTimeEvent {
    private static final Registration FIRED = new Registration(null);
    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(OneTimeEvent.class, "head", Registration.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The callbacks registered so far, newest first; {@link #FIRED} once the event has fired. */
    private volatile Registration head;

    public boolean hasFired() {
        return head == FIRED;
    }

    /** Runs {@code action} when the event fires, on the firing thread; at once if it has fired. */
    public Registration whenFired(Runnable action) {
        Registration r = new Registration(action);
        while (true) {
            Registration h = head;
            if (h == FIRED) {
                r.run();
                return r;
            }
            r.next = h;
            if (HEAD.compareAndSet(this, h, r)) {
                return r;
            }
        }
    }

    /** Fires the event: runs every armed callback in the order it was registered. False if it had fired. */
    public boolean fire() {
        Registration r = (Registration) HEAD.getAndSet(this, FIRED);
        if (r == FIRED) {
            return false;
        }
        Registration inOrder = null;
        while (r != null) {
            Registration next = r.next;
            r.next = inOrder;
            inOrder = r;
            r = next;
        }
        for (; inOrder != null; inOrder = inOrder.next) {
            inOrder.run();
        }
        return true;
    }

    /** A registered callback; {@link #disarm()} it when its waiter gives up, so it leaves no effect. */
    public static final class Registration {
        private volatile Runnable action;
        private Registration next;

        private Registration(Runnable action) {
            this.action = action;
        }

        public void disarm() {
            action = null;
        }

        private void run() {
            Runnable a = action;
            if (a != null) {
                action = null;
                a.run();
            }
        }
    }
}
