package dev.heddle.runtime.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * The one way Heddle code suspends a task. Every blocking operation (sleep, join, channel
 * and lock waits) parks here, so cancellation and timeouts are delivered at exactly these
 * points, and the simulator knows the task waits on a Heddle primitive.
 *
 * <p>Callers park in a loop around their own wake-up condition, since a park may return
 * early (an abort, a timeout, or a stale unpark):
 * <pre>{@code
 * while (!ready) Suspension.park(this);
 * }</pre>
 * On a thread that is not a Heddle task (a plain platform thread in a test) this is a
 * plain park; in a virtual thread that a simulated task started with the JDK's own API, the
 * simulator still watches it. Every suspension refills the task's cooperative {@link Budget}: the task has
 * let the others run.
 */
public final class Suspension {
    private Suspension() {}

    /**
     * Parks the calling task until it is unparked.
     *
     * @throws java.util.concurrent.CancellationException if the task was aborted or one of
     *     its timeouts passed, before or during the park
     */
    public static void park(Object blocker) {
        Task<?> task = Task.current();
        if (task == null) {
            watchOutsideTasks();
            LockSupport.park(blocker);
            return;
        }
        task.checkCancelled();
        suspend(task, blocker);
        task.checkCancelled();
    }

    /**
     * Parks the calling task until it is unparked, without delivering its cancellation: for a
     * wait that must finish even though the caller is cancelled, such as a {@code Join} helper
     * waiting, on the way out of an aborted or timed-out caller, for the children it has just
     * aborted to end. {@link #park} would throw at once, again and again, and leave the children
     * running. The wait is still watched like every suspension (the simulator reports a lock held
     * across it); the cancellation stays pending for the next suspension point.
     */
    public static void parkIgnoringCancellation(Object blocker) {
        Task<?> task = Task.current();
        if (task == null) {
            watchOutsideTasks();
            LockSupport.park(blocker);
            return;
        }
        suspend(task, blocker);
    }

    /** Lets the other ready tasks run before the calling task goes on: a suspension point that does not wait. */
    public static void yieldNow() {
        Task<?> task = Task.current();
        if (task == null) {
            watchOutsideTasks();
            Thread.yield();
            return;
        }
        task.checkCancelled();
        suspend(task, null);
        task.checkCancelled();
    }

    /**
     * The suspension itself, for every kind above: shown to the simulator's watcher, parked with
     * {@code blocker} (yielded when it is null), through {@link TaskEvents} when hooks or JFR
     * observe it, and ended with a fresh budget.
     */
    private static void suspend(Task<?> task, Object blocker) {
        watch(task);
        if (TaskEvents.observed(task)) {
            TaskEvents.park(task, blocker);
        } else if (blocker == null) {
            Thread.yield();
        } else {
            LockSupport.park(blocker);
        }
        task.refillBudget();
    }

    private static void watch(Task<?> task) {
        if (task.carrier() instanceof Watcher watcher) {
            watcher.suspending(task);
        }
    }

    /**
     * A thread that is no Heddle task may still be one of a simulation's: a virtual thread a
     * task started with the JDK's API, which the simulation adopted. Its carrier is found by
     * the {@link ThreadOrigin} it inherited, so that its suspensions are watched as a task's.
     */
    private static void watchOutsideTasks() {
        if (ThreadOrigin.carrierOfCurrentThread() instanceof Watcher watcher) {
            watcher.suspending(null);
        }
    }

    /**
     * A carrier that looks at each task of its own just before the task parks, on the task's
     * thread: how the simulator finds locks held across a suspension point.
     */
    public interface Watcher {
        /** {@code task} is null for a thread of the carrier that is no Heddle task (a virtual thread it adopted). */
        void suspending(Task<?> task);
    }

    /** A suspension point that does not wait: throws if the calling task was aborted or timed out. */
    public static void checkpoint() {
        Task<?> task = Task.current();
        if (task != null) {
            task.checkCancelled();
        }
    }
}
