package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Status;

import java.util.List;
import java.util.Map;

/**
 * Reads Jepsen histories written as one EDN map per event, e.g.
 * {@code {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}}. An {@code :ok}
 * completion's {@code :value} is the output; {@code :fail} means no effect; {@code :info} (or a
 * {@code :timed-out} value) leaves the operation unknown. Other keys ({@code :time}, ...) are
 * ignored. Events of {@code :process :nemesis} (the fault injector's start and stop, not client
 * operations) are skipped, as Knossos skips them.
 */
final class EdnHistoryReader {
    private static final EdnValueParser.Keyword PROCESS = new EdnValueParser.Keyword("process");
    private static final EdnValueParser.Keyword TYPE = new EdnValueParser.Keyword("type");
    private static final EdnValueParser.Keyword F = new EdnValueParser.Keyword("f");
    private static final EdnValueParser.Keyword KEY = new EdnValueParser.Keyword("key");
    private static final EdnValueParser.Keyword VALUE = new EdnValueParser.Keyword("value");
    private static final EdnValueParser.Keyword NEMESIS = new EdnValueParser.Keyword("nemesis");

    private EdnHistoryReader() {
    }

    static History read(String source, List<String> lines) throws HistoryFormatException {
        InvocationPairing pairing = new InvocationPairing();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                event(EdnValueParser.parse(line), pairing, i + 1);
            } catch (LineSyntaxException e) {
                throw new HistoryFormatException(source, i + 1, e.getMessage());
            }
        }
        return pairing.history();
    }

    private static void event(Object parsed, InvocationPairing pairing, int line) throws LineSyntaxException {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new LineSyntaxException("expected an EDN map like {:process 0, :type :invoke, :f :read, :value nil}");
        }
        if (NEMESIS.equals(map.get(PROCESS))) {
            return;
        }
        if (!(map.get(PROCESS) instanceof Long process) || process != process.intValue()) {
            throw new LineSyntaxException("expected :process with an integer (or :nemesis, skipped), got "
                    + map.get(PROCESS));
        }
        if (!(map.get(F) instanceof EdnValueParser.Keyword f)) {
            throw new LineSyntaxException("expected :f with a keyword such as :read, got " + map.get(F));
        }
        Object value = plain(map.get(VALUE));
        Object key = plain(map.get(KEY));
        String type = map.get(TYPE) instanceof EdnValueParser.Keyword keyword ? keyword.name() : "";
        int client = process.intValue();
        switch (type) {
            case "invoke" -> pairing.invoke(client, f.name(), key, value, line);
            case "ok" -> pairing.complete(client, f.name(),
                    JepsenLogReader.TIMED_OUT.equals(value) ? Status.UNKNOWN : Status.OK, value);
            case "fail" -> pairing.complete(client, f.name(),
                    JepsenLogReader.TIMED_OUT.equals(value) ? Status.UNKNOWN : Status.FAILED, value);
            case "info" -> pairing.complete(client, f.name(), Status.UNKNOWN, null);
            default -> throw new LineSyntaxException("expected :type to be :invoke, :ok, :fail or :info, got "
                    + map.get(TYPE));
        }
    }

    /** Keywords become their names as strings, so values compare with other formats' values. */
    private static Object plain(Object value) {
        if (value instanceof EdnValueParser.Keyword keyword) {
            return ":" + keyword.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EdnHistoryReader::plain).toList();
        }
        return value;
    }
}
