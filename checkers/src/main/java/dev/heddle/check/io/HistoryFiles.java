package dev.heddle.check.io;

import dev.heddle.check.History;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads history files in any of the {@link HistoryFormat}s, recognizing the format from the
 * first non-blank line, and writes them in the format the file name asks for.
 *
 * <pre>{@code
 * History history = HistoryFiles.read(Path.of("test_data/etcd_000.log"));
 * HistoryFiles.write(history, Path.of("etcd_000.jsonl"));   // or .edn, .log
 * }</pre>
 */
public final class HistoryFiles {
    private HistoryFiles() {
    }

    /** Reads a file of UTF-8 text; a byte-order mark at its start is skipped. */
    public static History read(Path file) throws IOException, HistoryFormatException {
        return read(file.toString(), Files.readAllBytes(file));
    }

    /** Reads the UTF-8 text of {@code bytes} (standard input, say), naming it {@code source} in errors. */
    public static History read(String source, byte[] bytes) throws HistoryFormatException {
        return parse(source, Utf8Text.decode(source, bytes));
    }

    /** Reads text, naming it {@code source} in errors. */
    public static History parse(String source, String text) throws HistoryFormatException {
        return parse(source, text.lines().toList());
    }

    private static History parse(String source, List<String> lines) throws HistoryFormatException {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            HistoryFormat format = HistoryFormat.recognize(lines.get(i));
            if (format == null) {
                throw new HistoryFormatException(source, i + 1, "not a history: expected a JSON object"
                        + " ({\"client\": ...}), an EDN map ({:process ...}) or a Jepsen log line"
                        + " (INFO  jepsen.util - 0\t:invoke\t:read\tnil)");
            }
            return format.read(source, lines);
        }
        return new History(List.of());
    }

    /** Writes in the format {@link HistoryFormat#forFileName} picks from the file's extension. */
    public static void write(History history, Path file) throws IOException {
        write(history, file, HistoryFormat.forFileName(file));
    }

    /**
     * Writes in {@code format}.
     *
     * @throws IllegalArgumentException when the format cannot hold the history (Jepsen log lines
     *                                  hold only integer read/write/cas registers)
     */
    public static void write(History history, Path file, HistoryFormat format) throws IOException {
        String text = toText(history, format);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
    }

    /** The history as the text of a file in {@code format}. */
    public static String toText(History history, HistoryFormat format) {
        StringWriter out = new StringWriter();
        try {
            format.write(history, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
