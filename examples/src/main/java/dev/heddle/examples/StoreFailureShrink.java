package dev.heddle.examples;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.HistoryRecorder;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Status;
import dev.heddle.check.model.Models;
import dev.heddle.check.report.HtmlReport;
import dev.heddle.sim.DecisionLog;
import dev.heddle.sim.DecisionLogShrinker;
import dev.heddle.sim.ShrinkResult;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.timeline.TraceFileException;
import dev.heddle.sim.timeline.TraceTimeline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The demo's last part: one failure of the store shrunk, and what the shrunk run left, written under
 * {@code target/heddle/demo/} in the current folder: the failing run's decision log and the shrunk
 * one (both replayed by {@code ./heddle replay FILE}), the linearizability report of the history the
 * shrunk run's clients recorded (the checker's HTML page), and that run's trace and its timeline.
 *
 * <p>The failure shrunk is the first failure of the store row, among those the sweep ran, whose run
 * took the fewest steps (the first such row on a tie): the same one for the same seeds, the
 * quickest to shrink and the shortest to read. Each replay of the shrink may take at most
 * {@value #STEP_FACTOR} times the failed run's steps: a replay with fewer decisions draws the
 * smallest values (no think time, no latency), so its clients can run thousands of operations
 * where the failure took a few, and one such replay would cost more than the whole shrink; with the
 * bound it fails as a busy loop at once, another failure, which the shrink does not keep.
 */
final class StoreFailureShrink {
    /** Where the files go, in the current folder; {@code ./heddle demo NAME --seed S} writes its log there too. */
    static final Path FOLDER = Path.of("target", "heddle", "demo");
    /** The replays the shrink may take: about five seconds for the store's quickest failure. */
    static final int MAX_REPLAYS = 200;
    /** The bound on a replay's steps, as a multiple of the failed run's. */
    static final int STEP_FACTOR = 2;
    /** The budget of the linearizability check of the shrunk run's history, far more than it needs. */
    private static final Duration CHECK_BUDGET = Duration.ofSeconds(60);

    private StoreFailureShrink() {}

    /** The sweep to shrink the first failure of: the store row whose first failure took the fewest steps, if one failed. */
    static Optional<ProgramSweep> chosen(List<ProgramSweep> storeSweeps) {
        return storeSweeps.stream()
                .filter(s -> s.firstFailure() != null && s.firstFailure().decisionLog().isPresent())
                .min(Comparator.comparingLong(s -> s.firstFailure().steps()));
    }

    /** Shrinks the first failure of {@code sweep}, a row of the store, writes the files and prints what it did to {@code out}. */
    static void shrinkAndWrite(ProgramSweep sweep, PrintStream out) {
        String name = sweep.name();
        SimulationFailure failure = sweep.firstFailure();
        long seed = failure.seed();
        DecisionLog log = failure.decisionLog().orElseThrow().withProperty("program", name);
        Simulation replays = shrinkReplays(name, log);
        out.printf("The first failure of %s, seed %s (of the store's first failures, the one of fewest steps: %d),"
                + " shrunk in at most %d replays of at most %d steps each:%n", name, Simulation.hex(seed),
                failure.steps(), MAX_REPLAYS, replays.configuration().maxSteps());
        ShrinkResult shrink = DecisionLogShrinker.shrink(replays, StorePrograms.body(name), log, MAX_REPLAYS);
        out.println(shrink.summary().indent(2).stripTrailing());

        Path original = FOLDER.resolve(name + ".decisions");
        log.write(original);
        out.println("  " + original + ": the failing run's decision log (" + log.size() + " decisions)");
        if (!shrink.reproduced()) {
            printCommands(name, seed, original, out);
            return;
        }
        Path shrunk = ReplayCommand.shrunkFile(original);
        shrink.shrunk().write(shrunk);
        out.println("  " + shrunk + ": the shrunk one (" + shrink.shrunk().size() + " decisions)");

        Path trace = FOLDER.resolve(name + ".shrunk.trace.jsonl");
        HistoryRecorder[] clientOperations = new HistoryRecorder[1];
        Simulation again = log.withRunSettings(ProgramSweep.simulation(name, seed)).recordTraceOfFailure(trace);
        try {
            again.replay(shrink.shrunk(), StorePrograms.body(name, recorder -> clientOperations[0] = recorder));
            out.println("  the shrunk log passed when replayed once more: the run depends on more than its decisions,"
                    + " so there is no shrunk run to report on");
        } catch (SimulationFailure shrunkRun) {
            if (clientOperations[0] == null) {
                out.println("  the shrunk run failed before its clients started, so it has no history to check");
            } else {
                writeReport(FOLDER.resolve(name + ".linearizability.html"), name + ", seed " + Simulation.hex(seed)
                        + " shrunk", "the shrunk run", shrunkRun, clientOperations[0], out);
            }
            writeTimeline(FOLDER.resolve(name + ".shrunk.timeline.html"), "the shrunk run", shrunkRun, out);
        }
        printCommands(name, seed, shrunk, out);
    }

    /**
     * The simulation a shrink of {@code log}, a failure of the store {@code name}, replays it with:
     * the run's settings, each replay bounded to {@value #STEP_FACTOR} times the recorded run's
     * steps. {@code ./heddle replay --shrink} shrinks a store's log with it too.
     */
    static Simulation shrinkReplays(String name, DecisionLog log) {
        return log.withRunSettings(ProgramSweep.simulation(name, log.seed())).maxSteps(STEP_FACTOR * log.steps());
    }

    /**
     * The linearizability report {@code report} of what the clients of {@code which} run saw, titled
     * {@code title} and what the run failed on.
     */
    static void writeReport(Path report, String title, String which, SimulationFailure failure,
                            HistoryRecorder recorder, PrintStream out) {
        History history = recorder.history();
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).withTimeout(CHECK_BUDGET)
                .withParallelism(1).check(history);
        String failedOn = failedOn(failure);
        write(report, HtmlReport.render(title + ", failed on: " + failedOn, result));
        long inFlight = history.operations().stream().filter(op -> op.status() == Status.UNKNOWN).count();
        out.println("  " + report + ": " + which + "'s " + history.size() + " client operations (" + inFlight
                + " in flight when it failed) checked: " + result.verdict() + " against the key-value model; the run"
                + " failed on: " + failedOn);
    }

    /** The trace {@code which} run wrote as it failed, drawn as the timeline {@code timeline}. */
    static void writeTimeline(Path timeline, String which, SimulationFailure failure, PrintStream out) {
        Optional<Path> trace = failure.traceFile();
        if (trace.isEmpty()) {
            out.println("  no trace of " + which + " was written, so no timeline: "
                    + failure.getMessage().lines().filter(l -> l.startsWith("trace: ")).findFirst()
                    .orElse("its replay wrote none"));
            return;
        }
        try {
            TraceTimeline.writeHtml(trace.get(), timeline);
        } catch (IOException | TraceFileException e) {
            throw new UncheckedIOException("cannot draw the trace " + trace.get() + " as the timeline " + timeline
                    + ": " + e.getMessage() + "; make " + FOLDER + " writable",
                    e instanceof IOException io ? io : new IOException(e));
        }
        out.println("  " + timeline + ": " + which + "'s trace (" + FOLDER.resolve(trace.get().getFileName())
                + ") as a timeline");
    }

    private static void printCommands(String name, long seed, Path log, PrintStream out) {
        out.println("rerun: " + ProgramSweep.rerunCommand(name, seed));
        out.println("replay: ./heddle replay " + log);
    }

    /**
     * What the run failed on, in a few words: its assertion's message up to the first colon (the
     * broken invariant, or "linearizability"), else the kind of failure.
     */
    private static String failedOn(SimulationFailure failure) {
        Throwable cause = failure.getCause();
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 ? message.substring(0, colon) : failure.kind().name();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage()
                    + "; make " + FOLDER + " writable", e);
        }
    }
}
