package dev.heddle.sim.timeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./heddle trace FILE --html OUT}: draws a trace file as an HTML timeline
 * ({@link TraceTimeline}). Relative paths are the caller's folder's, where the JVM runs; every
 * usage error and unreadable trace is one line on stderr and exit code 2, worded as the
 * {@code heddle} script words the ones it finds before building.
 */
public final class TraceCommand {
    static final int WRITTEN = 0;
    static final int BAD_INPUT = 2;

    /** What {@code ./heddle trace --help} prints; the {@code heddle} script prints the same (HeddleScriptTest). */
    public static final String USAGE = """
            usage: ./heddle trace FILE --html OUT
            Draws the trace file FILE (one run's every event: see -Dheddle.trace=FILE, and the trace a failed
            @SimTest seed leaves beside its seed file) as one self-contained HTML page OUT: a lane per task
            under its host, park/wake edges, message arrows, fault bands and a simulated-time axis; click an
            event for its details and stack. OUT#event=N opens the page on event N.
              --html OUT    the page to write, replaced if there is one
              -h, --help    print this and exit
            Relative paths are read from the current folder.
            Exit code: 0 the page was written, 2 bad arguments or a FILE that is not a trace this Heddle reads.
            """;

    private TraceCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.print(USAGE);
                return WRITTEN;
            }
        }
        String file = null;
        String html = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--html")) {
                if (i + 1 >= args.length) {
                    return usageError(err, "--html needs a value");
                }
                html = args[++i];
            } else if (a.startsWith("-") && !a.equals("-")) {
                return usageError(err, "unknown option '" + a + "'; the options are --html OUT, -h, --help");
            } else if (file != null) {
                return usageError(err, "two trace files named, '" + file + "' and '" + a + "'; draw one at a time");
            } else {
                file = a;
            }
        }
        if (file == null) {
            return usageError(err, "no trace file given");
        }
        if (html == null) {
            return usageError(err, "--html OUT is required: the page to write");
        }
        Path page = Path.of(html);
        Path folder = page.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            err.println("heddle trace: " + html + ": its folder " + folder + " does not exist; create it first");
            return BAD_INPUT;
        }
        try {
            TraceFile trace = TraceFile.read(Path.of(file));
            Files.writeString(page, TraceTimeline.render(trace));
            out.println(html + ": " + trace.events() + " events" + (trace.complete() ? "" : " (the run did not end)")
                    + ", from " + file);
            return WRITTEN;
        } catch (TraceFileException e) {
            err.println("heddle trace: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("heddle trace: " + html + ": cannot be written: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static int usageError(PrintStream err, String message) {
        err.println("heddle trace: " + message);
        err.println("(./heddle trace --help shows the usage)");
        return BAD_INPUT;
    }
}
