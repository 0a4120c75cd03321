package dev.heddle.check.io;

import dev.heddle.check.History;
import dev.heddle.check.Operation;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a history as Jepsen does, one EDN map per event:
 * {@code {:process 0, :type :invoke, :f :append, :key "0", :value "x"}}, then
 * {@code {:process 0, :type :ok, :f :append, :key "0", :value "x"}}. The completion's
 * {@code :value} is the output, or the input echoed when there is none; failed operations complete
 * with {@code :fail}, unknown ones with {@code :info}. {@link EdnHistoryReader} reads it back.
 */
final class EdnHistoryWriter {
    private EdnHistoryWriter() {
    }

    static void write(History history, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (InvocationEvents.Event event : InvocationEvents.of(history)) {
            Operation op = event.op();
            line.setLength(0);
            line.append("{:process ").append(op.client()).append(", :type ").append(type(event));
            line.append(", :f ");
            keyword(op.f(), line);
            if (op.key() != null) {
                value(op.key(), line.append(", :key "));
            }
            value(event.invocation() ? op.input() : InvocationEvents.completionValue(op), line.append(", :value "));
            out.write(line.append("}\n").toString());
        }
    }

    private static String type(InvocationEvents.Event event) {
        if (event.invocation()) {
            return ":invoke";
        }
        return switch (event.op().status()) {
            case OK -> ":ok";
            case FAILED -> ":fail";
            case UNKNOWN -> ":info";
        };
    }

    private static void keyword(String name, StringBuilder out) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || "{}[]()\"".indexOf(c) >= 0) {
                throw new IllegalArgumentException("operation name '" + name + "' cannot be an EDN keyword (it"
                        + " contains '" + c + "'); rename the operation or write JSON lines");
            }
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty operation name cannot be an EDN keyword");
        }
        out.append(':').append(name);
    }

    private static void value(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("nil");
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
                        default -> out.append(c);
                    }
                }
                out.append('"');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    value(list.get(i), out);
                }
                out.append(']');
            }
            case Long l -> out.append(l);
            case Boolean b -> out.append(b);
            default -> throw new IllegalArgumentException("value " + value + " (" + value.getClass().getName()
                    + ") has no EDN form here; operation values are nil, integers, strings, booleans and lists");
        }
    }
}
