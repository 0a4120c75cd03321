package dev.heddle.sim;

import dev.heddle.runtime.internal.Carrier;
import dev.heddle.runtime.internal.Node;
import dev.heddle.runtime.internal.SpawnSite;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.ThreadOrigin;
import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.sim.instrument.SchedulingPoints;
import dev.heddle.sim.instrument.SimulatedJdkCalls;
import dev.heddle.time.TimeDriver;
import dev.heddle.time.VirtualTimeDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.random.RandomGenerator;

/**
 * The simulation's carrier: one thread runs every task, one step at a time, in the order
 * {@link ReadyTasks} picks, with virtual time that jumps to the next timer when no task is
 * ready. A task picked while its simulated host is paused is held by {@link Hosts} instead of
 * run, so that time goes on without it. It also watches for what would break determinism
 * (wake-ups from outside the simulation) and for runs that cannot finish (deadlock, busy loops,
 * endless time); what it then tells the user is written in {@link FailureReports}.
 *
 * <p>What is not the loop's decision lives beside it: the run's tasks ({@link SimTasks}), their
 * threads and schedulers ({@link TaskThreads}), the JDK's timed parks on virtual time
 * ({@link JdkParkTimers}), the checks that may fail a step ({@link JdkWaitChecks},
 * {@link LockHeldChecks}), the agent's JDK calls ({@link SimulatorJdkCalls}) and time the test
 * moves ({@link SimTime}).
 */
final class Simulator implements Carrier, Suspension.Watcher, SimulatedJdkCalls.Source {
    private static final int RECENT_STEPS = 1024;

    private final Simulation config;
    private final long seed;
    private final Trace trace;
    private final Decisions decisions;
    private final ReadyTasks ready;
    private final VirtualTimeDriver time;
    private final Hosts hosts;
    private final SimContext context;
    private final Faults faults;
    private final BuggifySites buggify;
    /** Null unless the run has {@link Simulation#spuriousWakeups} on. */
    private final SpuriousWakeups spurious;
    private final EscapedThreads escaped = new EscapedThreads();
    private final PlatformThreadTasks platformThreads = new PlatformThreadTasks();
    private final Thread carrier;
    /** The scheduling points of instrumented code, when the run has them on; else null. */
    private final InterleavingPoints points;
    private final TaskThreads threads = new TaskThreads(this);
    private final SimTasks tasks = new SimTasks();
    /** Wake-ups from threads outside the simulation; the only structure touched from other threads. */
    private final ConcurrentLinkedQueue<String> foreign = new ConcurrentLinkedQueue<>();
    /** The thread of the task in its step, read by foreign threads only to tell they are foreign. */
    private volatile Thread runningThread;
    private volatile SimTask running;

    private long steps;
    /** The task of each of the last steps, for naming a busy loop. */
    private final long[] recentSteps = new long[RECENT_STEPS];
    private final LockHeldChecks lockHeld;
    /** The checks of a step that ended waiting in the JDK, in {@link #afterStep}. */
    private final JdkWaitChecks jdkWaits;
    /** What the run does at the JDK calls the agent stands in for. */
    private final SimulatorJdkCalls jdkCalls;
    private SimulationFailure failure;
    /** The main task, named when it fails. */
    private SimTask root;
    private boolean tearingDown;
    /** Virtual time as the test controls it: {@link SimTime#pauseAutoAdvance} stops the loop's jumps. */
    private final SimTime simTime;
    /** The tasks that wait for a monitor, and the JDK's hand-offs of monitors to them. */
    private final MonitorHandOffs handOffs = new MonitorHandOffs();
    /** The virtual timers of the JDK's timed parks among the run's timers, for {@link #teardown}. */
    private final JdkParkTimers parkTimers;

    /** A run of {@code seed}; {@code replay}, when not null, is the decision log it follows. */
    Simulator(Simulation config, long seed, Trace trace, DecisionReplay replay) {
        this.config = config;
        this.seed = seed;
        this.trace = trace;
        this.decisions = new Decisions(seed, trace, replay);
        RunConfiguration run = config.configuration();
        this.ready = ReadyTasks.of(run, decisions);
        this.time = new VirtualTimeDriver(config.epoch());
        trace.runBy(this);
        this.parkTimers = new JdkParkTimers(this, time);
        this.simTime = new SimTime(this, time, trace, config);
        this.hosts = new Hosts(this, config, decisions, trace);
        this.faults = new Faults(trace);
        SwarmProfile swarm = config.swarm() ? new SwarmProfile(decisions::swarmKind, trace) : null;
        this.buggify = new BuggifySites(config.buggifyProbability(), decisions.buggify(), swarm, faults, trace);
        this.context = new SimContext(this, decisions, trace, faults, swarm);
        if (config.buggifySet()) {
            buggify.on();
        }
        this.spurious = run.spuriousWakeups() ? new SpuriousWakeups(decisions.spuriousWakeups(), trace) : null;
        this.lockHeld = new LockHeldChecks(this, config, decisions, seed);
        this.jdkWaits = new JdkWaitChecks(this, lockHeld);
        this.jdkCalls = new SimulatorJdkCalls(this, platformThreads, escaped, spurious, lockHeld);
        this.carrier = Thread.currentThread();
        this.points = config.schedulingPoints()
                ? InterleavingPoints.start(this, ready, trace, config.maxSteps())
                : null;
        ThreadOrigin.enter(this);
        VirtualJdkClock.install();
    }

    // ---- the loop ----

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
        this.root = tasks.of(root);
        loop(root);
        if (failure != null) {
            throw failure;
        }
    }

    /** See {@link SimContext#usedFromOutside}: a foreign thread's use, reported as a foreign wake-up is. */
    void usedFromOutside(Thread thread, String resource) {
        foreign.add(FailureReports.usedFromOutside(thread, resource));
    }

    private void loop(Task<?> root) {
        while (failure == null && !root.isDone()) {
            if (!foreign.isEmpty()) {
                fail(FailureKind.FOREIGN_WAKEUP, FailureReports.foreignWakeups(foreign), null);
            } else if (!ready.isEmpty()) {
                step();
            } else if (time.hasTimers() && !simTime.isAutoAdvancePaused()) {
                advanceTime();
            } else {
                noProgress();
            }
        }
    }

    /** Runs the next ready task for one step, unless its host is paused: then it is only held. */
    private void step() {
        if (steps >= config.maxSteps() && !tearingDown) {
            Map<Long, SimTask> alive = tasks.aliveById();
            SimTask busy = FailureReports.busiest(recentSteps, alive);
            fail(FailureKind.STEP_BUDGET_EXCEEDED, FailureReports.busyLoop(config.maxSteps(), recentSteps, alive), null,
                    busy == null ? null : busy.name, null);
            return;
        }
        if (spurious != null && !tearingDown) {
            spurious.beforeStep();
        }
        SimTask t = points == null ? null : points.takeChosen();
        if (t == null) {
            t = ready.next(steps + 1);
        }
        if (hosts.hold(t)) {
            return;
        }
        if (spurious != null) {
            spurious.running(t);
        }
        t.suspendedInHeddle = false;
        countStep(t);
        running = t;
        runningThread = t.thread;
        trace.inStep(true);
        try {
            t.continuation.run();
        } finally {
            trace.inStep(false);
            runningThread = null;
            running = null;
        }
        afterStep(t);
        if (handOffs.anyWaiting()) {
            settleHandOffs();
        }
    }

    /** Looks at how the step ended: finished, parked on Heddle, or waiting on something outside. */
    private void afterStep(SimTask t) {
        if (t.thread == null) {
            return;
        }
        if (trace.wantsStepSite(steps)) {
            trace.stepSite(steps, t);
        }
        switch (t.thread.getState()) {
            case TERMINATED -> {
                tasks.terminated(t);
            }
            case TIMED_WAITING -> {
                if (!tearingDown) {
                    jdkWaits.timedWait(t);
                }
            }
            case BLOCKED -> {
                if (!tearingDown) {
                    jdkWaits.monitorEntry(t, tasks.alive());
                }
            }
            case WAITING -> {
                if (spurious != null) {
                    spurious.stepEnded(t, t.suspendedInHeddle);
                }
            }
            default -> { }
        }
        if (t.thread.isVirtual() && VirtualThreads.waitsForMonitor(t.thread)) {
            handOffs.waits(t);
        } else {
            handOffs.waitsNoMore(t);
        }
    }

    /**
     * After a step, waits for the JDK's hand-offs of monitors that steps so far made (see
     * {@link MonitorHandOffs}) and makes the tasks they woke ready, in task order.
     */
    private void settleHandOffs() {
        List<MonitorHandOffs.HandOff> woken = handOffs.settle(tasks.alive());
        if (woken == null) {
            fail(FailureKind.STUCK, handOffs.timeoutReport(), null);
            return;
        }
        for (MonitorHandOffs.HandOff h : woken) {
            if (h.task() == null) {
                foreign.add("the JDK's '" + MonitorHandOffs.UNBLOCKER + "' thread resubmitted a virtual thread"
                        + " that waited for no monitor in this run");
            } else {
                admit(h.task(), h.worker());
            }
        }
    }

    private void advanceTime() {
        long next = time.nextDeadline();
        if (next > config.maxTime() && !tearingDown) {
            fail(FailureKind.TIME_BUDGET_EXCEEDED,
                    FailureReports.timeBudget(config.maxTime(), next, steps, tasks.alive()), null);
            return;
        }
        int fired = time.advanceToNextDeadline();
        trace.record(Trace.Event.ADVANCE, time.now(), fired);
    }

    /**
     * Nothing is ready and no timer is pending, or timers are but the test paused auto-advance:
     * a deadlock, unless a task waits on something outside.
     */
    private void noProgress() {
        boolean adoptedAlive = tasks.alive().stream().anyMatch(t -> t.task == null);
        WaitForGraph graph = null;
        boolean waitsOnTheRunsThreads = false;
        for (SimTask t : tasks.alive()) {
            if (EscapedThreads.joinsThreadOfTheRun(t, adoptedAlive)) {
                continue;
            }
            if (waitsOnTheRunsThreads(t)) {
                waitsOnTheRunsThreads = true;
                continue;
            }
            String outside = escaped.waitsForEscaped(t, adoptedAlive);
            if (outside == null) {
                outside = FailureReports.wokenFromOutside(t);
                outside = outside == null ? null : outside + escaped.note();
            }
            if (outside != null) {
                // A wait that looks like one for work handed outside (a Future.get) may be for a task of the run.
                graph = graph == null ? WaitForGraphBuilder.of(tasks.alive()) : graph;
                WaitForGraph.Wait wait = graph.waitOf(t.name);
                if (wait != null && !wait.heldBy().isEmpty()) {
                    continue;
                }
                fail(FailureKind.FOREIGN_WAKEUP, outside, null, t.name, null);
                return;
            }
        }
        graph = graph == null ? waitForGraph() : graph;
        if (time.hasTimers()) {
            fail(FailureKind.DEADLOCK, FailureReports.autoAdvancePaused(steps, time.now(), time.nextDeadline(),
                    tasks.alive()), null, null, graph);
            return;
        }
        fail(FailureKind.DEADLOCK, FailureReports.deadlock(steps, time.now(), tasks.alive(), hosts.pausedReport(),
                graph) + escaped.note() + (waitsOnTheRunsThreads ? EscapedThreads.UNSEEN_THREADS : ""), null, null,
                graph);
    }

    /**
     * Whether {@code t} waits in a {@code java.util.concurrent} wait (a latch, a queue, a future)
     * for the run's own threads: under the agent, which runs the platform threads and pools that
     * instrumented code starts as tasks, and when none of this run's threads escaped it. Nothing
     * outside the run was then handed the work, and a wait no task can end is a deadlock, not a
     * wake-up to come from outside.
     */
    private boolean waitsOnTheRunsThreads(SimTask t) {
        return SchedulingPoints.instrumentedPackages() != null && escaped.noneEscaped()
                && FailureReports.waitsInJdkConcurrency(t);
    }

    /**
     * Who waits for whom among the alive tasks. A replay, which only notes where its steps left
     * their tasks for the first run's report, skips it: reading every task's frames costs as
     * much as the run.
     */
    private WaitForGraph waitForGraph() {
        return trace.isReplay() ? new WaitForGraph(List.of(), List.of()) : WaitForGraphBuilder.of(tasks.alive());
    }

    /**
     * After the main task has returned: runs the tasks that are ready until none is, without
     * moving time, so that a task spawned and never joined still runs until it waits, and a
     * failure in it is seen instead of passing unnoticed.
     */
    void runReadyTasks() {
        while (failure == null && !ready.isEmpty() && foreign.isEmpty()) {
            step();
        }
        if (failure == null && !foreign.isEmpty()) {
            fail(FailureKind.FOREIGN_WAKEUP, FailureReports.foreignWakeups(foreign), null);
        }
    }

    /**
     * Cancels every task still alive and runs them until they end (their finally blocks run),
     * moving time while any of Heddle's own timers is pending, not for the JDK's timed parks alone.
     */
    void teardown(long stepLimit) {
        tearingDown = true;
        foreign.clear();
        hosts.stopHolding();
        SimulationFailure kept = failure;
        failure = null;
        for (SimTask t : new ArrayList<>(tasks.alive())) {
            if (t.task != null) {
                t.task.cancel();
            }
        }
        long limit = steps + stepLimit;
        while (!tasks.alive().isEmpty() && steps < limit && foreign.isEmpty()) {
            if (!ready.isEmpty()) {
                step();
            } else if (time.pendingTimers() > parkTimers.pending()) {
                // Only Heddle's timers: a task in a JDK timed wait cannot see its cancellation, and a loop
                // of such waits would go on for as long as time is moved.
                int fired = time.advanceToNextDeadline();
                trace.record(Trace.Event.ADVANCE, time.now(), fired);
            } else {
                break;
            }
        }
        failure = kept;
    }

    // ---- what the runtime tells its carrier ----

    @Override
    public void execute(Runnable continuation) {
        submitted(continuation, -1);
    }

    /** The JDK's scheduler for the run's virtual threads: see {@link VirtualThreadScheduler}. */
    @Override
    public Executor virtualThreadScheduler() {
        return threads.scheduler();
    }

    /**
     * A wake-up of a thread pinned to logical worker {@code worker}, or of any thread when -1. One
     * from the JDK's unblocker (a monitor handed over) waits for the end of the step, see
     * {@link #settleHandOffs}; one from any other thread outside the run is a foreign wake-up.
     */
    void submitted(Runnable continuation, int worker) {
        Thread caller = Thread.currentThread();
        if (!inRun(caller)) {
            if (MonitorHandOffs.isUnblocker(caller)) {
                handOffs.arrived(continuation, worker);
                return;
            }
            foreign.add(FailureReports.foreignWakeup(caller, continuation)
                    + escaped.foreignWaker(caller, VirtualThreads.threadOf(continuation), this));
            return;
        }
        SimTask t = tasks.of(continuation);
        if (t == null) {
            t = adopt(continuation);
        }
        admit(t, worker);
    }

    /** Makes {@code t} ready, on logical worker {@code worker} when not -1; on the simulator's thread. */
    private void admit(SimTask t, int worker) {
        if (spurious != null) {
            spurious.woken(t);
        }
        if (points != null && points.absorbsWake(t)) {
            return;
        }
        if (worker >= 0) {
            t.pinnedWorker = worker;
        }
        ready.wake(t, running);
        trace.record(Trace.Event.WAKE, t.id, 0);
    }

    /**
     * Threads pinned to logical worker {@code worker} ({@link TaskThreads#pinnedTo}); without
     * logical workers, one pool holds every task and none moves between threads, so the runtime's
     * usual threads serve.
     */
    @Override
    public ThreadFactory localThreads(ThreadFactory runtimeThreads, int worker) {
        return ready.actingWorker() < 0 ? runtimeThreads : threads.pinnedTo(worker);
    }

    /** The runtime's threads, told from user code's: see {@link #threadCreated}. */
    @Override
    public ThreadFactory taskThreads(ThreadFactory runtimeThreads) {
        return threads.ofRuntime(runtimeThreads);
    }

    /**
     * User code in the running step constructs a thread ({@link ThreadOrigin}): a platform one is
     * noted by {@link EscapedThreads}. The runtime's own spawns are let through at once, as are
     * threads a platform thread creates (they keep its origin).
     */
    @Override
    public ThreadOrigin threadCreated(ThreadOrigin parent) {
        if (threads.spawningTask() || parent.isPlatformThread() || Thread.currentThread() != runningThread) {
            return parent;
        }
        return escaped.created(parent, this, running);
    }

    /**
     * With logical workers the step goes on holding its worker, the worker's LIFO task made
     * stealable as Tokio does; a simulation of the current-thread runtime (one pool) refuses,
     * as Tokio's current-thread runtime does.
     */
    @Override
    public boolean blockInPlace() {
        if (ready.actingWorker() < 0) {
            return false;
        }
        ready.blockInPlace();
        return true;
    }

    /** The logical worker of the running step; 0 without logical workers, the one pool acting as one worker. */
    @Override
    public int workerIndex() {
        return Math.max(0, ready.actingWorker());
    }

    @Override
    public void taskSpawned(Task<?> task) {
        Thread caller = Thread.currentThread();
        if (!inRun(caller)) {
            throw new IllegalStateException("task " + task + " is spawned into the simulation from thread '"
                    + caller.getName() + "', which is outside it; spawn from a simulated task instead");
        }
        Thread thread = task.thread();
        Incarnation incarnation = task.node() instanceof Incarnation i ? i : null;
        String name = incarnation == null ? task.toString() : task + "@" + incarnation.name();
        // The runtime names the thread without the id; reports of foreign wake-ups read thread names.
        thread.setName(name);
        register(name, thread, VirtualThreads.continuationOf(thread), task, incarnation);
        if (incarnation != null && !incarnation.isAlive()) {
            // A crashed host refuses new tasks, as Tokio's shut-down runtime does: it ends cancelled, unrun.
            task.cancel();
        }
    }

    @Override
    public void taskEnded(Task<?> task) {
        SimTask t = tasks.ended(task);
        trace.record(Trace.Event.END, t == null ? 0 : t.id, task.state().ordinal());
        if (t != null) {
            decisions.taskEnded(t);
        }
        boolean ofCrashedHost = t != null && t.incarnation != null && !t.incarnation.isAlive();
        if (task.state() == Task.State.FAILED && !tearingDown && !ofCrashedHost) {
            tasks.failed(task);
            if (task.failure() instanceof AssertionError) {
                fail(FailureKind.TASK_FAILED, "task " + FailureReports.task(task) + " failed: " + task.failure(),
                        task.failure(), t == null ? null : t.name, null);
            }
        }
    }

    /**
     * Looks for locks the task holds as it suspends (on the task's thread), see {@link LockHeldChecks}.
     * {@code task} is null in a virtual thread the run adopted.
     */
    @Override
    public void suspending(Task<?> task) {
        if (Thread.currentThread() != runningThread) {
            return;
        }
        running.suspendedInHeddle = true;
        lockHeld.atSuspension(task != null ? task : running, running);
    }

    @Override
    public SimulatedJdkCalls jdkCalls() {
        return jdkCalls;
    }

    @Override
    public TimeDriver time() {
        return time;
    }

    @Override
    public RandomGenerator random() {
        return decisions.user();
    }

    /** Code outside every host (the test body and what it spawns) runs on true virtual time, as {@code "sim"}. */
    @Override
    public Node defaultNode() {
        return Hosts.OUTSIDE;
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

    @Override
    public void close() {}

    // ---- whose thread it is ----

    /** Whether {@code thread} is the simulator's or the one of the task in its step: the run's, not foreign. */
    boolean inRun(Thread thread) {
        return thread == carrier || thread == runningThread;
    }

    /** The task in its step when {@code thread} is its thread, else null. */
    SimTask runningOn(Thread thread) {
        return runningThread == thread ? running : null;
    }

    /** Whether {@code executor} is one of the run's schedulers, whose virtual threads join the run. */
    boolean isOwnExecutor(Executor executor) {
        return executor == this || threads.isOwn(executor);
    }

    // ---- scheduling points of instrumented code (InterleavingPoints) ----

    /**
     * A scheduling point at {@code site} chose the running task {@code t} again: the step ends
     * there and the next one begins, both {@code t}'s, without leaving it.
     */
    void countStepAtPoint(SimTask t, String site) {
        if (trace.wantsStepSite(steps)) {
            trace.stepSite(steps, "went on past " + site);
        }
        countStep(t);
    }

    /** Step number {@code steps + 1} is {@code t}'s: counted, kept for a busy-loop report, traced. */
    private void countStep(SimTask t) {
        steps++;
        recentSteps[(int) (steps % RECENT_STEPS)] = t.id;
        trace.record(Trace.Event.STEP, t.id, 1 + ready.actingWorker());
    }

    /** The run is over: its scheduling points, if on, stop answering. */
    void closePoints() {
        if (points != null) {
            points.close();
        }
    }

    // ---- tasks ----

    private SimTask register(String name, Thread thread, Runnable continuation, Task<?> task,
            Incarnation incarnation) {
        StackTraceElement spawnedAt = task != null && incarnation == null && running != null
                ? SpawnSite.ofCaller() : null;
        SimTask t = tasks.add(name, thread, continuation, task, incarnation, spawnedAt);
        decisions.taskCreated(t, running);
        ready.created(t);
        trace.name(t.id, name);
        trace.record(Trace.Event.SPAWN, t.id, running == null ? 0 : running.id);
        return t;
    }

    /**
     * A virtual thread a task started with the JDK's API: it inherited this carrier, so it joins
     * the run. One that runs a platform thread's work keeps that thread's name (the task's name
     * adds its id) and daemon status.
     */
    private SimTask adopt(Runnable continuation) {
        Thread thread = VirtualThreads.threadOf(continuation);
        PlatformThreadTasks.Shown shown = thread == null ? null : platformThreads.shown(thread);
        String name;
        if (shown != null) {
            name = shown.name() + "#" + tasks.nextId();
        } else {
            String parent = running == null ? "the simulation" : running.name;
            name = "virtual-thread-of-" + parent + "-" + tasks.nextId();
            if (thread != null) {
                thread.setName(name);
            }
        }
        SimTask t = register(name, thread, continuation, null, running == null ? null : running.incarnation);
        t.daemon = shown != null && shown.daemon();
        return t;
    }

    // ---- hosts ----

    Hosts hosts() {
        return hosts;
    }

    Faults faults() {
        return faults;
    }

    BuggifySites buggify() {
        return buggify;
    }

    SimContext context() {
        return context;
    }

    /** Makes tasks a paused host held ready again, in order; during a step they go where its wake-ups go. */
    void wakeHeld(List<SimTask> tasks) {
        for (SimTask t : tasks) {
            ready.wake(t, running);
            trace.record(Trace.Event.WAKE, t.id, 0);
        }
    }

    // ---- what the rest of the run reads ----

    SimTime simTime() {
        return simTime;
    }

    /** The task in its step, or null between steps; read by the thread that waits for the run. */
    SimTask running() {
        return running;
    }

    /**
     * For the caller waiting on another thread ({@link SimulationThreads}): {@code t} has run one
     * step for {@code nanos} of real time. Reads the carrier's state without locking: a report.
     */
    SimulationFailure stuck(SimTask t, long nanos) {
        return new SimulationFailure(seed, FailureKind.STUCK, FailureReports.stuckStep(t, nanos),
                config.rerunCommand(seed), trace.hash(), context.swarm(), null, new FailureData(steps, time.now(),
                        Optional.of(t.name), List.of(), Optional.empty(), trace.recent(steps), "", Optional.empty()));
    }

    long steps() {
        return steps;
    }

    long virtualTime() {
        return time.now();
    }

    SimTasks tasks() {
        return tasks;
    }

    JdkParkTimers parkTimers() {
        return parkTimers;
    }

    SimulationFailure failure() {
        return failure;
    }

    void fail(FailureKind kind, String details, Throwable cause) {
        fail(kind, details, cause, null, null);
    }

    /**
     * Fails the run, unless it has failed already, naming {@code failing} as the task at fault
     * (null for none); {@code graph} is who waits for whom when the run cannot go on, or null.
     */
    void fail(FailureKind kind, String details, Throwable cause, String failing, WaitForGraph graph) {
        if (failure == null && kind != FailureKind.FOREIGN_WAKEUP && !foreign.isEmpty()) {
            // Something outside the run acted first: what failed after it may be its consequence.
            fail(FailureKind.FOREIGN_WAKEUP, FailureReports.foreignWakeups(foreign), cause, failing, null);
            return;
        }
        if (failure == null) {
            long hash = trace.hash();
            RecentEvents recent = trace.recent(steps);
            List<SimTask> blocked = graph == null || trace.isReplay() ? List.of() : tasks.alive().stream()
                    .filter(t -> t.thread != null && t.thread.getState() != Thread.State.RUNNABLE).toList();
            FailureData data = new FailureData(steps, time.now(), Optional.ofNullable(failing),
                    FailureReports.dump(blocked).tasks(), Optional.ofNullable(graph), recent, "",
                    Optional.of(decisions.log(steps, time.now(), faults.firedSoFar()).withRun(config.configuration())));
            failure = new SimulationFailure(seed, kind, details, config.rerunCommand(seed), hash, context.swarm(),
                    cause, data);
        }
    }

    /** Whether the run is being torn down, when no check fails it any more. */
    boolean tearingDown() {
        return tearingDown;
    }

    /** The main task's name, once the run has started. */
    String rootName() {
        return root == null ? null : root.name;
    }
}
