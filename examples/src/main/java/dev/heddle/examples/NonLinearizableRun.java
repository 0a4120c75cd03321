package dev.heddle.examples;

import dev.heddle.check.HistoryRecorder;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's report of a failure that the linearizability check found: the first store row whose
 * first failure is the checker's, that seed run once more with its clients' history and its trace
 * kept, written under {@code target/heddle/demo/} as the checker's HTML report (the key whose
 * operations no order explains, and those operations) and the run's timeline.
 *
 * <p>Not shrunk, unlike {@link StoreFailureShrink}'s failure: such a failure is found at the end of
 * the whole test, so each replay of a shrink runs it all and checks it again, about half a second
 * on two cores, and 500 replays (four minutes) removed only a third of a double apply's decisions.
 */
final class NonLinearizableRun {
    /** How the store's test begins the message of a failure its checker found. */
    private static final String CHECKER_FAILURE = "linearizability:";

    private NonLinearizableRun() {}

    /** The first of {@code storeSweeps} whose first failure is the checker's, if any. */
    static Optional<ProgramSweep> chosen(List<ProgramSweep> storeSweeps) {
        return storeSweeps.stream().filter(s -> s.firstFailure() != null && isCheckerFailure(s.firstFailure()))
                .findFirst();
    }

    private static boolean isCheckerFailure(SimulationFailure failure) {
        Throwable cause = failure.getCause();
        return cause != null && cause.getMessage() != null && cause.getMessage().startsWith(CHECKER_FAILURE);
    }

    /** Runs the first failure of {@code sweep} again, writes its report and timeline, and prints what it did to {@code out}. */
    static void rerunAndWrite(ProgramSweep sweep, PrintStream out) {
        String name = sweep.name();
        long seed = sweep.firstFailure().seed();
        out.printf("The first failure the linearizability check found, %s seed %s, run again with its clients'"
                + " history kept:%n", name, Simulation.hex(seed));
        Path trace = StoreFailureShrink.FOLDER.resolve(name + ".trace.jsonl");
        HistoryRecorder[] clientOperations = new HistoryRecorder[1];
        try {
            ProgramSweep.simulation(name, seed).recordTraceOfFailure(trace)
                    .run(StorePrograms.body(name, recorder -> clientOperations[0] = recorder));
            out.println("  it passed when run again: the run depends on more than its seed, so there is nothing to"
                    + " report on");
        } catch (SimulationFailure run) {
            StoreFailureShrink.writeReport(StoreFailureShrink.FOLDER.resolve(name + ".linearizability.html"),
                    name + ", seed " + Simulation.hex(seed), "the run", run, clientOperations[0], out);
            StoreFailureShrink.writeTimeline(StoreFailureShrink.FOLDER.resolve(name + ".timeline.html"), "the run",
                    run, out);
        }
        out.println("rerun: " + ProgramSweep.rerunCommand(name, seed));
    }
}
