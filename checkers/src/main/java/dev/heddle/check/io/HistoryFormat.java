package dev.heddle.check.io;

import dev.heddle.check.History;

import java.util.List;

/** The history file formats this package reads, recognized from their first non-blank line. */
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
            if (rest.startsWith("\"")) return JSON_LINES;
            if (rest.startsWith(":")) return EDN;
            return null;
        }
        return JepsenLogReader.looksLikeEvent(text) ? JEPSEN_LOG : null;
    }

    History read(String source, List<String> lines) throws HistoryFormatException {
        return switch (this) {
            case JSON_LINES -> JsonLinesReader.read(source, lines);
            case EDN -> EdnHistoryReader.read(source, lines);
            case JEPSEN_LOG -> JepsenLogReader.read(source, lines);
        };
    }
}
