package dev.heddle.runtime.internal;

import dev.heddle.runtime.TaskMeta;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Where the life of a task is observed: the runtime's task hooks ({@link TaskHooks}) and Heddle's
 * JFR events (category "Heddle": spawn, suspend, wake, end, operation waits; steals are
 * the scheduler's own, {@code scheduler.TaskStealEvent}), which JDK
 * Mission Control shows as tokio-console shows a Tokio program.
 *
 * <p>Observing costs nothing worth measuring when no one observes: every entry point first asks
 * whether the runtime has hooks (a null check) and whether JFR records the event (a static field
 * once JFR has instrumented the class, a constant {@code false} before any recording started), and
 * only then allocates. {@link #observed(Task)} lets {@link Suspension} keep its plain park on the
 * fast path. The probes below are never committed: {@code isEnabled()} reads no field of theirs.
 *
 * <p>What is a poll: Tokio hooks a task's polls; a Heddle task is a virtual thread, so its "poll"
 * is a stretch it runs between two suspension points: from its start or a resumption to its next
 * suspension or its end.
 */
public final class TaskEvents {
    private static final TaskSpawnEvent SPAWN_PROBE = new TaskSpawnEvent();
    private static final TaskEndEvent END_PROBE = new TaskEndEvent();
    private static final TaskSuspendEvent SUSPEND_PROBE = new TaskSuspendEvent();
    private static final TaskWakeEvent WAKE_PROBE = new TaskWakeEvent();
    private static final OperationWaitEvent WAIT_PROBE = new OperationWaitEvent();

    private TaskEvents() {}

    /** Called on the spawning thread when {@code task} joins its runtime's live tasks, before it starts. */
    static void spawned(Task<?> task, TaskHooks hooks) {
        if (hooks != null) {
            task.spawnedAt = SpawnSite.ofCaller();
            run(hooks.onSpawn(), task, null);
        }
        if (SPAWN_PROBE.isEnabled()) {
            TaskSpawnEvent e = new TaskSpawnEvent();
            Task<?> parent = Task.current();
            e.taskId = task.id();
            e.taskName = task.name();
            e.parentTaskId = parent == null ? 0 : parent.id();
            e.commit();
        }
    }

    /** Called on the task's thread when its body has ended, before its outcome shows. */
    static void terminated(Task<?> task, TaskHooks hooks, Task.State outcome) {
        if (hooks != null) {
            run(hooks.onTerminate(), task, null);
        }
        if (END_PROBE.isEnabled()) {
            TaskEndEvent e = new TaskEndEvent();
            e.taskId = task.id();
            e.taskName = task.name();
            e.outcome = outcome.name();
            e.commit();
        }
    }

    /** Called on the task's thread as its body starts: the first poll begins. */
    static void bodyStarting(Task<?> task) {
        TaskHooks hooks = task.alive().hooks();
        if (hooks != null) {
            pollStarting(hooks, task);
        }
    }

    /** Called on the task's thread as its body has ended: the last poll ends. */
    static void bodyEnded(Task<?> task) {
        TaskHooks hooks = task.alive().hooks();
        if (hooks != null) {
            pollEnded(hooks, task);
        }
    }

    /** True when a suspension of {@code task} must go through {@link #park}: hooks or JFR want to see it. */
    static boolean observed(Task<?> task) {
        return task.alive().hooks() != null || SUSPEND_PROBE.isEnabled();
    }

    /**
     * Suspends {@code task} (the calling thread) as {@link Suspension} would, telling the hooks
     * and JFR: parks with {@code blocker}, or yields when {@code blocker} is null.
     */
    static void park(Task<?> task, Object blocker) {
        TaskHooks hooks = task.alive().hooks();
        if (hooks != null) {
            pollEnded(hooks, task);
        }
        TaskSuspendEvent e = new TaskSuspendEvent();
        boolean recorded = e.isEnabled();
        if (recorded) {
            e.begin();
        }
        if (blocker == null) {
            Thread.yield();
        } else {
            LockSupport.park(blocker);
        }
        if (recorded) {
            e.end();
            if (e.shouldCommit()) {
                e.taskId = task.id();
                e.taskName = task.name();
                e.waitingOn = blocker == null ? "yield" : TaskDumper.waitingOn(blocker);
                e.commit();
            }
        }
        if (hooks != null) {
            pollStarting(hooks, task);
        }
    }

    private static void pollStarting(TaskHooks hooks, Task<?> task) {
        ScheduleLatencies latencies = hooks.latencies();
        run(hooks.beforePoll(), task, latencies == null ? null : latencies.pollStarting());
    }

    private static void pollEnded(TaskHooks hooks, Task<?> task) {
        ScheduleLatencies latencies = hooks.latencies();
        run(hooks.afterPoll(), task, latencies == null ? null : latencies.pollEnded());
    }

    /** Called by a carrier as it makes the virtual thread of {@code continuation} ready to run. */
    public static void woken(Runnable continuation) {
        if (WAKE_PROBE.isEnabled()) {
            TaskWakeEvent e = new TaskWakeEvent();
            e.wokenThread = VirtualThreads.threadOf(continuation);
            e.commit();
        }
    }

    /**
     * A started record of the calling task's wait for {@code operation}, or null when JFR does not
     * record such waits; end it with {@link #waitEnded}.
     */
    public static Object waitStarting(Object operation) {
        if (!WAIT_PROBE.isEnabled()) {
            return null;
        }
        OperationWaitEvent e = new OperationWaitEvent();
        e.begin();
        Task<?> task = Task.current();
        if (task != null) {
            e.taskId = task.id();
            e.taskName = task.name();
        }
        e.operation = TaskDumper.waitingOn(operation);
        return e;
    }

    /** Ends and commits a wait {@link #waitStarting} began; nothing when it returned null. */
    public static void waitEnded(Object wait, boolean completed) {
        if (wait instanceof OperationWaitEvent e) {
            e.end();
            e.completed = completed;
            e.commit();
        }
    }

    /** Tells {@code hook}, if set, about {@code task}, whose poll waited {@code latency} to start (null: not known). */
    private static void run(Consumer<TaskMeta> hook, Task<?> task, Duration latency) {
        if (hook != null) {
            hook.accept(new TaskMeta(task.id(), task.name(), task.spawnedAt, latency));
        }
    }
}
