package dev.heddle.sim;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The trace file a failed run's replay writes ({@link Simulation#recordTraceOfFailure}): opened
 * on the trace {@link FailureReplay} gives the replay, and named in the report it makes. A file
 * that cannot be opened leaves the replay as it was, and the report says why there is none: the
 * replay must not fail for it, or the report would take the trace file's problem for the run's.
 */
final class FailureTraceFile {
    private final Path file;
    private final RunConfiguration configuration;
    private final String rerun;
    private final long stacksFrom;
    private boolean written;
    private String problem;

    /** The file {@code file} of a run of {@code configuration}, keeping the stacks of steps {@code stacksFrom} on. */
    FailureTraceFile(Path file, RunConfiguration configuration, String rerun, long stacksFrom) {
        this.file = file;
        this.configuration = configuration;
        this.rerun = rerun;
        this.stacksFrom = stacksFrom;
    }

    /**
     * The most steps a failed run may have taken for its replay to write a trace by itself: a
     * run stopped by its step budget would write gigabytes, and a suite of such failures fill the
     * disk. {@code -Dheddle.trace=FILE} records a longer one when asked.
     */
    static final long MAX_STEPS = 200_000;

    /** {@code replay} of a run that failed after {@code steps} steps, from now on written to the file as well, if it can be. */
    Trace recording(Trace replay, long steps) {
        if (steps > MAX_STEPS) {
            problem = "the run took " + steps + " steps, more than the " + MAX_STEPS + " a failure's trace is written"
                    + " for by itself; add -Dheddle.trace=FILE to the rerun command to record it";
            return replay;
        }
        try {
            TraceRecorder.open(file, replay, configuration, rerun, stacksFrom);
            written = true;
        } catch (UncheckedIOException e) {
            problem = e.getMessage();
        }
        return replay;
    }

    /** {@code report} naming the file, or saying why there is none; as it was when no replay ran. */
    SimulationFailure named(SimulationFailure report) {
        if (written) {
            return report.withTraceFile(file);
        }
        return problem == null ? report : report.withSchedule(report.data().schedule() + "trace: none, " + problem + "\n");
    }
}
