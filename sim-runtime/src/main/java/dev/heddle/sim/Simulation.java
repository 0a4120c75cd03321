package dev.heddle.sim;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One seeded, deterministic run of concurrent code: every task on one carrier thread, in an
 * order drawn from the seed, with a virtual clock. The same seed and code give the same run,
 * event for event.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.ofSeed(0x2a)
 *         .strategy(Strategy.PCT)
 *         .run(sim -> {
 *             var h = sim.spawn(() -> service.handle(request));
 *             assertEquals("ok", h.join());
 *         });
 * }</pre>
 * A failed run throws {@link SimulationFailure}, whose message starts with the seed and ends
 * with the command that reruns it. Settings are checked when set, naming the value.
 */
public final class Simulation {
    /** 2026-01-01T00:00:00Z, a constant: parsing it took a tenth of a small run's set-up. */
    private static final Instant DEFAULT_EPOCH = Instant.ofEpochSecond(1_767_225_600L);

    private final long seed;
    private Strategy strategy = Strategy.RANDOM;
    private int pctDepth = 3;
    private long pctHorizon = 1_000;
    private int workers;
    private long maxSteps = 1_000_000;
    private long maxTime = Duration.ofDays(1).toNanos();
    private int maxBlockingThreads = RuntimeBuilder.DEFAULT_MAX_BLOCKING_THREADS;
    private long stuckAfter = Duration.ofSeconds(30).toNanos();
    private boolean failOnLeakedTasks;
    private LockHeldPolicy lockHeldPolicy = LockHeldPolicy.FAIL;
    private Instant epoch = DEFAULT_EPOCH;
    private Duration maxClockOffset = Duration.ofMillis(100);
    private double maxClockDriftPpm = 100;
    private double buggify = Buggify.P_RUN_ENABLED;
    private boolean buggifySet;
    private boolean swarm;
    private boolean schedulingPoints;
    private boolean spuriousWakeups;
    /** Null: the default, {@link RunConfiguration#rerunInJava()}. */
    private LongFunction<String> rerunCommand;
    /** Where every run writes its trace, or null. */
    private Path traceFile;
    /** Where a failed run's replay writes its trace, or null. */
    private Path failureTraceFile;

    private Simulation(long seed) {
        this.seed = seed;
    }

    /** A simulation of the given seed with default settings. */
    public static Simulation ofSeed(long seed) {
        return new Simulation(seed);
    }

    /** How the simulator picks the next task to run; see {@link Strategy}. */
    public Simulation strategy(Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /** PCT's depth d: the number of ordering constraints a bug may need; d - 1 change points. Default 3. */
    public Simulation pctDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("pctDepth must be at least 1, was " + depth);
        }
        this.pctDepth = depth;
        return this;
    }

    /**
     * The number of steps over which PCT spreads its change points: about the length of a run,
     * so that they fall inside it. Default 1,000. A sweep ({@code @SimTest}) estimates it from
     * the steps of the runs it has done unless told.
     */
    public Simulation pctHorizon(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("pctHorizon must be at least 1, was " + steps);
        }
        this.pctHorizon = steps;
        return this;
    }

    /**
     * Replays the multi-thread runtime with {@code n} logical workers instead of one pool of
     * ready tasks: each worker has the real scheduler's LIFO slot, local queue and steal-half,
     * and at each step the seed picks which worker acts (in turn under {@link Strategy#FIFO}).
     * Schedules that only work stealing produces (a task spawned here running there, ahead of
     * older work) then come from the seed. {@code workers(1)} runs tasks in the order a
     * multi-thread runtime with one worker gives them (its LIFO slot first), with no choice left
     * to the seed. Not set by default; {@link Strategy#PCT} needs the single pool.
     */
    public Simulation workers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + n);
        }
        this.workers = n;
        return this;
    }

    /** The most steps the run may take before it is reported as a busy loop. Default 1,000,000. */
    public Simulation maxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + steps);
        }
        this.maxSteps = steps;
        return this;
    }

    /** The most virtual time the run may cover. Default one day. */
    public Simulation maxTime(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("maxTime must be positive, was " + time);
        }
        this.maxTime = time.toNanos();
        return this;
    }

    /**
     * How long one step may run in real time before the run fails as {@link FailureKind#STUCK}:
     * a task that never reaches a suspension point (a busy loop on a flag) cannot be preempted
     * by the one carrier, so the caller stops waiting, reports the task with its stack, and
     * returns. Default 30 seconds. The only use of real time in a run, and it never changes what
     * the run does.
     */
    public Simulation stuckAfter(Duration threshold) {
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("stuckAfter must be positive, was " + threshold);
        }
        this.stuckAfter = threshold.toNanos();
        return this;
    }

    /**
     * How many {@code spawnBlocking} bodies may run at once, as on a real runtime's blocking
     * pool; the rest wait in spawn order.
     *
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public Simulation maxBlockingThreads(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxBlockingThreads must be at least 1, was " + max);
        }
        this.maxBlockingThreads = max;
        return this;
    }

    /**
     * Fail the run when tasks are still waiting after the main body returns. When it returns,
     * the tasks that are ready run until they wait (so a task spawned and never joined runs, and
     * its failure fails the run); those still waiting then are listed in
     * {@link SimulationResult#tasksLeftWaiting()} and aborted, or, with this set, fail the run.
     * Default false, as a background loop may rightly outlive the body. Tasks on hosts never
     * count: hosts are servers, stopped when the run ends.
     */
    public Simulation failOnLeakedTasks(boolean fail) {
        this.failOnLeakedTasks = fail;
        return this;
    }

    /**
     * What to do when a task suspends while holding a {@code synchronized} monitor or a
     * {@code ReentrantLock} (Tokio's "std Mutex held across .await"). Default {@link
     * LockHeldPolicy#FAIL}. Looking walks the task's live stack (about 20 microseconds), so a run
     * looks at its first two suspensions and then at the n-th with probability 1/n, drawn from
     * the seed: a lock held at a suspension point that runs often is found within a seed or
     * two, one held at a point reached once is found over a sweep of seeds.
     * {@link LockHeldPolicy#IGNORE} saves the walks. The suspension points are Heddle's own, in
     * tasks and in virtual threads a task started, and with Heddle's agent also
     * {@code Thread.yield()} and {@code LockSupport.park()} in instrumented code. A task that
     * blocks entering a monitor whose holder is suspended at one of them is always reported.
     */
    public Simulation onLockHeldAcrossSuspension(LockHeldPolicy policy) {
        this.lockHeldPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The wall-clock time at virtual time 0. */
    public Simulation epoch(Instant epoch) {
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        return this;
    }

    /**
     * The bounds within which the seed draws the clock of each host started without a
     * {@link HostClock}: an offset within {@code maxOffset} either way, a drift within
     * {@code maxDriftPpm} either way. Default 100 ms and 100 ppm, the skew of machines whose
     * clocks are kept only loosely in step: clocks that never agree are the normal case a
     * distributed system must survive, so a simulation gives them unless told otherwise.
     * {@code clockSkew(Duration.ZERO, 0)} gives every such host true time.
     */
    public Simulation clockSkew(Duration maxOffset, double maxDriftPpm) {
        Objects.requireNonNull(maxOffset, "maxOffset");
        if (maxOffset.isNegative() || maxOffset.compareTo(HostClock.MAX_OFFSET) > 0) {
            throw new IllegalArgumentException("clockSkew's maxOffset must be between 0 and "
                    + HostClock.MAX_OFFSET.toDays() + " days, was " + maxOffset);
        }
        if (!(maxDriftPpm >= 0)) {
            throw new IllegalArgumentException("clockSkew's maxDriftPpm must not be negative, was " + maxDriftPpm);
        }
        HostClock.checkDrift("clockSkew's maxDriftPpm", maxDriftPpm);
        this.maxClockOffset = maxOffset;
        this.maxClockDriftPpm = maxDriftPpm;
        return this;
    }

    /**
     * The share of runs with {@link Buggify buggify} on, the seed choosing; in a run where it
     * is off every {@code buggify()} call is false. Default {@link Buggify#P_RUN_ENABLED} (0.8,
     * as FoundationDB's test harness), so that buggify points work without setting anything and
     * a fifth of the seeds still run the code without its faults. {@code buggify(1)} turns it on
     * in every run, {@code buggify(0)} off in every run, swarm mode included. Set explicitly
     * above 0, a run with buggify on counts it as a configured fault from its start, so that a
     * sweep whose buggify points never fire (or are never reached) says so; left at the
     * default, only runs that reach a buggify point count it. In {@link #swarm swarm mode} the
     * seed's {@link SwarmProfile} decides instead of this probability (fault kind
     * {@code "buggify"}).
     *
     * @throws IllegalArgumentException if {@code probability} is not in [0, 1]
     */
    public Simulation buggify(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("buggify's probability (the share of runs with buggify on) must be"
                    + " between 0 and 1, was " + probability);
        }
        this.buggify = probability;
        this.buggifySet = true;
        return this;
    }

    /**
     * Swarm mode (Groce et al.'s swarm testing, as TigerBeetle's VOPR): each seed draws a
     * {@link SwarmProfile}, which turns each fault kind on or off in that seed (half the time)
     * and draws its rate, so that a sweep of seeds tries many mixes of faults instead of all of
     * them at once. Modules with faults (the simulated network's, {@link Buggify}) ask the
     * profile through {@link SimContext#swarm()}. The profile is printed in a failing run's
     * message after the seed, and is in {@link SimulationResult#swarm()}; the same seed in swarm
     * mode draws the same profile, so the default rerun command says {@code .swarm(true)}.
     * Default off.
     */
    public Simulation swarm(boolean on) {
        this.swarm = on;
        return this;
    }

    /**
     * Makes every scheduling point that Heddle's Java agent inserted into instrumented classes a
     * step, like a park: before each read and write of a non-final field or an array element,
     * each atomic, {@code VarHandle} or lock call, around {@code synchronized}, and on each loop
     * back-edge, the strategy may run another ready task first. So a race between a plain read
     * and a write ({@code count = count + 1} in two tasks) is found, and a task spinning on a
     * plain field lets the others run (an endless loop meets {@link #maxSteps}, with its stack).
     * Points count toward {@link #maxSteps}; a switch at a point is in the trace with its source
     * line. Default off.
     *
     * <p>Needs the agent: {@code -javaagent:sim-agent.jar=com.example} with the packages of the
     * code under test (or {@code @SimTest(instrument = "com.example")}); the run fails fast when
     * no agent is loaded or it instruments no package. Off, or outside any simulation, a point
     * costs a static read.
     */
    public Simulation schedulingPoints(boolean on) {
        this.schedulingPoints = on;
        return this;
    }

    /**
     * Spurious wake-ups on demand: the JDK lets {@code LockSupport.park}, {@code Object.wait}
     * and {@code Condition.await} return without a signal, so a wait must sit in a loop that
     * checks its condition again; a wait in an {@code if} works in nearly every real run. With
     * this on, the seed draws a rate for the run (1/2 or 1/4) and wakes waits spuriously at
     * that rate: a task parked in a {@code LockSupport.park} of its own is unparked between
     * steps, and with Heddle's agent every {@code Condition.await}, {@code Object.wait} and
     * {@code LockSupport.park} of instrumented code may return at once. Each one is in the
     * trace. Heddle's own waits are never woken. Default off.
     */
    public Simulation spuriousWakeups(boolean on) {
        this.spuriousWakeups = on;
        return this;
    }

    /**
     * Writes each run's every event to {@code file} (replaced), in the trace file format
     * ({@code docs/trace-format.md}): virtual time, tasks and hosts, who woke whom, where each
     * step left its task and with what stack, messages, faults. {@code ./heddle trace FILE --html
     * OUT} draws it as a timeline. A failure's report names the file. It costs a stack walk a
     * step: meant for one seed, not a sweep. Default: no file.
     */
    public Simulation recordTrace(Path file) {
        this.traceFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * When a run fails, the replay that makes its report's schedule ({@link #run}, {@link #replay}) also writes
     * its trace to {@code file}, as {@link #recordTrace} does, with the stacks of the last
     * {@value #FAILURE_TRACE_STACKS} steps; the report names the file. A run that records its
     * trace anyway, whose stuck step is not replayed, or that took more than 200,000 steps (a
     * busy loop stopped by {@link #maxSteps}) writes none here. Default: no file.
     */
    public Simulation recordTraceOfFailure(Path file) {
        this.failureTraceFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /** The last steps whose stacks a failed run's trace keeps: a replay of a long run should not take much longer. */
    static final int FAILURE_TRACE_STACKS = 20_000;

    /**
     * How failure reports tell the user to rerun a seed, e.g. {@code s -> "mvn test -Dheddle.seed=" + hex(s)}.
     * The command must reproduce this simulation's {@link #configuration()}, not only the seed.
     * By default, {@link RunConfiguration#rerunInJava()}: {@code Simulation.ofSeed(0x2aL)} with
     * every setting that differs from the defaults, and the strategy the seed ran.
     */
    public Simulation rerunCommand(LongFunction<String> command) {
        this.rerunCommand = Objects.requireNonNull(command, "rerunCommand");
        return this;
    }

    /**
     * Runs {@code body} as the main task and every task it spawns, to the end. A failed run is
     * run once more to show, at the end of its report, the schedule that led to the failure
     * with the line where each task suspended; the report says so if that replay went
     * otherwise.
     *
     * @throws SimulationFailure if the run fails in any way the simulator can see
     */
    public SimulationResult run(SimBody body) {
        try {
            return execute(body, newTrace(false));
        } catch (SimulationFailure f) {
            throw reported(f, trace -> execute(body, trace));
        }
    }

    /**
     * {@code failure} with its schedule, from {@code rerun} of the same run with the trace it is
     * given, and the trace file named: the one the failed run wrote ({@link #recordTrace}), or the
     * one {@code rerun} writes ({@link #recordTraceOfFailure}).
     */
    private SimulationFailure reported(SimulationFailure failure, Function<Trace, SimulationResult> rerun) {
        if (traceFile != null) {
            return FailureReplay.withSchedule(failure, seed, rerun).withTraceFile(traceFile);
        }
        if (failureTraceFile == null) {
            return FailureReplay.withSchedule(failure, seed, rerun);
        }
        FailureTraceFile file = failureTraceFile(failure);
        return file.named(FailureReplay.withSchedule(failure, seed,
                trace -> rerun.apply(file.recording(trace, failure.steps()))));
    }

    /** The trace file of the replay that makes {@code failure}'s report ({@link #recordTraceOfFailure}). */
    private FailureTraceFile failureTraceFile(SimulationFailure failure) {
        return new FailureTraceFile(failureTraceFile, configuration(), rerunCommand(seed).text(),
                failure.steps() - FAILURE_TRACE_STACKS + 1);
    }

    /** A run's trace, which writes to the trace file when this simulation records one. */
    private Trace newTrace(boolean keepAll) {
        Trace trace = new Trace(seed, keepAll);
        if (traceFile != null) {
            TraceRecorder.open(traceFile, trace, configuration(), rerunCommand(seed).text(), 1);
        }
        return trace;
    }

    /**
     * Runs {@code body} again decision for decision as {@code log} says (a failed run's
     * {@link SimulationFailure#decisionLog()}, or a file {@link DecisionLog#read} read), also
     * after the code changed: see {@link DecisionLog} for what a replay does with draws and tasks
     * the log does not hold. A failure is reported as {@link #run}'s are, schedule and trace files
     * ({@link #recordTrace}, {@link #recordTraceOfFailure}) included.
     *
     * @throws IllegalArgumentException when the log is of another seed than this simulation
     * @throws SimulationFailure if the replayed run fails
     */
    public SimulationResult replay(DecisionLog log, SimBody body) {
        Objects.requireNonNull(log, "log");
        if (log.seed() != seed) {
            throw new IllegalArgumentException("the decision log is of seed " + hex(log.seed()) + ", this simulation"
                    + " runs seed " + hex(seed) + "; replay it with log.simulation() or Simulation.ofSeed("
                    + hex(log.seed()) + "L)");
        }
        try {
            return execute(body, newTrace(false), new DecisionReplay(log));
        } catch (SimulationFailure f) {
            throw reported(f, trace -> execute(body, trace, new DecisionReplay(log)));
        }
    }

    /**
     * Runs the seed twice with every event kept, and fails with {@link FailureKind#NONDETERMINISM}
     * showing the first event where the runs differ. A run that fails must fail the same way
     * both times; that failure is then thrown.
     */
    public SimulationResult checkDeterminism(SimBody body) {
        Trace first = newTrace(true);
        Trace second = new Trace(seed, true);
        SimulationResult r1 = null;
        SimulationResult r2 = null;
        SimulationFailure f1 = null;
        SimulationFailure f2 = null;
        try {
            r1 = execute(body, first);
        } catch (SimulationFailure f) {
            f1 = f;
        }
        // As run() does, a failed first run's trace file is written by the run that makes its report: the second.
        FailureTraceFile file = f1 != null && traceFile == null && failureTraceFile != null
                ? failureTraceFile(f1) : null;
        if (f1 != null) {
            second.noteStepSitesFrom(f1.steps() - ScheduleReport.STEPS + 1);
        }
        try {
            r2 = execute(body, file != null ? file.recording(second, f1.steps()) : second);
        } catch (SimulationFailure f) {
            f2 = f;
        }
        int diff = Trace.firstDifference(first, second);
        if (diff >= 0 || first.hash() != second.hash() || (f1 == null) != (f2 == null)) {
            int at = Math.max(diff, 0);
            throw new SimulationFailure(seed, FailureKind.NONDETERMINISM,
                    "two runs of the same seed differ at event #" + at + " (of " + first.size() + " and "
                            + second.size() + "). Something outside the seed decided: real time, a foreign"
                            + " thread, an unseeded Random, identity hash codes or HashMap order of objects."
                            + "\n  first run:\n" + first.describe(at - 5, at + 1)
                            + "  second run:\n" + second.describe(at - 5, at + 1),
                    rerunCommand(seed), first.hash(), r1 != null ? r1.swarm() : f1.swarm(), f1 != null ? f1 : f2,
                    FailureData.none());
        }
        if (f1 != null) {
            SimulationFailure reported = FailureReplay.withSchedule(f1, f2, "passed", second);
            throw traceFile != null ? reported.withTraceFile(traceFile) : file != null ? file.named(reported) : reported;
        }
        return r1 != null ? r1 : r2;
    }

    /**
     * The seed and settings this simulation runs with, as the run will use them: under
     * {@link Strategy#PORTFOLIO}, the strategy and PCT depth the seed chooses.
     */
    public RunConfiguration configuration() {
        Strategy runs = strategy;
        int depth = pctDepth;
        boolean spurious = spuriousWakeups;
        if (strategy == Strategy.PORTFOLIO) {
            PortfolioChoice choice = PortfolioChoice.of(seed, workers, pctDepth);
            runs = choice.strategy();
            depth = choice.pctDepth();
            spurious |= choice.spuriousWakeups();
        }
        return new RunConfiguration(seed, runs, depth, pctHorizon, workers, maxSteps, Duration.ofNanos(maxTime),
                Duration.ofNanos(stuckAfter), maxBlockingThreads, failOnLeakedTasks, lockHeldPolicy, epoch,
                maxClockOffset, maxClockDriftPpm, swarm,
                buggifySet ? OptionalDouble.of(buggify) : OptionalDouble.empty(), schedulingPoints, spurious);
    }

    private SimulationResult execute(SimBody body, Trace trace) {
        return execute(body, trace, null);
    }

    /** One run of {@code body}, following {@code replay} when not null; no schedule is added to a failure. */
    SimulationResult execute(SimBody body, Trace trace, DecisionReplay replay) {
        if (workers > 0 && strategy == Strategy.PCT) {
            throw new IllegalArgumentException("strategy PCT cannot be combined with workers(" + workers + "): PCT"
                    + " orders ready tasks by priority, while logical workers take them in their queues' order;"
                    + " use RANDOM or FIFO with workers, or PCT without");
        }
        SimulationSetups.runAll();
        AtomicReference<Simulator> running = new AtomicReference<>();
        SimulationResult result = null;
        SimulationFailure failure = null;
        try {
            result = SimulationThreads.run(() -> {
                Simulator simulator = new Simulator(this, seed, trace, replay);
                running.set(simulator);
                try {
                    return executeOnCarrier(simulator, body, trace);
                } finally {
                    simulator.closePoints();
                }
            }, running, stuckAfter);
            return result;
        } catch (SimulationFailure f) {
            failure = f;
            throw f;
        } finally {
            TraceRecorder.finish(trace, result, failure);
        }
    }

    /** Runs {@code body} to its end on the calling thread, {@code simulator}'s carrier. */
    private SimulationResult executeOnCarrier(Simulator simulator, SimBody body, Trace trace) {
        HeddleRuntime runtime = RuntimeAccess.onCarrier(simulator, maxBlockingThreads, "sim");
        Probes probes = new Probes();
        Sim sim = new Sim(seed, runtime, probes, simulator.hosts(), simulator.simTime());
        try {
            try {
                runtime.blockOn(() -> {
                    body.run(sim);
                    return null;
                });
            } catch (SimulationFailure f) {
                throw f;
            } catch (Throwable e) {
                simulator.fail(FailureKind.TASK_FAILED, "the main task failed: " + e, e, simulator.rootName(), null);
                throw simulator.failure();
            }
            simulator.runReadyTasks();
            if (simulator.failure() != null) {
                throw simulator.failure();
            }
            simulator.hosts().stopHolding();
            List<SimTask> leaked = simulator.tasks().aliveOutsideHosts();
            if (failOnLeakedTasks && !leaked.isEmpty()) {
                simulator.fail(FailureKind.LEAKED_TASKS, FailureReports.leakedTasks(leaked), null);
                throw simulator.failure();
            }
            List<String> leftWaiting = leaked.stream().map(FailureReports::spawned).toList();
            runtime.close();
            if (simulator.failure() != null) {
                throw simulator.failure();
            }
            List<Task<?>> unobserved = simulator.tasks().unobservedFailures();
            if (!unobserved.isEmpty()) {
                Task<?> t = unobserved.getFirst();
                simulator.fail(FailureKind.TASK_FAILED, "task " + FailureReports.task(t) + " failed and no one"
                        + " joined it: " + t.failure(), t.failure(), FailureReports.taskName(t), null);
                throw simulator.failure();
            }
            return new SimulationResult(seed, trace.hash(), simulator.steps(), simulator.virtualTime(),
                    simulator.tasks().spawned(), List.copyOf(probes.records().values()), simulator.faults().records(),
                    simulator.context().swarm(), leftWaiting);
        } catch (SimulationFailure f) {
            simulator.teardown(100_000);
            throw f;
        }
    }

    LockHeldPolicy lockHeldPolicy() {
        return lockHeldPolicy;
    }

    long maxSteps() {
        return maxSteps;
    }

    long maxTime() {
        return maxTime;
    }

    Instant epoch() {
        return epoch;
    }

    Duration maxClockOffset() {
        return maxClockOffset;
    }

    double maxClockDriftPpm() {
        return maxClockDriftPpm;
    }

    /** The rerun command of a failed run of seed {@code s}, this simulation's seed, with its configuration. */
    RerunCommand rerunCommand(long s) {
        RunConfiguration c = configuration();
        return new RerunCommand(rerunCommand != null ? rerunCommand.apply(s) : c.rerunInJava(), c);
    }

    double buggifyProbability() {
        return buggify;
    }

    boolean buggifySet() {
        return buggifySet;
    }

    boolean swarm() {
        return swarm;
    }

    boolean schedulingPoints() {
        return schedulingPoints;
    }

    /** A seed as failure reports print it: {@code 0x} and lowercase hex. */
    public static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }

    static String seedText(long seed) {
        return "seed=" + hex(seed);
    }

    /** Parses a seed as printed ({@code 0x2a}) or in decimal. */
    public static long parseSeed(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a seed: '" + text + "'; write it as printed (0x2a) or in decimal", e);
        }
    }
}
