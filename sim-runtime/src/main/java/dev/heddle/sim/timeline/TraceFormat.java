package dev.heddle.sim.timeline;

import java.util.Set;

/**
 * The trace file: one simulation run's every event, written by a run that asks for it
 * ({@code Simulation.recordTrace}, {@code -Dheddle.trace=FILE}, and beside the seed file for a
 * failed {@code @SimTest} seed) and drawn by {@link TraceTimeline}. It is JSON lines, UTF-8: a
 * header object first, then one object a line, each with its kind {@code "e"}, the index
 * {@code "i"} of the trace event it is (or, for a line that adds detail, of the next one) and the
 * true virtual time {@code "t"} in nanoseconds since the run began; the last line is
 * {@code "run_end"}. Every field of every kind is described in {@code docs/trace-format.md};
 * a reader must ignore fields it does not know, and a new version number means that a field's
 * meaning changed or one was taken away.
 */
public final class TraceFormat {
    /** The header's {@code "format"}. */
    public static final String NAME = "heddle-trace";
    /** The header's {@code "version"}; this one is what this build writes and reads. */
    public static final int VERSION = 1;
    /** The name a trace file is given beside a seed file: {@code <Class>#<method>} and this. */
    public static final String SUFFIX = ".trace.jsonl";

    /**
     * The kinds of line that add detail to a run rather than being one of its trace events: they
     * carry the index of the event after them.
     */
    public static final Set<String> DETAIL_KINDS = Set.of("site", "stack", "message", "arrive", "network");

    private TraceFormat() {}
}
