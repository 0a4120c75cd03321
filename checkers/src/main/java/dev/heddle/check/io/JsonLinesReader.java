package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.json.JsonParser;
import dev.heddle.json.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Heddle's JSON-lines format: one object per operation with the fields {@code client},
 * {@code f}, {@code call}, {@code status} ({@code "ok"}, {@code "fail"} or {@code "unknown"}),
 * {@code return} (required unless unknown) and optionally {@code key}, {@code input},
 * {@code output}. Blank lines are skipped.
 */
final class JsonLinesReader {
    private static final Set<String> FIELDS = Set.of("client", "f", "key", "input", "output", "call", "return", "status");

    private JsonLinesReader() {
    }

    static History read(String source, List<String> lines) throws HistoryFormatException {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                operations.add(operation(JsonParser.parse(line)));
            } catch (JsonSyntaxException e) {
                throw new HistoryFormatException(source, i + 1, problem(e));
            } catch (LineSyntaxException e) {
                throw new HistoryFormatException(source, i + 1, e.getMessage());
            }
        }
        return new History(operations);
    }

    /** What is wrong with a line that is not JSON; its two limits worded as the EDN reader words them. */
    private static String problem(JsonSyntaxException e) {
        return switch (e.kind()) {
            case MALFORMED -> e.getMessage();
            case NESTED_TOO_DEEP -> ValueNesting.tooDeep(e.column()).getMessage();
            case INTEGER_TOO_LARGE -> LongLiteral.tooLarge(e.token()) + " (column " + e.column() + ")";
        };
    }

    private static Operation operation(Object parsed) throws LineSyntaxException {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new LineSyntaxException("expected a JSON object with the fields " + fieldList());
        }
        for (Object field : map.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new LineSyntaxException("unknown field \"" + field + "\"; expected only " + fieldList());
            }
        }
        long client = integer(map, "client");
        if (client != (int) client) {
            throw new LineSyntaxException("\"client\" must fit in an int, got " + client);
        }
        if (!(map.get("f") instanceof String f)) {
            throw new LineSyntaxException("expected \"f\": the operation name as a string");
        }
        Status status = status(map.get("status"));
        long call = integer(map, "call");
        try {
            if (status == Status.UNKNOWN) {
                return Operation.unknown((int) client, f, map.get("key"), map.get("input"), call);
            }
            return new Operation((int) client, f, map.get("key"), map.get("input"), map.get("output"), call,
                    integer(map, "return"), status);
        } catch (IllegalArgumentException e) {
            throw new LineSyntaxException(e.getMessage());
        }
    }

    private static long integer(Map<?, ?> map, String field) throws LineSyntaxException {
        if (map.get(field) instanceof Long value) {
            return value;
        }
        throw new LineSyntaxException("expected \"" + field + "\": an integer, got "
                + (map.containsKey(field) ? String.valueOf(map.get(field)) : "nothing"));
    }

    private static Status status(Object value) throws LineSyntaxException {
        if ("ok".equals(value)) {
            return Status.OK;
        }
        if ("fail".equals(value)) {
            return Status.FAILED;
        }
        if ("unknown".equals(value)) {
            return Status.UNKNOWN;
        }
        throw new LineSyntaxException("expected \"status\": \"ok\", \"fail\" or \"unknown\", got " + value);
    }

    static String statusName(Status status) {
        return switch (status) {
            case OK -> "ok";
            case FAILED -> "fail";
            case UNKNOWN -> "unknown";
        };
    }

    private static String fieldList() {
        return "client, f, key, input, output, call, return, status";
    }
}
