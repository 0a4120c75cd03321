package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes tasks without a value (Tokio's {@code Notify}): {@link #notifyOne()} wakes the longest
 * waiter, or stores a single permit for the next one if nobody waits; {@link #notifyWaiters()}
 * wakes every task waiting right now and stores nothing.
 *
 * <p>To wait for a condition without missing the wake-up that comes between checking it and
 * starting to wait, register first, then check, then wait:
 * <pre>{@code
 * try (Notified changed = notify.notified()) {   // registered from here on
 *     if (queue.isEmpty()) {
 *         changed.await();
 *     }
 * }
 * }</pre>
 *
 * <p><b>Eager and lazy.</b> {@link #notified()} registers <em>eagerly</em>, when it is called,
 * which is what the pattern above needs; Tokio's {@code Notified} registers for
 * {@code notify_one} only when first polled or {@code enable()}d (it sees
 * {@code notify_waiters} from creation). An eager registration that is never awaited holds a
 * place in the queue until closed, and a {@code notifyOne} reaching it waits there until then.
 * So in a select use {@link #notifiedOp()}, the lazy form and the default for select: it
 * registers only when the select queues it, and a losing branch leaves no registration
 * behind. Use {@code notified()} in a select only when the registration must predate the
 * check of a condition, and close it after.
 *
 * <p>A {@code notifyOne} that reaches a waiter whose task is aborted or times out before it
 * runs again passes on to the next waiter (Tokio's rule for a dropped {@code Notified}), so a
 * wake-up is never spent on a task on its way out; this holds for a wait in a select too,
 * whose branch then throws the cancellation instead of running its handler. A
 * {@code notifiedOp()} branch that loses its select takes nothing: a notification reaching it
 * meanwhile goes to the next waiter. A {@code notified()} registration offered to a select
 * that another branch wins stays registered, as Tokio's {@code &mut notified} does, and keeps
 * what reaches it until it is awaited or closed. A notification passed on goes the way it
 * came: after {@link #notifyLast()}, to the newest waiter.
 */
public final class Notify {
    final ReentrantLock lock = new ReentrantLock();
    final WaitQueue<NotifiedOp> waiters = new WaitQueue<>();
    /** The stored permit of a {@link #notifyOne()} that found nobody registered; never set while anyone is. */
    boolean permit;

    /** A notify with no stored permit. */
    public Notify() {}

    /**
     * Registers interest in a notification now (eagerly), before the caller checks its condition: a
     * {@link #notifyOne()} or {@link #notifyWaiters()} from this moment on reaches it. Wait
     * with {@link Notified#await()}; close it when done, which passes an unused
     * {@code notifyOne} on to the next waiter.
     */
    public Notified notified() {
        NotifiedOp n = new NotifiedOp(this, true);
        lock.lock();
        try {
            n.registerLocked();
        } finally {
            lock.unlock();
        }
        return n;
    }

    /**
     * A wait for a notification as an operation that select can offer, registered lazily: only
     * when a select queues it (Tokio's {@code Notified} before its first poll), taking the
     * stored permit if there is one. The form to use in a select; see the class doc.
     */
    public SelectableOp<Void> notifiedOp() {
        return new NotifiedOp(this, false);
    }

    /**
     * Wakes the task that registered first. If none is registered, stores one permit (at most
     * one) that the next wait takes at once.
     */
    public void notifyOne() {
        lock.lock();
        try {
            notifyOneLocked(false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the task that registered last (Tokio's {@code notify_last}): for a stack of waiters,
     * where the newest is the one most likely still warm in cache or still relevant. If none is
     * registered, stores one permit, as {@link #notifyOne()} does.
     */
    public void notifyLast() {
        lock.lock();
        try {
            notifyOneLocked(true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers one notification to the newest ({@code last}) or oldest registration that can
     * take it, or stores the permit. A registration passing on a notification it cannot use
     * passes it the way it came, as Tokio's dropped {@code Notified} does: after a
     * {@link #notifyLast()}, to the newest waiter again.
     */
    void notifyOneLocked(boolean last) {
        for (NotifiedOp n = last ? waiters.pollLast() : waiters.pollFirst(); n != null;
                n = last ? waiters.pollLast() : waiters.pollFirst()) {
            if (n.deliverLocked(NotifiedOp.State.NOTIFIED_ONE, last)) {
                return;
            }
        }
        permit = true;
    }

    /** Wakes every task registered now; stores no permit, so later waits are unaffected. */
    public void notifyWaiters() {
        lock.lock();
        try {
            for (NotifiedOp n = waiters.pollFirst(); n != null; n = waiters.pollFirst()) {
                n.deliverLocked(NotifiedOp.State.NOTIFIED_ALL, false);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Notify[" + (permit ? "permit stored" : "no permit") + (waiters.isEmpty() ? "" : ", waiters") + "]";
        } finally {
            lock.unlock();
        }
    }
}
