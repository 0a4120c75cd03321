package dev.heddle.sim.timeline;

import dev.heddle.json.JsonParser;
import dev.heddle.json.JsonSyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trace file read and checked line by line against the {@link TraceFormat}: the header names
 * the format and a version this build reads, and every other line is a JSON object with its kind
 * {@code "e"}, index {@code "i"} and time {@code "t"}. The lines are kept as they were written,
 * for the page to parse again.
 *
 * @param path the file
 * @param header the first line's fields
 * @param lines the lines, the header first, blank ones left out
 * @param events the trace events (lines that are not {@link TraceFormat#DETAIL_KINDS details}), as the last
 *     line counts them or, without one, as many as were written
 * @param complete whether it ends with {@code run_end}: a file without is from a run that did not end
 */
public record TraceFile(Path path, Map<String, Object> header, List<String> lines, long events, boolean complete) {

    public TraceFile {
        lines = List.copyOf(lines);
        header = Map.copyOf(header);
    }

    /**
     * Reads {@code path}.
     *
     * @throws TraceFileException with one line saying why it is not a trace this build can draw
     */
    public static TraceFile read(Path path) throws TraceFileException {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new TraceFileException(name + ": no such file"
                    + (path.isAbsolute() ? "" : " (looked in " + Path.of("").toAbsolutePath() + ")"));
        }
        if (Files.isDirectory(path)) {
            throw new TraceFileException(name + ": a directory, not a trace file; give the .trace.jsonl file");
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new TraceFileException(name + ": empty, not a trace file; write one with -Dheddle.trace=FILE");
            }
            Map<String, Object> header = header(name, first);
            List<String> lines = new ArrayList<>();
            lines.add(first);
            long events = 0;
            boolean complete = false;
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (complete) {
                    throw new TraceFileException(name + ":" + number + ": a line after run_end, which ends a trace");
                }
                Map<String, Object> fields = object(name, number, line);
                if (!(fields.get("e") instanceof String kind) || !(fields.get("i") instanceof Long)
                        || !(fields.get("t") instanceof Long)) {
                    throw new TraceFileException(name + ":" + number + ": a line of a trace has its kind \"e\" (a"
                            + " string), index \"i\" and time \"t\" (integers); this one has "
                            + fields.keySet() + "");
                }
                if (kind.equals("run_end")) {
                    complete = true;
                    events = fields.get("events") instanceof Long n ? n : events;
                } else if (!TraceFormat.DETAIL_KINDS.contains(kind)) {
                    events = Math.max(events, (Long) fields.get("i") + 1);
                }
                lines.add(line);
            }
            return new TraceFile(path, header, lines, events, complete);
        } catch (CharacterCodingException e) {
            throw new TraceFileException(name + ": not UTF-8 text, so not a trace file");
        } catch (NoSuchFileException e) {
            throw new TraceFileException(name + ": no such file");
        } catch (IOException e) {
            throw new TraceFileException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, Object> header(String name, String first) throws TraceFileException {
        Map<String, Object> header;
        try {
            header = JsonParser.parse(first) instanceof Map<?, ?> m ? cast(m) : null;
        } catch (JsonSyntaxException e) {
            header = null;
        }
        if (header == null || !TraceFormat.NAME.equals(header.get("format"))) {
            throw new TraceFileException(name + ": not a Heddle trace file (its first line is not {\"format\":\""
                    + TraceFormat.NAME + "\",...}); write one with -Dheddle.trace=FILE");
        }
        if (!(header.get("version") instanceof Long v) || v != TraceFormat.VERSION) {
            throw new TraceFileException(name + ": trace format version " + header.get("version") + ", and this"
                    + " Heddle reads version " + TraceFormat.VERSION + "; draw it with the Heddle that wrote it");
        }
        return header;
    }

    private static Map<String, Object> object(String name, int number, String line) throws TraceFileException {
        try {
            if (JsonParser.parse(line) instanceof Map<?, ?> m) {
                return cast(m);
            }
            throw new TraceFileException(name + ":" + number + ": not a JSON object; each line of a trace is one");
        } catch (JsonSyntaxException e) {
            throw new TraceFileException(name + ":" + number + ": not JSON, column " + e.column() + ": " + e.problem()
                    + (line.endsWith("}") ? "" : " (cut short? the run that wrote it may have been killed)"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
