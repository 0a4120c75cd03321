package dev.heddle.sim;

import dev.heddle.runtime.internal.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's tasks: found by the continuation the JDK submits, by the Heddle task the runtime
 * names, and alive by id in creation order, the order every report and every walk over them
 * takes, so that none depends on identity hashes. Also the failed Heddle tasks, to tell at the
 * end which failed with no one to see it. Touched by the simulator's thread only.
 */
final class SimTasks {
    private final IdentityHashMap<Runnable, SimTask> byContinuation = new IdentityHashMap<>();
    private final Map<Task<?>, SimTask> byTask = new IdentityHashMap<>();
    /** Tasks whose virtual thread has not terminated, in creation order. */
    private final Map<Long, SimTask> alive = new LinkedHashMap<>();
    private final Map<Long, SimTask> aliveView = Collections.unmodifiableMap(alive);
    private final List<Task<?>> failed = new ArrayList<>();
    private long nextId = 1;

    /** The id the next task gets. */
    long nextId() {
        return nextId;
    }

    /** A new task of the run, alive from now; {@code task} is null for a virtual thread the run adopted. */
    SimTask add(String name, Thread thread, Runnable continuation, Task<?> task, Incarnation incarnation,
            StackTraceElement spawnedAt) {
        long id = nextId++;
        SimTask t = new SimTask(id, name, thread, continuation, task, incarnation, spawnedAt);
        byContinuation.put(continuation, t);
        alive.put(id, t);
        if (task != null) {
            byTask.put(task, t);
        }
        return t;
    }

    /** The task whose thread {@code continuation} runs, or null for a thread the run has not seen. */
    SimTask of(Runnable continuation) {
        return byContinuation.get(continuation);
    }

    /** The task that runs {@code task}, or null once it has ended. */
    SimTask of(Task<?> task) {
        return byTask.get(task);
    }

    /** {@code task} has ended: its task, or null when it was not found. */
    SimTask ended(Task<?> task) {
        return byTask.remove(task);
    }

    /** {@code t}'s thread terminated: it is alive no more. */
    void terminated(SimTask t) {
        byContinuation.remove(t.continuation);
        alive.remove(t.id);
    }

    /** The alive tasks in creation order; a view, not to be changed while it is walked. */
    Collection<SimTask> alive() {
        return aliveView.values();
    }

    /** The alive tasks by id, for the busy-loop report. */
    Map<Long, SimTask> aliveById() {
        return aliveView;
    }

    /** {@code task} failed: seen at the end unless someone observed its outcome. */
    void failed(Task<?> task) {
        failed.add(task);
    }

    List<Task<?>> unobservedFailures() {
        List<Task<?>> unobserved = new ArrayList<>();
        for (Task<?> t : failed) {
            if (!t.isOutcomeObserved()) {
                unobserved.add(t);
            }
        }
        return unobserved;
    }

    /**
     * Asks every task of {@code incarnation} to stop at its next suspension point, in creation
     * order. Virtual threads a task started with the JDK's own API are no Heddle tasks, and
     * cannot be asked.
     */
    void stopTasksOf(Incarnation incarnation) {
        for (SimTask t : new ArrayList<>(alive.values())) {
            if (t.incarnation == incarnation && t.task != null) {
                t.task.cancel();
            }
        }
    }

    /**
     * The tasks alive outside every host (a host's are its server's, stopped at the end), but for
     * the daemon threads' work, which the run abandons as the JVM abandons daemon threads.
     */
    List<SimTask> aliveOutsideHosts() {
        List<SimTask> outside = new ArrayList<>();
        for (SimTask t : alive.values()) {
            if (t.incarnation == null && !t.daemon) {
                outside.add(t);
            }
        }
        return outside;
    }

    /** How many tasks the run has had. */
    long spawned() {
        return nextId - 1;
    }
}
