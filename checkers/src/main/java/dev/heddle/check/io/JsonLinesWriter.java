package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** Writes Heddle's JSON-lines history format, one operation per line, and JSON values for reports. */
public final class JsonLinesWriter {
    private JsonLinesWriter() {
    }

    static void write(History history, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (Operation op : history.operations()) {
            line.setLength(0);
            line.append("{\"client\":").append(op.client()).append(",\"f\":");
            value(op.f(), line);
            if (op.key() != null) {
                value(op.key(), line.append(",\"key\":"));
            }
            if (op.input() != null) {
                value(op.input(), line.append(",\"input\":"));
            }
            if (op.status() != Status.UNKNOWN && op.output() != null) {
                value(op.output(), line.append(",\"output\":"));
            }
            line.append(",\"call\":").append(op.call());
            if (op.status() != Status.UNKNOWN) {
                line.append(",\"return\":").append(op.ret());
            }
            line.append(",\"status\":\"").append(JsonLinesReader.statusName(op.status())).append("\"}\n");
            out.write(line.toString());
        }
    }

    /** Appends {@code value} as JSON. */
    public static void value(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> {
                out.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format("\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(list.get(i), out);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    value(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    value(entry.getValue(), out);
                }
                out.append('}');
            }
            default -> out.append(value);
        }
    }
}
