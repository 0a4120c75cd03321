package dev.heddle.sim;

import dev.heddle.runtime.internal.VirtualThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The run's tasks that wait for a monitor, and the JDK's hand-offs of monitors to them. A
 * virtual thread blocked entering a contended {@code synchronized}, or waiting in
 * {@code Object.wait}, is resubmitted to its scheduler by the JDK's "VirtualThread-unblocker"
 * platform thread once the monitor's owner leaves the monitor (JDK 24+): during the owner's
 * {@code monitorexit} the JVM puts the chosen successor on the unblocker's list and sets its
 * {@code onWaitingList} flag; the unblocker takes the whole list, and for each thread clears
 * the flag, marks it unblocked and calls {@code execute}. So a hand-off is made inside a step,
 * on the simulator's thread, but arrives later, on another thread.
 *
 * <p>To keep runs deterministic, arrivals are only queued here ({@link #arrived}); after each
 * step the simulator calls {@link #settle}, which waits until every hand-off made so far has
 * arrived and returns the tasks they woke in task order, whatever order the unblocker used. A
 * hand-off has arrived for sure once no waiting task is on the unblocker's list and the
 * unblocker is back at the top of its loop, waiting for the next list: a list it took earlier
 * was then fully resubmitted, and one not taken yet would still show in a task's flag. Reading
 * the flags first and the unblocker's stack second closes the gap between the unblocker
 * clearing a flag and resubmitting the thread. The wait is bounded in real time, which never
 * decides anything inside the run: a JDK that stops handing over fails the run with
 * {@link #timeoutReport}, naming the tasks.
 *
 * <p>Measured on JDK 25.0.3: reading the unblocker's stack costs about 12 microseconds; it is
 * read only after steps that end while some task waits for a monitor.
 */
final class MonitorHandOffs {
    /** The name the JDK gives its unblocker thread, which it starts once per JVM. */
    static final String UNBLOCKER = "VirtualThread-unblocker";
    /** The unblocker's native wait for its next list, at the top of its loop. */
    private static final String UNBLOCKER_WAIT = "takeVirtualThreadListToUnblock";
    /** How long {@link #settle} waits for the unblocker, in real time, before it gives up. */
    static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** A resubmission by the unblocker: the continuation, and the logical worker of the scheduler it came to. */
    record Arrival(Runnable continuation, int worker) {}

    /** A task a hand-off woke, in the order {@link #settle} returns them. */
    record HandOff(SimTask task, int worker) {}

    /** Tasks whose last step ended waiting for a monitor, by id; the simulator's thread only. */
    private final TreeMap<Long, SimTask> waiting = new TreeMap<>();
    /** Resubmissions by the unblocker not yet settled; the only structure touched from another thread. */
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private static volatile Thread unblocker;

    /** True when {@code thread} is the JDK's unblocker. */
    static boolean isUnblocker(Thread thread) {
        Thread known = unblocker;
        if (known == null && !thread.isVirtual() && thread.getName().equals(UNBLOCKER)
                && thread.getClass().getName().equals("jdk.internal.misc.InnocuousThread")) {
            unblocker = thread;
            known = thread;
        }
        return thread == known;
    }

    /** The unblocker's resubmission of {@code continuation}; called on the unblocker thread. */
    void arrived(Runnable continuation, int worker) {
        arrivals.add(new Arrival(continuation, worker));
    }

    /** {@code t}'s step ended with it waiting for a monitor: a hand-off may come for it. */
    void waits(SimTask t) {
        waiting.put(t.id, t);
    }

    /** {@code t}'s step ended otherwise (or it ended): no hand-off is due to it. */
    void waitsNoMore(SimTask t) {
        waiting.remove(t.id);
    }

    /** Whether any task waits for a monitor, so that {@link #settle} has something to wait for. */
    boolean anyWaiting() {
        return !waiting.isEmpty() || !arrivals.isEmpty();
    }

    /** The tasks that wait for a monitor, in id order. */
    List<SimTask> waitingTasks() {
        return new ArrayList<>(waiting.values());
    }

    /**
     * Waits until every hand-off made so far to a task of {@code alive} has arrived, and returns the tasks they woke in
     * task order; null when the unblocker did not finish within {@link #SETTLE_LIMIT_NANOS}.
     * Arrivals for no waiting task (which the JDK does not make) are returned with a null task.
     */
    List<HandOff> settle(Collection<SimTask> alive) {
        long start = System.nanoTime();
        while (!handedOverAll(alive)) {
            if (System.nanoTime() - start > SETTLE_LIMIT_NANOS) {
                return null;
            }
            LockSupport.parkNanos(10_000);
        }
        List<HandOff> woken = new ArrayList<>();
        for (Arrival a; (a = arrivals.poll()) != null; ) {
            SimTask t = taskOf(a.continuation());
            if (t != null) {
                waiting.remove(t.id);
            }
            woken.add(new HandOff(t, a.worker()));
        }
        woken.sort((x, y) -> Long.compare(x.task() == null ? Long.MAX_VALUE : x.task().id,
                y.task() == null ? Long.MAX_VALUE : y.task().id));
        return woken;
    }

    /**
     * Whether no task of {@code alive} is on the unblocker's list and the unblocker waits for its
     * next one. Every alive task is asked, not only the waiting ones: a ready task that a
     * hand-off finds not blocked (it was handed the monitor before and has not run since) gets
     * no resubmission, but its entry must be done with before it runs and perhaps blocks again.
     */
    private static boolean handedOverAll(Collection<SimTask> alive) {
        for (SimTask t : alive) {
            if (t.thread != null && VirtualThreads.isOnUnblockList(t.thread)) {
                return false;
            }
        }
        return unblockerIdle();
    }

    /** Whether the unblocker waits for its next list; true before the JDK started it (nothing is in flight then). */
    private static boolean unblockerIdle() {
        Thread u = unblocker;
        if (u == null) {
            u = findUnblocker();
            if (u == null) {
                return true;
            }
        }
        StackTraceElement[] stack = u.getStackTrace();
        return stack.length > 0 && stack[0].getMethodName().equals(UNBLOCKER_WAIT);
    }

    private static Thread findUnblocker() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (isUnblocker(t)) {
                return t;
            }
        }
        return null;
    }

    private SimTask taskOf(Runnable continuation) {
        for (SimTask t : waiting.values()) {
            if (t.continuation == continuation) {
                return t;
            }
        }
        return null;
    }

    /** Why the run stopped when the unblocker did not hand over within the limit. */
    String timeoutReport() {
        StringBuilder sb = new StringBuilder("the JDK's '" + UNBLOCKER + "' thread did not hand over the monitors"
                + " it owes within " + TimeUnit.NANOSECONDS.toSeconds(SETTLE_LIMIT_NANOS) + " s of real time;"
                + " tasks waiting for a monitor:");
        for (SimTask t : waiting.values()) {
            sb.append(' ').append(t.name).append(VirtualThreads.isOnUnblockList(t.thread) ? " (on its list)" : "");
        }
        Thread u = unblocker;
        sb.append(". Its stack: ").append(u == null ? "(not found)" : Arrays.toString(u.getStackTrace()))
                .append(". Another simulation or program holding the unblocker busy, or a JDK whose unblocker works"
                        + " differently from JDK 25's, would do this; report it with the seed.");
        return sb.toString();
    }
}
