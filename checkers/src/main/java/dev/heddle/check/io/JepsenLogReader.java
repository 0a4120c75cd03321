package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Jepsen log lines as in Porcupine's etcd test data:
 * {@code INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]}: after the {@code " - "}, whitespace
 * separates the process, the event type ({@code :invoke :ok :fail :info}), the operation
 * ({@code :read :write :cas}) and the value ({@code nil}, an integer, {@code [from to]} or
 * {@code :timed-out}). An {@code :info} or {@code :timed-out} completion leaves the operation
 * unknown.
 *
 * <p>As in Porcupine's parser, lines that are not {@code jepsen.util} events are skipped: other
 * loggers, and {@code jepsen.util} messages whose second field is not a {@code :type} keyword.
 * Events of the {@code :nemesis} process are skipped too. An event line that does not fit
 * (unknown type or operation, bad value) is rejected, since dropping it would change the history.
 */
final class JepsenLogReader {
    static final String TIMED_OUT = ":timed-out";

    private static final Pattern LOG_LINE = Pattern.compile(
            "^(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\s+\\S+\\s+-\\s.*");
    /** A {@code jepsen.util} line whose second field after the dash is a keyword: an event. */
    private static final Pattern EVENT_START = Pattern.compile("^\\S+\\s+jepsen\\.util\\s+-\\s+(\\S+)\\s+:\\S.*");
    private static final Pattern EVENT = Pattern.compile(
            "^\\S+\\s+\\S+\\s+-\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.*?)\\s*$");
    private static final String NEMESIS = ":nemesis";
    private static final Pattern PAIR = Pattern.compile("\\[\\s*(nil|-?\\d+)\\s+(nil|-?\\d+)\\s*]");

    private JepsenLogReader() {
    }

    /** Whether this is a log line ({@code LEVEL LOGGER - message}), the first line of a Jepsen log. */
    static boolean looksLikeLogLine(String line) {
        return LOG_LINE.matcher(line).matches();
    }

    static History read(String source, List<String> lines) throws HistoryFormatException {
        InvocationPairing pairing = new InvocationPairing();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                event(line, pairing, i + 1);
            } catch (LineSyntaxException e) {
                throw new HistoryFormatException(source, i + 1, e.getMessage());
            }
        }
        return pairing.history();
    }

    private static void event(String line, InvocationPairing pairing, int lineNumber) throws LineSyntaxException {
        Matcher start = EVENT_START.matcher(line);
        if (!start.matches() || start.group(1).equals(NEMESIS)) {
            return;
        }
        Matcher matcher = EVENT.matcher(line);
        if (!matcher.matches()) {
            throw new LineSyntaxException("expected a jepsen.util event: LEVEL jepsen.util - PROCESS TYPE F VALUE,"
                    + " e.g. 'INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]'");
        }
        int process;
        try {
            process = Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new LineSyntaxException("expected the process number after ' - ', got '" + matcher.group(1) + "'");
        }
        String type = matcher.group(2);
        String f = matcher.group(3);
        if (!f.equals(":read") && !f.equals(":write") && !f.equals(":cas")) {
            throw new LineSyntaxException("expected the operation :read, :write or :cas, got '" + f + "'");
        }
        Object value = value(matcher.group(4));
        String name = f.substring(1);
        boolean timedOut = TIMED_OUT.equals(value);
        switch (type) {
            case ":invoke" -> pairing.invoke(process, name, null, value, lineNumber);
            case ":ok" -> pairing.complete(process, name, timedOut ? Status.UNKNOWN : Status.OK, value);
            case ":fail" -> pairing.complete(process, name, timedOut ? Status.UNKNOWN : Status.FAILED, value);
            case ":info" -> pairing.complete(process, name, Status.UNKNOWN, null);
            default -> throw new LineSyntaxException("expected the event type :invoke, :ok, :fail or :info, got '"
                    + type + "'");
        }
    }

    private static Object value(String text) throws LineSyntaxException {
        if (text.equals("nil")) {
            return null;
        }
        if (text.equals(TIMED_OUT)) {
            return TIMED_OUT;
        }
        if (LongLiteral.looksLikeInteger(text)) {
            return LongLiteral.parse(text);
        }
        Matcher pair = PAIR.matcher(text);
        if (pair.matches()) {
            List<Object> values = new ArrayList<>(2);
            for (int g = 1; g <= 2; g++) {
                values.add(pair.group(g).equals("nil") ? null : LongLiteral.parse(pair.group(g)));
            }
            return values;
        }
        throw new LineSyntaxException("expected the value nil, an integer, [from to] or :timed-out, got '" + text + "'");
    }
}
