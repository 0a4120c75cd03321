package dev.heddle.sim;

import dev.heddle.runtime.Carrier;
import dev.heddle.runtime.Suspension;
import dev.heddle.runtime.Task;
import dev.heddle.runtime.VirtualThreads;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.VirtualTimeDriver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;

/**
 * The simulation's carrier: one thread runs every task, one step at a time, in the order
 * {@link ReadyTasks} picks, with virtual time that jumps to the next timer when no task is
 * ready. It also watches for what would break determinism (wake-ups from outside the
 * simulation) and for runs that cannot finish (deadlock, busy loops, endless time).
 */
final class Simulator implements Carrier, Suspension.Watcher {
    private static final int RECENT_STEPS = 1024;

    private final Simulation config;
    private final long seed;
    private final Trace trace;
    private final Decisions decisions;
    private final VirtualTimeDriver time;
    private final Thread carrier;

    private final IdentityHashMap<Runnable, SimTask> byContinuation = new IdentityHashMap<>();
    /** Tasks whose virtual thread has not terminated, in creation order. */
    private final Map<Long, SimTask> alive = new LinkedHashMap<>();
    private final ReadyTasks ready;
    /** Submissions from threads outside the simulation; the only structure touched from other threads. */
    private final ConcurrentLinkedQueue<String> foreign = new ConcurrentLinkedQueue<>();
    /** The thread of the task in its step, read by foreign threads only to tell they are foreign. */
    private volatile Thread runningThread;
    private volatile SimTask running;
    private final Map<Task<?>, SimTask> byTask = new IdentityHashMap<>();

    private long nextId = 1;
    private long steps;
    /** Watchdog bookkeeping, touched only by the watchdog thread: the step last seen and for how many samples. */
    private long watchedStep = -1;
    private long watchedSamples;
    private boolean stuckReported;
    private final long[] recentSteps = new long[RECENT_STEPS];
    private final List<Task<?>> failedTasks = new ArrayList<>();
    /** Suspensions of tasks so far, counted for sampling the lock-held check. */
    private long suspensions;
    /** Locks already warned about under {@link LockHeldPolicy#WARN}, so that each is reported once per run. */
    private final Set<String> warnedLocks = new HashSet<>();
    private SimulationFailure failure;
    private boolean tearingDown;

    Simulator(Simulation config, long seed, Trace trace) {
        this.config = config;
        this.seed = seed;
        this.trace = trace;
        this.decisions = new Decisions(seed, trace);
        this.ready = ReadyTasks.of(config, decisions);
        this.time = new VirtualTimeDriver(config.epoch());
        this.carrier = Thread.currentThread();
    }

    // ---- the carrier ----

    @Override
    public void execute(Runnable continuation) {
        Thread caller = Thread.currentThread();
        if (caller != carrier && caller != runningThread) {
            foreign.add("thread '" + caller.getName() + "' (" + (caller.isVirtual() ? "virtual" : "platform")
                    + ") woke " + describeForeign(continuation));
            return;
        }
        SimTask t = byContinuation.get(continuation);
        if (t == null) {
            t = adopt(continuation);
        }
        ready.wake(t, running);
        trace.record(Trace.Event.WAKE, t.id, 0);
    }

    @Override
    public void taskSpawned(Task<?> task) {
        Thread caller = Thread.currentThread();
        if (caller != carrier && caller != runningThread) {
            throw new IllegalStateException("task " + task + " is spawned into the simulation from thread '"
                    + caller.getName() + "', which is outside it; spawn from a simulated task instead");
        }
        Thread thread = task.thread();
        // The runtime names the thread without the id; reports of foreign wake-ups read thread names.
        thread.setName(task.toString());
        SimTask t = register(task.toString(), thread, VirtualThreads.continuationOf(thread), task);
        byTask.put(task, t);
    }

    @Override
    public void taskEnded(Task<?> task) {
        SimTask t = byTask.remove(task);
        trace.record(Trace.Event.END, t == null ? 0 : t.id, task.state().ordinal());
        if (task.state() == Task.State.FAILED && !tearingDown) {
            failedTasks.add(task);
            if (task.failure() instanceof AssertionError) {
                fail(FailureKind.TASK_FAILED, "task " + task + " failed: " + task.failure(), task.failure());
            }
        }
    }

    @Override
    public TimeDriver time() {
        return time;
    }

    @Override
    public RandomGenerator random() {
        return decisions.user();
    }

    @Override
    public int selectStart(int branches) {
        int first = decisions.selectStart(branches);
        trace.record(Trace.Event.SELECT, branches, first);
        return first;
    }

    @Override
    public boolean simulatesBlocking() {
        return true;
    }

    /**
     * Runs steps until {@code root} has ended. Throws the run's {@link SimulationFailure}
     * as soon as there is one.
     */
    @Override
    public void drive(Task<?> root) {
        if (Thread.currentThread() != carrier) {
            throw new IllegalStateException("a simulation must be driven by the thread that created it, "
                    + carrier.getName() + ", not " + Thread.currentThread().getName());
        }
        StuckStepWatchdog.watch(this);
        try {
            loop(root);
        } finally {
            StuckStepWatchdog.unwatch(this);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void loop(Task<?> root) {
        while (failure == null && !root.isDone()) {
            if (!foreign.isEmpty()) {
                fail(FailureKind.FOREIGN_WAKEUP, foreignReport(), null);
            } else if (!ready.isEmpty()) {
                step();
            } else if (time.hasTimers()) {
                advanceTime();
            } else {
                noProgress();
            }
        }
    }

    /**
     * Called about once a second by the watchdog thread: a report once the same step has run
     * for {@code seconds} samples, else null. Reads the carrier's fields without locking; a
     * stale read only delays the report.
     */
    String stuckStepReport(long seconds) {
        SimTask t = running;
        long step = steps;
        if (t == null || step != watchedStep) {
            watchedStep = step;
            watchedSamples = 0;
            return null;
        }
        if (++watchedSamples < seconds || stuckReported) {
            return null;
        }
        stuckReported = true;
        return Simulation.seedText(seed) + " STUCK: task " + t + " has run for " + seconds + " s without reaching a"
                + " suspension point. One carrier runs every task, so a loop that never suspends (Heddle.yieldNow,"
                + " sleep, a channel or lock wait) hangs the whole simulation. It is at:\n" + stack(t)
                + "rerun: " + config.rerunCommand(seed);
    }

    @Override
    public void close() {}

    /**
     * Looks for locks the task holds as it suspends (on the task's thread), per {@link LockHeldPolicy}.
     * The search walks the live stack, about 20 microseconds, as long as a whole step of a small
     * test; searching at every suspension tripled the cost of such a run. So a run searches at
     * the suspensions {@link Decisions#checkLocksAt} draws: a dozen in a run of a thousand, at
     * places that differ from seed to seed, so that a lock held at any suspension point that
     * seeds reach is found over a sweep.
     */
    @Override
    public void suspending(Task<?> task) {
        LockHeldPolicy policy = config.lockHeldPolicy();
        if (policy == LockHeldPolicy.IGNORE || tearingDown || !decisions.checkLocksAt(++suspensions)) {
            return;
        }
        HeldLocks.Found found = HeldLocks.ofCurrentThread();
        if (found.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("task " + task + " suspends while holding ");
        report.append(String.join(" and ", found.locks())).append(": every task that needs it is stuck until this"
                + " one runs again, and a contended monitor is woken from outside the simulation. Release it before"
                + " the suspension point, or use Heddle's Mutex, which may be held across one.\n");
        for (StackTraceElement e : found.stack()) {
            if (!e.getClassName().startsWith("dev.heddle.sim.") && !e.getClassName().startsWith("java.lang.")
                    && !e.getClassName().startsWith("jdk.internal.")) {
                report.append("      at ").append(e).append('\n');
            }
        }
        if (policy == LockHeldPolicy.FAIL) {
            fail(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, report.toString(), null);
        } else if (warnedLocks.add(found.locks().toString())) {
            System.err.println("heddle: warning: " + Simulation.seedText(seed) + " " + report);
        }
    }

    // ---- steps and time ----

    private void step() {
        steps++;
        if (steps > config.maxSteps() && !tearingDown) {
            fail(FailureKind.STEP_BUDGET_EXCEEDED, busyLoopReport(), null);
            return;
        }
        SimTask t = ready.next(steps);
        recentSteps[(int) (steps % RECENT_STEPS)] = t.id;
        trace.record(Trace.Event.STEP, t.id, 1 + ready.actingWorker());
        running = t;
        runningThread = t.thread;
        try {
            t.continuation.run();
        } finally {
            runningThread = null;
            running = null;
        }
        afterStep(t);
    }

    /** Looks at how the step ended: finished, parked on Heddle, or waiting on something outside. */
    private void afterStep(SimTask t) {
        if (t.thread == null) {
            return;
        }
        switch (t.thread.getState()) {
            case TERMINATED -> {
                byContinuation.remove(t.continuation);
                alive.remove(t.id);
            }
            case TIMED_WAITING -> {
                if (!tearingDown) {
                    fail(FailureKind.FOREIGN_WAKEUP, timedParkReport(t), null);
                }
            }
            case BLOCKED -> {
                if (!tearingDown) {
                    fail(FailureKind.FOREIGN_WAKEUP, monitorReport(t), null);
                }
            }
            default -> { }
        }
    }

    private void advanceTime() {
        long next = time.nextDeadline();
        if (next > config.maxTime() && !tearingDown) {
            fail(FailureKind.TIME_BUDGET_EXCEEDED, "virtual time would pass the budget of "
                    + config.maxTime() / 1_000_000 + " ms (next timer at " + next / 1_000_000 + " ms) after "
                    + steps + " steps; tasks alive:\n" + taskList(false), null);
            return;
        }
        int fired = time.advanceToNextDeadline();
        trace.record(Trace.Event.ADVANCE, time.now(), fired);
    }

    /** Nothing is ready and no timer is pending: a deadlock, unless a task waits on something outside. */
    private void noProgress() {
        for (SimTask t : alive.values()) {
            Thread.State state = t.thread == null ? Thread.State.WAITING : t.thread.getState();
            if (state == Thread.State.TIMED_WAITING) {
                fail(FailureKind.FOREIGN_WAKEUP, timedParkReport(t), null);
                return;
            }
            if (state == Thread.State.BLOCKED) {
                fail(FailureKind.FOREIGN_WAKEUP, monitorReport(t), null);
                return;
            }
            String io = t.thread == null ? null : realIoFrame(t.thread);
            if (io != null) {
                fail(FailureKind.FOREIGN_WAKEUP, realIoReport(t, io), null);
                return;
            }
            if (t.thread != null && inObjectWait(t.thread)) {
                fail(FailureKind.FOREIGN_WAKEUP, "task " + t + " waits in Object.wait(): on JDK 24+ its wake-up"
                        + " comes from the JDK's 'VirtualThread-unblocker' thread, outside the simulation."
                        + " Use Heddle's Notify, Mutex or channels instead of wait/notify.\n"
                        + stack(t), null);
                return;
            }
        }
        fail(FailureKind.DEADLOCK, "no task can run, no timer is pending, and the main task has not finished"
                + " (after " + steps + " steps, at " + time.now() / 1_000_000 + " ms virtual time). Blocked tasks:\n"
                + taskList(true), null);
    }

    // ---- tasks ----

    private SimTask register(String name, Thread thread, Runnable continuation, Task<?> task) {
        long id = nextId++;
        SimTask t = new SimTask(id, name, thread, continuation, task);
        byContinuation.put(continuation, t);
        alive.put(id, t);
        ready.created(t);
        trace.name(id, name);
        trace.record(Trace.Event.SPAWN, id, running == null ? 0 : running.id);
        return t;
    }

    /** A virtual thread a task started with the JDK's API: it inherited this carrier, so it joins the run. */
    private SimTask adopt(Runnable continuation) {
        Thread thread = VirtualThreads.threadOf(continuation);
        String parent = running == null ? "the simulation" : running.name;
        String name = "virtual-thread-of-" + parent + "-" + nextId;
        if (thread != null) {
            thread.setName(name);
        }
        return register(name, thread, continuation, null);
    }

    /** Cancels every task still alive and runs them until they end (their finally blocks run). */
    void teardown(long stepLimit) {
        tearingDown = true;
        foreign.clear();
        SimulationFailure kept = failure;
        failure = null;
        for (SimTask t : new ArrayList<>(alive.values())) {
            if (t.task != null) {
                t.task.cancel();
            }
        }
        long limit = steps + stepLimit;
        while (!alive.isEmpty() && steps < limit && foreign.isEmpty()) {
            if (!ready.isEmpty()) {
                step();
            } else if (time.hasTimers()) {
                int fired = time.advanceToNextDeadline();
                trace.record(Trace.Event.ADVANCE, time.now(), fired);
            } else {
                break;
            }
        }
        failure = kept;
    }

    List<Task<?>> unobservedFailures() {
        List<Task<?>> unobserved = new ArrayList<>();
        for (Task<?> t : failedTasks) {
            if (!t.isOutcomeObserved()) {
                unobserved.add(t);
            }
        }
        return unobserved;
    }

    List<SimTask> aliveTasks() {
        return new ArrayList<>(alive.values());
    }

    long steps() {
        return steps;
    }

    long virtualTime() {
        return time.now();
    }

    long spawned() {
        return nextId - 1;
    }

    SimulationFailure failure() {
        return failure;
    }

    void fail(FailureKind kind, String details, Throwable cause) {
        if (failure == null) {
            failure = new SimulationFailure(seed, kind, details, config.rerunCommand(seed), trace.hash(), cause);
        }
    }

    // ---- reports ----

    private String busyLoopReport() {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (long id : recentSteps) {
            counts.merge(id, 1, Integer::sum);
        }
        long top = 0;
        int topCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        SimTask t = alive.get(top);
        return "the run took more than " + config.maxSteps() + " steps, a busy loop or a livelock. "
                + (t == null ? "" : "Task " + t + " took " + topCount + " of the last " + RECENT_STEPS
                + " steps; it is at:\n" + stack(t))
                + "Raise the budget with maxSteps if the run is just long.";
    }

    /** A timed wait, unless it is a real socket's or pipe's timed read, which is reported as real I/O. */
    private String timedParkReport(SimTask t) {
        String io = t.thread == null ? null : realIoFrame(t.thread);
        if (io != null) {
            return realIoReport(t, io);
        }
        return "task " + t + " waits with a timeout outside Heddle (Thread.sleep, LockSupport.parkNanos or a"
                + " timed wait): its wake-up would come from the JDK's 'VirtualThread-unparker' thread in real"
                + " time. Use Heddle's clock instead (Heddle.sleep, clock.sleep, clock.timeout).\n" + stack(t);
    }

    private String realIoReport(SimTask t, String call) {
        return "task " + t + " waits on real I/O (" + call + "): its wake-up would come from the JDK's I/O"
                + " poller, outside the simulation, at a time no seed decides. Simulated code must not touch"
                + " real sockets, pipes or files that block: use Heddle's simulated network (the net API),"
                + " or an in-memory fake behind a channel.\n" + stack(t);
    }

    private String monitorReport(SimTask t) {
        return "task " + t + " is blocked entering a synchronized monitor held by another task that suspended"
                + " inside it (a lock held across a suspension point): its wake-up would come from the JDK's"
                + " 'VirtualThread-unblocker' thread. Release the monitor before suspending, or use Heddle's"
                + " Mutex.\n" + stack(t);
    }

    private String foreignReport() {
        StringBuilder sb = new StringBuilder("a task was woken from outside the simulation, so the run is no"
                + " longer determined by its seed:\n");
        for (String f : foreign) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append("Likely cause: ");
        String all = sb.toString();
        if (all.contains("VirtualThread-unparker")) {
            sb.append("Thread.sleep, LockSupport.parkNanos or a timed wait in a task; use Heddle's clock.");
        } else if (all.contains("VirtualThread-unblocker")) {
            sb.append("contended synchronized or Object.wait: a lock held across a suspension point;"
                    + " use Heddle's Mutex or Notify.");
        } else {
            sb.append("real I/O or a platform thread / executor (e.g. ForkJoinPool.commonPool, CompletableFuture"
                    + " async methods) waking a task; use the Heddle net API and Heddle tasks.");
        }
        return sb.toString();
    }

    private String describeForeign(Runnable continuation) {
        Thread t = VirtualThreads.threadOf(continuation);
        return t == null ? "a virtual thread" : "'" + t.getName() + "'";
    }

    private String taskList(boolean withStacks) {
        StringBuilder sb = new StringBuilder();
        for (SimTask t : alive.values()) {
            if (withStacks) {
                sb.append(stack(t));
            } else {
                sb.append("  ").append(t).append('\n');
            }
        }
        return sb.toString();
    }

    /** The JDK call through which the thread waits on real I/O (a socket or pipe), or null when it does not. */
    private static String realIoFrame(Thread thread) {
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

    private static boolean inObjectWait(Thread thread) {
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getClassName().equals("java.lang.Object") && e.getMethodName().startsWith("wait")) {
                return true;
            }
        }
        return false;
    }

    /** A task's name, state and stack, trimmed to the frames that say where it waits. */
    static String stack(SimTask t) {
        StringBuilder sb = new StringBuilder("  ").append(t.name);
        if (t.thread == null) {
            return sb.append(" (stack unavailable)\n").toString();
        }
        sb.append(" (").append(t.thread.getState()).append(")\n");
        StackTraceElement[] frames = t.thread.getStackTrace();
        int shown = 0;
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if (c.startsWith("java.lang.VirtualThread") || c.startsWith("jdk.internal.vm.")
                    || c.equals("java.lang.System$1") || c.equals("dev.heddle.runtime.Task")
                    || c.startsWith("java.lang.ScopedValue") || c.equals("dev.heddle.sim.Simulation")) {
                continue;
            }
            sb.append("      at ").append(f).append('\n');
            if (++shown == 25) {
                sb.append("      ...\n");
                break;
            }
        }
        return sb.toString();
    }
}
