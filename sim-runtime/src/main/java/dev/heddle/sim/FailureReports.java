package dev.heddle.sim;

import dev.heddle.runtime.TaskDump;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.TaskDumper;
import dev.heddle.runtime.internal.VirtualThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of what the simulator tells the user when a run goes wrong: each report says what
 * happened, shows where the tasks involved wait, and says what to change. Kept apart from the
 * {@link Simulator} so that its loop reads in one sitting.
 */
final class FailureReports {
    private FailureReports() {}

    /** A step that has not reached a suspension point for {@code nanos} of real time. */
    static String stuckStep(SimTask t, long nanos) {
        return "task " + t + " has run for " + nanos / 1_000_000 + " ms of real time without reaching a suspension"
                + " point. One carrier runs every task, so a loop that never suspends (a busy wait on a flag another"
                + " task sets) hangs the whole simulation: wait on a Heddle primitive instead (Notify, a channel,"
                + " Watch), or call Heddle.yieldNow() in the loop. The run was abandoned; its thread spins until the"
                + " JVM exits. It is at:\n" + stack(t);
    }

    /** A task (or a thread the run adopted) that suspends holding {@code found}, with the frames of its own code. */
    static String lockHeld(Object task, HeldLocks.Found found) {
        StringBuilder report = new StringBuilder("task " + task + " suspends while holding ");
        report.append(String.join(" and ", found.locks())).append(": every task that needs it is stuck until this"
                + " one runs again. Release it before the suspension point, or use Heddle's Mutex, which may be"
                + " held across one.\n");
        for (StackTraceElement e : found.stack()) {
            if (!e.getClassName().startsWith("dev.heddle.sim.") && !e.getClassName().startsWith("java.lang.")
                    && !e.getClassName().startsWith("jdk.internal.")) {
                report.append("      at ").append(e).append('\n');
            }
        }
        return report.toString();
    }

    /** The step budget ran out: names the task that took most of {@code recentSteps} (task ids), where it is. */
    static String busyLoop(long maxSteps, long[] recentSteps, Map<Long, SimTask> alive) {
        SimTask t = busiest(recentSteps, alive);
        long count = t == null ? 0 : Arrays.stream(recentSteps).filter(id -> id == t.id).count();
        return "the run took more than " + maxSteps + " steps, a busy loop or a livelock. "
                + (t == null ? "" : "Task " + t + " took " + count + " of the last " + recentSteps.length
                + " steps; it is at:\n" + stack(t))
                + "Raise the budget with maxSteps if the run is just long.";
    }

    /**
     * The alive task that took most of {@code recentSteps} (task ids), the first of them on a
     * tie; null if none is alive.
     */
    static SimTask busiest(long[] recentSteps, Map<Long, SimTask> alive) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (long id : recentSteps) {
            if (id != 0) {   // a slot no step has filled yet
                counts.merge(id, 1, Integer::sum);
            }
        }
        long top = 0;
        int topCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        return alive.get(top);
    }

    static String timeBudget(long maxTime, long nextTimer, long steps, Collection<SimTask> alive) {
        return "virtual time would pass the budget of " + maxTime / 1_000_000 + " ms (next timer at "
                + nextTimer / 1_000_000 + " ms) after " + steps + " steps; tasks alive:\n" + taskList(alive, false);
    }

    /**
     * {@code paused} lists the paused hosts (see {@link Hosts#pausedReport()}), whose held tasks
     * count as blocked; {@code graph} is who waits for whom, its cycle named first.
     */
    static String deadlock(long steps, long now, Collection<SimTask> alive, String paused, WaitForGraph graph) {
        return "no task can run, no timer is pending, and the main task has not finished (after " + steps
                + " steps, at " + now / 1_000_000 + " ms virtual time). "
                + (graph.cycle().isEmpty() ? "" : "The tasks deadlock: " + graph.cycleText() + ". Take the locks"
                + " in one order in every task, or release one before waiting for the next.\n")
                + (paused.isEmpty() ? "" : "Paused hosts hold tasks that could run:\n" + paused)
                + graph + "Blocked tasks, as a task dump:\n" + taskList(alive, true);
    }

    /** Every task waits, timers are pending, but the test paused auto-advance and no task is left to advance time. */
    static String autoAdvancePaused(long steps, long now, long nextTimer, Collection<SimTask> alive) {
        return "no task can run and the main task has not finished (after " + steps + " steps, at "
                + now / 1_000_000 + " ms virtual time): timers are pending, the next at " + nextTimer / 1_000_000
                + " ms, but auto-advance is paused (SimTime.pauseAutoAdvance()), so only a task calling"
                + " SimTime.advance(...) could move time, and none can run. Advance time before every task waits,"
                + " or call SimTime.resumeAutoAdvance(). Blocked tasks:\n" + taskList(alive, true);
    }

    /** A task as reports name it: with its host and incarnation when it runs on a simulated host. */
    static String task(Task<?> task) {
        return task.node() instanceof Incarnation i ? task + " on host " + i : task.toString();
    }

    static String leakedTasks(List<SimTask> leaked) {
        StringBuilder sb = new StringBuilder(leaked.size() + " task(s) still waiting after the main task returned;"
                + " join or abort them before returning:\n");
        for (SimTask t : leaked) {
            sb.append("  ").append(spawned(t)).append('\n').append(stack(t));
        }
        return sb.toString();
    }

    /** A task and the line that spawned it, as {@code worker#3 (spawned at Test.run(Test.java:12))}. */
    static String spawned(SimTask t) {
        return t.spawnedAt == null ? t.name : t.name + " (spawned at " + t.spawnedAt + ")";
    }

    /**
     * Why {@code t}, which waits while nothing else can run, would be woken from outside the
     * simulation (real I/O, work handed to a thread outside it), or null when it waits on
     * something the simulation sees: Heddle, a park, a monitor or {@code Object.wait} (handed
     * over by the JDK's unblocker, which the simulator waits for), a timed wait (a timer).
     */
    static String wokenFromOutside(SimTask t) {
        String io = t.thread == null ? null : realIoFrame(t.thread);
        if (io != null) {
            return realIo(t, io);
        }
        String handedOff = t.thread == null ? null : outsideWait(t.thread);
        if (handedOff != null) {
            return "task " + t + " waits in " + handedOff + " for work handed to a thread outside the simulation"
                    + " (an executor or thread pool, ForkJoinPool.commonPool, a CompletableFuture's async stage):"
                    + " the simulation does not run that thread, and no seed decides when it wakes this task. Run"
                    + " the work as a Heddle task and join its handle (Heddle.spawn, or Heddle.spawnBlocking for a"
                    + " blocking call). If it waits for another task instead, use Heddle's primitives (JoinHandle,"
                    + " channels, Notify, Barrier), whose waits the simulator sees.\n" + stack(t);
        }
        return null;
    }

    /** A timed wait in JDK code that loops on the real clock ({@code realClock}, see {@link JdkTimedWaits}). */
    static String timedWaitOnRealClock(SimTask t, String realClock) {
        return "task " + t + " waits in " + realClock + ", which loops until the real System.nanoTime() passes its"
                + " deadline: the simulation parks it on virtual time, but each virtual wake-up finds the real clock"
                + " barely moved and it parks again. Run the test with Heddle's agent (-javaagent:sim-agent.jar),"
                + " which gives these JDK methods the run's virtual clock (see " + JdkTimedWaits.AGENT_PROPERTY
                + "), or use Heddle's clock (Heddle.sleep, clock.timeout). LockSupport.parkNanos and"
                + " Object.wait(timeout) need no agent.\n" + stack(t);
    }

    /** {@code t} is blocked entering {@code monitor}, which no task of the run holds. */
    static String monitorHeldOutside(SimTask t, String monitor, WaitForGraph graph) {
        return "task " + t + " is blocked entering " + monitor + ", which no task of the simulation holds: a thread"
                + " outside it does (a platform thread, another program's thread), and the JDK hands the monitor"
                + " over when that thread leaves it, at a time no seed decides. Share monitors only between"
                + " simulated tasks, or use Heddle's Mutex.\n" + stack(t) + graph;
    }

    /**
     * {@code blocked} waits to enter the monitor {@code monitor} that {@code holder} holds while
     * it is suspended at a Heddle suspension point.
     */
    static String monitorHeldAcrossSuspension(SimTask blocked, SimTask holder, String monitor, WaitForGraph graph) {
        return "task " + holder + " holds " + monitor + " (synchronized) across a suspension point, and task "
                + blocked + " is blocked entering it until " + holder + " runs again: a lock held across a"
                + " suspension point (Tokio's std Mutex held across .await). Release the monitor before suspending,"
                + " or use Heddle's Mutex.\n" + stack(holder) + graph;
    }

    /** A task as the simulator names it (and its thread): with {@code @host} on a simulated host. */
    static String taskName(Task<?> task) {
        return task.node() instanceof Incarnation i ? task + "@" + i.name() : task.toString();
    }

    static String realIo(SimTask t, String call) {
        return "task " + t + " waits on real I/O (" + call + "): its wake-up would come from the JDK's I/O"
                + " poller, outside the simulation, at a time no seed decides. Simulated code must not touch"
                + " real sockets, pipes or files that block. For sockets use dev.heddle.net (TcpStream, TcpListener,"
                + " UdpSocket), which runs on the simulated network inside a simulation and on real sockets"
                + " outside; put other I/O behind an interface with an in-memory fake over Heddle channels."
                + (t.thread != null && onJdkSocket(t.thread) ? JDK_SOCKET : "") + "\n" + stack(t);
    }

    /** What {@link #realIo} adds for a real java.net socket: how unmodified socket code gets the simulated network. */
    private static final String JDK_SOCKET = " This is a real java.net socket: a Socket or ServerSocket created in a"
            + " simulated task runs on the simulated network only in a test JVM started with"
            + " -Dheddle.simulateJdkNetwork=true and the options of dev.heddle.net.jdk.JdkNetwork.ARG_LINE (add them"
            + " to Surefire's argLine); one created outside the simulation stays real wherever it is used.";

    /** True when the thread waits in the JDK's own java.net socket implementation. */
    private static boolean onJdkSocket(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("sun.nio.ch.NioSocketImpl")) {
                return true;
            }
        }
        return false;
    }

    /** One line of {@link #foreignWakeups}: {@code caller} woke the task of {@code continuation}. */
    static String foreignWakeup(Thread caller, Runnable continuation) {
        Thread woken = VirtualThreads.threadOf(continuation);
        return outsideThread(caller) + " woke " + (woken == null ? "a virtual thread" : "'" + woken.getName() + "'");
    }

    private static final String OUTSIDE_USE = "which is not a task of this simulation, used";

    /** One line of {@link #foreignWakeups}: {@code thread}, outside the run, used the run's {@code resource}. */
    static String usedFromOutside(Thread thread, String resource) {
        return outsideThread(thread) + ", " + OUTSIDE_USE + " " + resource;
    }

    /** A thread outside the run as the lines of {@link #foreignWakeups} name it: {@code thread 'x' (platform)}. */
    private static String outsideThread(Thread thread) {
        return "thread '" + thread.getName() + "' (" + (thread.isVirtual() ? "virtual" : "platform") + ")";
    }

    /** The wake-ups from outside the simulation, one per line, and their likely cause, told by the waker's name. */
    static String foreignWakeups(Collection<String> wakeups) {
        StringBuilder sb = new StringBuilder("a task was woken from outside the simulation, so the run is no"
                + " longer determined by its seed:\n");
        for (String f : wakeups) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append("Likely cause: ");
        String all = sb.toString();
        if (all.contains(EscapedThreads.PLATFORM_THREADS_RUN_OUTSIDE)) {
            sb.append("a platform thread started from a task, named above; run its work as a Heddle task"
                    + " (Heddle.spawn, or Heddle.spawnBlocking for a blocking call).");
        } else if (all.contains(OUTSIDE_USE)) {
            sb.append("a library that does its I/O on threads of its own (the JDK's HttpClient runs its selector on"
                    + " a platform thread): give the code under test a client that does its I/O on the calling"
                    + " thread (java.net sockets, or a blocking HTTP client over them), or a fake of the service.");
        } else if (all.contains("virtual thread created outside the simulation")) {
            sb.append("a virtual thread created outside the simulation, named above; create it inside the task.");
        } else if (all.contains("VirtualThread-unparker")) {
            sb.append("Thread.sleep, LockSupport.parkNanos or a timed wait in a task; use Heddle's clock.");
        } else if (all.contains("VirtualThread-unblocker")) {
            sb.append("contended synchronized or Object.wait: a lock held across a suspension point;"
                    + " use Heddle's Mutex or Notify.");
        } else {
            sb.append("real I/O or a platform thread / executor (e.g. ForkJoinPool.commonPool, CompletableFuture"
                    + " async methods) waking a task; run that work as Heddle tasks (Heddle.spawn), and replace"
                    + " real I/O with an in-memory fake over Heddle channels.");
        }
        return sb.toString();
    }

    /**
     * A task's heading (name, id, state, what it waits on) and stack, as a {@link TaskDump} prints
     * it: reports and {@code Heddle.dump()} describe tasks alike.
     */
    static String stack(SimTask t) {
        TaskDump.Task entry = dumpEntry(t);
        if (entry == null) {
            return "  " + t.name + " (stack unavailable)\n";
        }
        return new TaskDump(List.of(entry)).toString().lines().skip(1).map(l -> l + "\n")
                .collect(Collectors.joining());
    }

    /** The tasks as a {@link TaskDump}, in creation order. */
    static TaskDump dump(Collection<SimTask> tasks) {
        List<TaskDump.Task> entries = new ArrayList<>();
        for (SimTask t : tasks) {
            TaskDump.Task entry = dumpEntry(t);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new TaskDump(entries);
    }

    /**
     * Whether {@code t} waits in a {@code java.util.concurrent} wait that is not a lock's (a latch,
     * a queue, a future: see {@link #outsideWait}), and not on real I/O.
     */
    static boolean waitsInJdkConcurrency(SimTask t) {
        return t.thread != null && realIoFrame(t.thread) == null && outsideWait(t.thread) != null;
    }

    /**
     * {@code t} as a dump shows it: a Heddle task by its name and id, with {@code @host} on a
     * simulated host; a virtual thread it started by the simulator's name and number for it. Null
     * once its thread has ended.
     */
    private static TaskDump.Task dumpEntry(SimTask t) {
        if (t.thread == null) {
            return null;
        }
        if (t.task == null) {
            // A platform thread's runner is named as the thread, then its id, which the dump adds itself.
            String threadName = t.thread.getName();
            return TaskDumper.describe(t.id, t.name.equals(threadName + "#" + t.id) ? threadName : t.name, t.thread);
        }
        String name = t.incarnation == null ? t.task.name() : t.task.name() + "@" + t.incarnation.name();
        return TaskDumper.describe(t.task.id(), name, t.thread);
    }

    private static String taskList(Collection<SimTask> tasks, boolean withStacks) {
        if (withStacks) {
            return dump(tasks).toString();
        }
        StringBuilder sb = new StringBuilder();
        for (SimTask t : tasks) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.toString();
    }

    /** The JDK call through which the thread waits on real I/O (a socket or pipe), or null when it does not. */
    static String realIoFrame(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals("sun.nio.ch.Poller")) {
                StackTraceElement call = frames[i];
                for (int j = i + 1; j < frames.length && HeldLocks.isPlatformClass(frames[j].getClassName()); j++) {
                    call = frames[j];
                }
                return call.getClassName() + "." + call.getMethodName();
            }
        }
        return null;
    }

    /**
     * The JDK call and the line of user code at which the thread parks in a
     * {@code java.util.concurrent} wait that is not Heddle's ({@code CompletableFuture.join},
     * {@code Future.get}, a latch), or null when it waits on Heddle, on a lock or condition of
     * {@code java.util.concurrent.locks} (which tasks release), or not there.
     */
    private static String outsideWait(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        int i = 0;
        while (i < frames.length && !frames[i].getClassName().equals("java.util.concurrent.locks.LockSupport")) {
            i++;
        }
        StackTraceElement call = null;
        for (; i < frames.length; i++) {
            String c = frames[i].getClassName();
            if (c.equals("java.util.concurrent.locks.LockSupport")) {
                continue;
            }
            if (c.startsWith("java.util.concurrent.")) {
                call = frames[i];
            } else if (!HeldLocks.isPlatformClass(c)) {
                // A lock or condition of java.util.concurrent.locks is released and signalled by tasks, on the carrier.
                return call == null || call.getClassName().startsWith("java.util.concurrent.locks.") ? null
                        : call.getClassName() + "." + call.getMethodName() + " (at " + frames[i] + ")";
            }
        }
        return null;
    }
}
