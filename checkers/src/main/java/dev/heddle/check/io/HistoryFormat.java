package dev.heddle.check.io;

import dev.heddle.check.History;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The history file formats this package reads, recognized from their first non-blank line, and
 * writes, chosen by the file's extension.
 */
public enum HistoryFormat {
    /** Heddle's own format: one JSON object per operation (see the module README). */
    JSON_LINES,
    /** Jepsen histories: one EDN map per event, {@code {:process 0, :type :invoke, :f :read, :value nil}}. */
    EDN,
    /** Jepsen log lines as in Porcupine's etcd data: {@code INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]}. */
    JEPSEN_LOG;

    /** The format whose first non-blank line this is, or {@code null} when none matches. */
    static HistoryFormat recognize(String line) {
        String text = line.strip();
        if (text.startsWith("{")) {
            String rest = text.substring(1).stripLeading();
            if (rest.startsWith("\"")) {
                return JSON_LINES;
            }
            if (rest.startsWith(":")) {
                return EDN;
            }
            return null;
        }
        return JepsenLogReader.looksLikeLogLine(text) ? JEPSEN_LOG : null;
    }

    /** The format for a file name: {@code .edn} EDN, {@code .log} Jepsen log lines, otherwise JSON lines. */
    public static HistoryFormat forFileName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".edn")) {
            return EDN;
        }
        if (name.endsWith(".log")) {
            return JEPSEN_LOG;
        }
        return JSON_LINES;
    }

    /**
     * Writes {@code history} in this format.
     *
     * @throws IllegalArgumentException when the format cannot hold it (the message names the operation)
     */
    void write(History history, Writer out) throws IOException {
        switch (this) {
            case JSON_LINES -> JsonLinesWriter.write(history, out);
            case EDN -> EdnHistoryWriter.write(history, out);
            case JEPSEN_LOG -> JepsenLogWriter.write(history, out);
        }
    }

    History read(String source, List<String> lines) throws HistoryFormatException {
        return switch (this) {
            case JSON_LINES -> JsonLinesReader.read(source, lines);
            case EDN -> EdnHistoryReader.read(source, lines);
            case JEPSEN_LOG -> JepsenLogReader.read(source, lines);
        };
    }
}
