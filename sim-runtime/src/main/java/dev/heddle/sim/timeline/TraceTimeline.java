package dev.heddle.sim.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws a trace file as one self-contained HTML page (inline CSS and script, nothing fetched): a
 * lane per task, grouped under its host, with its steps, the time it was parked and who woke it;
 * arrows for network messages (a cross where one was lost); bands where a host was crashed,
 * paused, cut off by a partition or clogged; a simulated-time axis; and, for the event clicked,
 * its details and the stack where its step left the task. The page parses the trace itself and
 * draws only what is in view, so a trace of tens of thousands of events stays usable.
 *
 * <pre>{@code
 * TraceTimeline.writeHtml(Path.of("target/heddle/KvTest#survivesCrash.trace.jsonl"), Path.of("timeline.html"));
 * }</pre>
 */
public final class TraceTimeline {
    private static final String TEMPLATE = "timeline.html";
    private static final String DATA_MARK = "/*TRACE*/";
    private static final String TITLE_MARK = "<!--TITLE-->";

    private TraceTimeline() {}

    /**
     * Reads the trace {@code trace} and writes its timeline to {@code html} (replaced).
     *
     * @throws TraceFileException when {@code trace} is not a trace this build can draw
     * @throws IOException when {@code html} cannot be written
     */
    public static void writeHtml(Path trace, Path html) throws TraceFileException, IOException {
        Files.writeString(html, render(TraceFile.read(trace)), StandardCharsets.UTF_8);
    }

    /** The page of {@code trace}. */
    public static String render(TraceFile trace) {
        StringBuilder data = new StringBuilder(trace.lines().stream().mapToInt(String::length).sum() + 16);
        data.append('[');
        for (int i = 0; i < trace.lines().size(); i++) {
            if (i > 0) {
                data.append(",\n");
            }
            // The lines are JSON, checked; only a "</" inside a string could end the script element early.
            data.append(trace.lines().get(i).replace("</", "<\\/"));
        }
        data.append(']');
        String title = "Heddle trace: seed " + trace.header().getOrDefault("seed", "?") + ", "
                + trace.path().getFileName();
        return template().replace(TITLE_MARK, escape(title)).replace(DATA_MARK, data);
    }

    private static String template() {
        try (InputStream in = TraceTimeline.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the page template " + TEMPLATE + " is missing from the classpath,"
                        + " next to " + TraceTimeline.class.getName() + "; rebuild sim-runtime");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
