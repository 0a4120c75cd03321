package dev.heddle.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Something that happens once (a task ending, a token being cancelled), with callbacks that
 * run when it happens, or at once if it already has. Lock-free, so that it adds no monitor a
 * simulated task could be suspended inside.
 */
final class OneTimeEvent {
    private static final Registration FIRED = new Registration(null);
    private final AtomicReference<Registration> head = new AtomicReference<>();

    boolean hasFired() {
        return head.get() == FIRED;
    }

    /** Runs {@code action} when the event fires, on the firing thread; at once if it has fired. */
    Registration whenFired(Runnable action) {
        Registration r = new Registration(action);
        while (true) {
            Registration h = head.get();
            if (h == FIRED) {
                r.run();
                return r;
            }
            r.next = h;
            if (head.compareAndSet(h, r)) {
                return r;
            }
        }
    }

    /** Fires the event: runs every armed callback in the order it was registered. False if it had fired. */
    boolean fire() {
        Registration r = head.getAndSet(FIRED);
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
    static final class Registration {
        private volatile Runnable action;
        private Registration next;

        private Registration(Runnable action) {
            this.action = action;
        }

        void disarm() {
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
