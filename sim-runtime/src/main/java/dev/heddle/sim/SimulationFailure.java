package dev.heddle.sim;

import dev.heddle.runtime.TaskDump;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A failed simulation run. The message starts with {@code seed=0x…}, followed in swarm mode by
 * the seed's {@link SwarmProfile} (the fault kinds it turned on), then says what went wrong,
 * shows the schedule that led there (the last steps: which task ran, where it suspended, whom it
 * woke), and ends with the one-line command that reruns exactly this run. The same facts are
 * data too: {@link #kind()}, {@link #steps()}, {@link #virtualNanos()}, {@link #failingTask()},
 * and for a run that cannot go on {@link #blockedTasks()} and {@link #waitForGraph()}. It is an
 * {@link AssertionError}, as opentest4j's {@code AssertionFailedError} is, so that JUnit,
 * Surefire and IDEs count a failed simulation as a failed test, not as an error in the test.
 */
public final class SimulationFailure extends AssertionError {
    /** The seed of the failed run. */
    private final long seed;
    /** What kind of failure ended the run. */
    private final FailureKind kind;
    /** The command that replays the run. */
    private final String rerunCommand;
    /** The seed and settings of the failed run. */
    private final transient RunConfiguration configuration;
    /** The hash of the run's trace, to tell whether a rerun took the same path. */
    private final long traceHash;
    private final transient Optional<SwarmProfile> swarm;
    /** The report without the schedule and the rerun line, kept to add the schedule a replay makes. */
    private final String details;
    private final transient FailureData data;
    /** The file holding the run's trace, or null; set on the copy {@link #withTraceFile} makes, and kept by copies. */
    private transient Path traceFile;

    SimulationFailure(long seed, FailureKind kind, String details, RerunCommand rerunCommand, long traceHash,
                      Optional<SwarmProfile> swarm, Throwable cause, FailureData data) {
        super(Simulation.seedText(seed) + " " + SwarmProfile.label(swarm) + kind + ": " + details
                + (data.schedule().isEmpty() ? "" : "\n" + data.schedule().stripTrailing())
                + "\nrerun: " + rerunCommand.text(), cause);
        this.swarm = swarm;
        this.seed = seed;
        this.kind = kind;
        this.rerunCommand = rerunCommand.text();
        this.configuration = rerunCommand.configuration();
        this.traceHash = traceHash;
        this.details = details;
        this.data = data;
    }

    /** This failure with the schedule {@code text} before its rerun line; the same stack trace. */
    SimulationFailure withSchedule(String text) {
        SimulationFailure f = new SimulationFailure(seed, kind, details, new RerunCommand(rerunCommand, configuration),
                traceHash, swarm, getCause(), data().withSchedule(text));
        f.setStackTrace(getStackTrace());
        f.traceFile = traceFile;
        return f;
    }

    /**
     * This failure with {@code note} (one or more lines) added to its report after the schedule,
     * before the rerun line: how {@code @SimTest} names the files it wrote of the run (its decision
     * log, its regression seed).
     * The same data and stack trace.
     */
    public SimulationFailure withNote(String note) {
        String schedule = data().schedule();
        return withSchedule(schedule + (schedule.isEmpty() || schedule.endsWith("\n") ? "" : "\n")
                + note.stripTrailing() + "\n");
    }

    /**
     * This failure with the line that names {@code file}, the trace of the run or of its replay,
     * before its rerun line; the same stack trace.
     */
    SimulationFailure withTraceFile(Path file) {
        Path shown = file.toAbsolutePath().normalize();
        SimulationFailure f = withNote("trace: " + shown + " (every event of the run; ./heddle trace FILE --html OUT"
                + " draws its timeline)");
        f.traceFile = shown;
        return f;
    }

    /**
     * The file holding every event of the failed run (or of the replay that made its report),
     * when one was written ({@link Simulation#recordTrace}, {@link Simulation#recordTraceOfFailure}):
     * copy it, or draw it with {@code dev.heddle.sim.timeline.TraceTimeline}.
     */
    public Optional<Path> traceFile() {
        return Optional.ofNullable(traceFile);
    }

    /** The run's facts; none for a failure read back from a serialized form, which leaves them out. */
    FailureData data() {
        return data == null ? FailureData.none() : data;
    }

    /**
     * Every decision the failed run made up to its failure ({@link DecisionLog}), to
     * {@linkplain DecisionLog#write write} beside the test, {@linkplain Simulation#replay replay}
     * or {@linkplain DecisionLogShrinker shrink}; empty for a stuck step or a determinism check's
     * failure, and for a failure read back from a serialized form.
     */
    public Optional<DecisionLog> decisionLog() {
        return data().decisionLog();
    }

    /** The seed of the failed run, to rerun it with {@code -Dheddle.seed}. */
    public long seed() {
        return seed;
    }

    /** What ended the run: a failed task, a deadlock, a budget exceeded, leaked tasks and so on. */
    public FailureKind kind() {
        return kind;
    }

    /** The command that replays this run, e.g. {@code mvn test -Dtest=X#y -Dheddle.seed=0x2a}. */
    public String rerunCommand() {
        return rerunCommand;
    }

    /**
     * The seed and every setting of the failed run, the strategy and PCT horizon as it ran them:
     * {@code configuration().simulation()} runs it again.
     */
    public RunConfiguration configuration() {
        return configuration;
    }

    /** In swarm mode, the fault kinds the failed run's seed turned on. */
    public Optional<SwarmProfile> swarm() {
        return swarm;
    }

    /** The trace hash of the failed run: a rerun of the seed that fails the same way has the same hash. */
    public long traceHash() {
        return traceHash;
    }

    /** The steps the run had taken when it failed (0 for {@link FailureKind#NONDETERMINISM}, found between runs). */
    public long steps() {
        return data().steps();
    }

    /** The virtual time, in nanoseconds since the run's start, when it failed. */
    public long virtualNanos() {
        return data().virtualNanos();
    }

    /**
     * The task at fault, as reports name it ({@code worker#3}, {@code worker#3@db-1} on a host):
     * the one that failed, ran the busy loop, waits outside the simulation or held a lock across a
     * suspension (the main task's failure names it, {@code main#1}); empty when the failure is no
     * one task's: a deadlock (see {@link #waitForGraph()}), the time budget, leaked tasks.
     */
    public Optional<String> failingTask() {
        return data().failingTask();
    }

    /**
     * For a run that could not go on ({@link FailureKind#DEADLOCK}, and a task blocked on a
     * monitor held by another), every blocked task (not the ready ones), with what it waits on
     * and its stack, as a {@link TaskDump} shows it; empty for other failures.
     */
    public List<TaskDump.Task> blockedTasks() {
        return data().blockedTasks();
    }

    /**
     * For a run that could not go on, who waits for whom: each blocked task, the lock it waits
     * for, the task holding that, and the cycle first if there is one; empty for other failures.
     */
    public Optional<WaitForGraph> waitForGraph() {
        return data().waitForGraph();
    }
}
