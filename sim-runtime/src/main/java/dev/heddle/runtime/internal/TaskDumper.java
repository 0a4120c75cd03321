package dev.heddle.runtime.internal;

import dev.heddle.runtime.TaskDump;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes a {@link TaskDump}: for each task, its state from its thread's, what it waits on from
 * the object it parked with (the park blocker every Heddle wait passes to {@link Suspension}), and
 * its stack without the frames every task has below its body. The one place both runtimes and the
 * simulator's failure reports describe a task, so they read alike.
 *
 * <p>What a wait is called comes from the blocker's class, so the primitives need no code of
 * their own for it: an op class {@code XOp} of a channel package reads {@code "<package> x"}
 * ({@code mpsc.RecvOp}: {@code "mpsc recv"}), an op nested in a primitive
 * {@code "<primitive> x"} ({@code Mutex$LockOp}: {@code "mutex lock"}), any other Heddle class
 * its name in words ({@code CtrlCOp}: {@code "ctrl c"}); a primitive that parks with itself as the
 * blocker, from a short table ({@code Mutex}: {@code "mutex lock"}).
 */
public final class TaskDumper {
    /** Primitives that park with themselves as the blocker, by what their wait is. */
    private static final Map<String, String> SELF_PARKING = Map.of(
            "dev.heddle.sync.Mutex", "mutex lock",
            "dev.heddle.sync.Barrier", "barrier wait",
            "dev.heddle.runtime.JoinSet", "join set join next",
            "dev.heddle.runtime.CancellationToken", "cancellation",
            "dev.heddle.runtime.internal.BlockingSlots", "blocking slot");

    private TaskDumper() {}

    /** A dump of {@code tasks}, in their order, leaving out those that have ended. */
    public static TaskDump of(List<Task<?>> tasks) {
        List<TaskDump.Task> entries = new ArrayList<>(tasks.size());
        for (Task<?> t : tasks) {
            Thread thread = t.thread();
            if (thread != null && !t.isDone()) {
                TaskDump.Task entry = describe(t.id(), t.name(), thread);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return new TaskDump(entries);
    }

    /**
     * One task of a dump: the one with {@code id} and {@code name} running on {@code thread}; null
     * when the thread has ended.
     */
    public static TaskDump.Task describe(long id, String name, Thread thread) {
        Object blocker = LockSupport.getBlocker(thread);
        Thread.State threadState = thread.getState();
        StackTraceElement[] frames = thread.getStackTrace();
        TaskDump.State state;
        String waitingOn = "";
        switch (threadState) {
            case TERMINATED -> {
                return null;
            }
            case NEW -> state = TaskDump.State.READY;
            case RUNNABLE -> state = !thread.isVirtual() || VirtualThreads.isMounted(thread) ? TaskDump.State.RUNNING
                    : TaskDump.State.READY;
            case BLOCKED -> {
                state = TaskDump.State.BLOCKED;
                waitingOn = "a synchronized monitor";
            }
            case TIMED_WAITING -> {
                state = TaskDump.State.BLOCKED;
                waitingOn = "a timed wait outside Heddle" + (blocker == null ? "" : " (" + blocker.getClass().getName()
                        + ")");
            }
            default -> {
                state = TaskDump.State.WAITING;
                waitingOn = waitingOn(blocker);
            }
        }
        return new TaskDump.Task(id, name, state, waitingOn, bodyFrames(frames));
    }

    /** What a task that parked with {@code blocker} waits on, in words. */
    public static String waitingOn(Object blocker) {
        if (blocker == null) {
            return "a park without a blocker";
        }
        if (blocker instanceof Task<?> task) {
            return "join of " + task;
        }
        if (blocker instanceof RuntimeClock) {
            return "sleep";
        }
        Class<?> c = blocker.getClass();
        if (c == Waiter.class) {
            // A plain ticket is what select and join wait with: one for all their branches.
            return "select or join";
        }
        String known = SELF_PARKING.get(c.getName());
        if (known != null) {
            return known;
        }
        if (!c.getName().startsWith("dev.heddle.")) {
            return c.getName() + " (outside Heddle)";
        }
        String simple = c.getSimpleName().endsWith("Op")
                ? c.getSimpleName().substring(0, c.getSimpleName().length() - 2) : c.getSimpleName();
        Class<?> outer = c.getEnclosingClass();
        String owner = outer != null ? words(outer.getSimpleName())
                : c.getSimpleName().endsWith("Op") && c.getPackageName().startsWith("dev.heddle.channel.")
                ? c.getPackageName().substring("dev.heddle.channel.".length()) : "";
        return owner.isEmpty() ? words(simple) : owner + " " + words(simple);
    }

    /** {@code "CancellationToken"} as {@code "cancellation token"}. */
    private static String words(String camelCase) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char ch = camelCase.charAt(i);
            if (Character.isUpperCase(ch) && i > 0) {
                sb.append(' ');
            }
            sb.append(Character.toLowerCase(ch));
        }
        return sb.toString();
    }

    /**
     * {@code frames} without the virtual thread's and the task runner's frames below the body,
     * and without the frames above the park (the JDK's, Suspension's shared {@code suspend} with
     * the hooks' and JFR's park, and a scheduling point of instrumented code that yielded): what is
     * left starts at the Heddle call the task waits in (or its own code) and ends at the body.
     */
    public static List<StackTraceElement> bodyFrames(StackTraceElement[] frames) {
        List<StackTraceElement> kept = new ArrayList<>(frames.length);
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if (c.startsWith("java.lang.VirtualThread") || c.startsWith("jdk.internal.")
                    || c.equals("java.lang.System$1") || c.equals(Task.class.getName())
                    || c.equals(TaskDumper.class.getName()) || c.equals(TaskEvents.class.getName())
                    || c.equals(Suspension.class.getName()) && f.getMethodName().equals("suspend")
                    || c.startsWith("java.lang.ScopedValue") || c.equals("java.lang.Thread")
                    || c.equals("java.util.concurrent.locks.LockSupport")
                    || c.startsWith("dev.heddle.sim.instrument.")) {
                continue;
            }
            kept.add(f);
        }
        return kept;
    }
}
