package dev.heddle.sim;

import dev.heddle.runtime.internal.SpawnSite;
import dev.heddle.sim.timeline.TraceFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one run's full trace to a file as it happens, in the {@link TraceFormat}: every event of
 * its {@link Trace}, with the virtual time, the task whose step made it and the task it concerns
 * by name and host, and what the trace's hash does not need but a reader does: where each step
 * left its task and with what stack, each network message's sender and receiver, and the
 * network's cuts and clogs as they change. A run that records none pays one null check an
 * event; one that does pays a stack walk a step, so a failed seed's replay may keep stacks only
 * for its last steps ({@code stacksFrom}).
 *
 * <p>Used on the simulation's carrier; its methods are synchronized only because a run stuck in
 * a step is given up from the thread that waits for it, which then closes the file.
 */
final class TraceRecorder {
    /** The most frames a step's stack keeps, innermost first: deeper ones are rarely the user's. */
    private static final int MAX_FRAMES = 40;
    /** The most frames read of a step's stack: enough to find the user's code below Heddle's. */
    static final int MAX_WALKED = 80;

    private final Path file;
    private final Writer out;
    private final Trace trace;
    private final long stacksFrom;
    /** The stacks written so far, each once, by their frames. */
    private final Map<List<String>, Integer> stacks = new HashMap<>();
    private Simulator simulator;
    /** The task of the latest step: the one whose step records the events marked in-step. */
    private long running;
    /** The name of the fault whose event is recorded next. */
    private String faultName = "";
    private IOException failed;
    private boolean closed;

    private TraceRecorder(Path file, Writer out, Trace trace, long stacksFrom) {
        this.file = file;
        this.out = out;
        this.trace = trace;
        this.stacksFrom = stacksFrom;
    }

    /**
     * Creates (or replaces) {@code file}, writes the header of a run of {@code configuration}
     * that {@code rerun} repeats, and records {@code trace}'s events there from now on, with the
     * stacks of steps {@code stacksFrom} and later.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    static TraceRecorder open(Path file, Trace trace, RunConfiguration configuration, String rerun,
                              long stacksFrom) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            TraceRecorder recorder = new TraceRecorder(file, out, trace, stacksFrom);
            recorder.write(new TraceLine().text("format", TraceFormat.NAME).number("version", TraceFormat.VERSION)
                    .text("seed", Simulation.hex(configuration.seed()))
                    .text("strategy", configuration.strategy().name())
                    .number("workers", configuration.workers())
                    .number("stacks_from", stacksFrom)
                    .text("rerun", rerun));
            trace.recordTo(recorder);
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace file " + file.toAbsolutePath() + ": " + e
                    + "; give a path in a writable folder", e);
        }
    }

    /** The run's simulator, which says what time it is and which task is which. */
    synchronized void runBy(Simulator s) {
        simulator = s;
    }

    /** Event {@code index} of the trace, made by the running step when {@code inStep}. */
    synchronized void event(long index, Trace.Event kind, long a, long b, boolean inStep) {
        if (kind == Trace.Event.STEP) {
            running = a;
        }
        TraceLine line = new TraceLine(kind.name().toLowerCase(Locale.ROOT), index, now());
        if (inStep) {
            line.number("in", running);
        }
        switch (kind) {
            case SPAWN -> spawn(line, a, b);
            case WAKE, END, HOLD, POINT, SPURIOUS_WAKEUP -> line.number("task", a);
            case STEP -> line.number("task", a).number("step", simulator == null ? 0 : simulator.steps())
                    .number("worker", b - 1);
            case ADVANCE -> line.number("timers", b);
            case HOST_START, HOST_CRASH, HOST_PAUSE -> line.text("host", trace.host(a)).number("incarnation", b);
            case HOST_RESUME -> line.text("host", trace.host(a)).number("released", b);
            case HOST_CLOCK -> line.text("host", trace.latestHost()).number("offset_ns", a)
                    .text("drift_ppm", Double.toString(Double.longBitsToDouble(b)));
            case NET_CONNECT, NET_REFUSE -> line.number("connection", a).number("port", b);
            case NET_SEND, NET_DELIVER -> line.number("connection", a / 2).number("side", a % 2).number("bytes", b);
            case NET_RESET -> line.number("connection", a / 2).number("side", a % 2);
            case NET_DATAGRAM_SEND, NET_DATAGRAM_DELIVER -> line.number("port", a).number("bytes", b);
            case NET_DROP, NET_HOLD, NET_RELEASE -> line.number("message", a).number("bytes", b);
            case NET_DUPLICATE -> line.number("message", a).number("copy", b);
            case FAULT -> line.text("name", faultName).number("count", b);
            default -> { }
        }
        write(line.text("text", kind == Trace.Event.FAULT ? "fault " + faultName + " fired (" + b + " so far)"
                : trace.describe(kind, a, b)));
    }

    private void spawn(TraceLine line, long task, long parent) {
        line.number("task", task).text("name", trace.task(task));
        if (parent != 0) {
            line.number("parent", parent);
        }
        SimTask t = simulator == null ? null : simulator.tasks().aliveById().get(task);
        if (t != null && t.incarnation != null) {
            line.text("host", t.incarnation.name()).number("incarnation", t.incarnation.number());
        }
    }

    /** Fault kind {@code name} fires: its trace event, which follows, has only its name's hash. */
    synchronized void fault(String name) {
        faultName = name;
    }

    /**
     * Step {@code step} of task {@code t} ended where {@code site} says, its frames {@code frames}
     * (innermost first, empty when not read); {@code t} is null when the step went on past a
     * scheduling point.
     */
    synchronized void site(long step, SimTask t, String site, List<LiveFrames.Frame> frames) {
        TraceLine line = new TraceLine("site", trace.size(), now()).number("step", step).number("task", running)
                .text("at", site);
        if (t != null && step >= stacksFrom && !frames.isEmpty()) {
            line.number("stack", stackId(frames));
        }
        write(line);
    }

    /** Whether the stack of step {@code step} is wanted: a walk of its frames costs. */
    boolean wantsStack(long step) {
        return step >= stacksFrom;
    }

    /** The number of the stack {@code frames} shows, from the first frame of Heddle's or the user's code. */
    private int stackId(List<LiveFrames.Frame> frames) {
        List<String> shown = new ArrayList<>();
        List<Long> user = new ArrayList<>();
        boolean started = false;
        for (LiveFrames.Frame f : frames) {
            String cls = f.className();
            boolean users = SpawnSite.isUserClass(f.declaringClass());
            started |= users || cls.startsWith("dev.heddle.") && !cls.contains(".internal.");
            if (started && shown.size() < MAX_FRAMES) {
                if (users) {
                    user.add((long) shown.size());
                }
                shown.add(f.element().toString());
            }
        }
        Integer id = stacks.get(shown);
        if (id == null) {
            id = stacks.size() + 1;
            stacks.put(shown, id);
            write(new TraceLine("stack", trace.size(), now()).number("id", id).texts("frames", shown)
                    .numbers("user", user));
        }
        return id;
    }

    /** Network message {@code id} of {@code kind} and {@code bytes} sent from host {@code from} to {@code to}. */
    synchronized void messageSent(long id, String from, String to, String kind, int bytes) {
        TraceLine line = new TraceLine("message", trace.size(), now()).number("message", id).text("from", from)
                .text("to", to).text("kind", kind).number("bytes", bytes);
        if (trace.inStep()) {
            line.number("in", running);
        }
        write(line);
    }

    /** Network message {@code id} handed to its receiver. */
    synchronized void messageDelivered(long id) {
        write(new TraceLine("arrive", trace.size(), now()).number("message", id));
    }

    /** The network's cut links, clogged hosts and links, and held links, as they are now. */
    synchronized void networkConditions(List<String> cut, List<String> clogged, List<String> held) {
        write(new TraceLine("network", trace.size(), now()).texts("cut", cut).texts("clogged", clogged)
                .texts("held", held));
    }

    /**
     * Closes {@code trace}'s file, if it writes one, after a run that passed with {@code result}
     * or failed with {@code failure} (both null: it threw something else). A file that could not
     * be written fails a passing run, and is noted on a failure as a suppressed exception.
     */
    static void finish(Trace trace, SimulationResult result, SimulationFailure failure) {
        TraceRecorder recorder = trace.recorder();
        if (recorder == null) {
            return;
        }
        try {
            recorder.close(result != null ? result.traceHash() : failure != null ? failure.traceHash() : trace.hash(),
                    failure);
        } catch (UncheckedIOException e) {
            if (result != null) {
                throw e;
            }
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Ends the file with how the run ended: {@code failure} null for a pass. The file is closed
     * once; later calls do nothing.
     *
     * @throws UncheckedIOException naming the file when a write failed
     */
    synchronized void close(long hash, SimulationFailure failure) {
        if (closed) {
            return;
        }
        TraceLine end = new TraceLine("run_end", trace.size(), now()).number("events", trace.size())
                .number("steps", simulator == null ? 0 : simulator.steps()).text("hash", Long.toHexString(hash))
                .text("outcome", failure == null ? "passed" : "failed");
        if (failure != null) {
            String message = failure.getMessage();
            int firstLine = message.indexOf('\n');
            end.text("failure", failure.kind().name()).number("failed_at", failure.data().recent().total())
                    .text("message", firstLine < 0 ? message : message.substring(0, firstLine));
            failure.failingTask().ifPresent(task -> end.text("failing_task", task));
        }
        write(end);
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            failed = failed == null ? e : failed;
        }
        if (failed != null) {
            throw new UncheckedIOException("cannot write the trace file " + file.toAbsolutePath() + ": " + failed
                    + "; give a path in a writable folder with room", failed);
        }
    }

    private long now() {
        return simulator == null ? 0 : simulator.virtualTime();
    }

    private void write(TraceLine line) {
        if (failed != null || closed) {
            return;
        }
        try {
            out.write(line.toString());
            out.write('\n');
        } catch (IOException e) {
            failed = e;
        }
    }
}
