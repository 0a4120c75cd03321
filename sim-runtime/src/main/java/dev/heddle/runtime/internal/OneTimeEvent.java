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

    /**
     * The callbacks registered so far, newest first; {@link #FIRED} once the event has fired.
     * A registration is pushed with {@link #casHead}, which publishes it (its action and link)
     * to the {@link #xchgHead} that fires the event and walks the list; a registrar that loads
     * {@link #FIRED} ({@link #lvHead()}) runs its action itself.
     */
    private volatile Registration head;

    public boolean hasFired() {
        return lvHead() == FIRED;
    }

    /** Runs {@code action} when the event fires, on the firing thread; at once if it has fired. */
    public Registration whenFired(Runnable action) {
        Registration r = new Registration(action);
        while (true) {
            Registration h = lvHead();
            if (h == FIRED) {
                r.run();
                return r;
            }
            if (h != null && h.lvAction() == null) {
                // A waiter that gave up: drop it, so that a long-lived event waited on in a loop
                // (a shutdown token checked every request) does not keep one node per wait. A node
                // is pushed once and never again, so popping it by compare-and-set has no ABA.
                casHead(h, h.next);
                continue;
            }
            r.next = h;
            if (casHead(h, r)) {
                return r;
            }
        }
    }

    /** Fires the event: runs every armed callback in the order it was registered. False if it had fired. */
    public boolean fire() {
        Registration r = xchgHead(FIRED);
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

    /** The registrations still listed: for tests of the pruning of given-up waiters. */
    int listed() {
        int n = 0;
        for (Registration r = lvHead(); r != null && r != FIRED; r = r.next) {
            n++;
        }
        return n;
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private Registration lvHead() {
        return head;
    }

    private boolean casHead(Registration expected, Registration next) {
        return HEAD.compareAndSet(this, expected, next);
    }

    /** Stores {@code r} and returns the head it replaced. */
    private Registration xchgHead(Registration r) {
        return (Registration) HEAD.getAndSet(this, r);
    }

    /** A registered callback; {@link #disarm()} it when its waiter gives up, so it leaves no effect. */
    public static final class Registration {
        /**
         * The callback, until it runs or is disarmed: cleared ({@link #svAction}) by
         * {@link #disarm()} from the thread that gives up, loaded ({@link #lvAction()}) by the
         * thread that fires; a disarm that comes first is seen and nothing runs.
         */
        private volatile Runnable action;
        /** Plain: written before the {@link #casHead} that publishes this registration, then only by the firing thread. */
        private Registration next;

        private Registration(Runnable action) {
            this.action = action;
        }

        public void disarm() {
            svAction(null);
        }

        private void run() {
            Runnable a = lvAction();
            if (a != null) {
                svAction(null);
                a.run();
            }
        }

        private Runnable lvAction() {
            return action;
        }

        private void svAction(Runnable a) {
            action = a;
        }
    }
}
