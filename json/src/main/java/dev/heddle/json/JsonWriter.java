package dev.heddle.json;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON: strings escaped, and plain Java data ({@link Map} as an object, {@link List} as an
 * array, {@link String}, null, and numbers and booleans as they print) either compact, one value a
 * line as histories hold it, or indented, as the fuzz runner's summary is kept to be read and
 * diffed. What it writes, {@link JsonParser} reads back to equal data.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** Appends {@code value} as a JSON string. */
    public static void string(String value, StringBuilder out) {
        escaped(value, false, out);
    }

    /**
     * Appends {@code value} as a JSON string that can stand as it is inside an HTML page's script
     * element: {@code <} is escaped too, since {@code </script>} would end the element, and so are
     * U+2028 and U+2029, which end a line in older JavaScript.
     */
    public static void stringForScript(String value, StringBuilder out) {
        escaped(value, true, out);
    }

    /** Appends {@code value} as compact JSON, on one line. */
    public static void value(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
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
                    string(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    value(entry.getValue(), out);
                }
                out.append('}');
            }
            default -> out.append(value);
        }
    }

    /**
     * {@code value} as JSON indented by two spaces, one object member a line and an array of
     * plain values on one line, ending in a newline.
     */
    public static String indented(Object value) {
        StringBuilder out = new StringBuilder();
        indented(value, "", out);
        return out.append('\n').toString();
    }

    private static void indented(Object value, String indent, StringBuilder out) {
        switch (value) {
            case Map<?, ?> map when !map.isEmpty() -> {
                out.append('{');
                String inner = indent + "  ";
                String comma = "\n";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(comma).append(inner);
                    string(String.valueOf(entry.getKey()), out);
                    out.append(": ");
                    indented(entry.getValue(), inner, out);
                    comma = ",\n";
                }
                out.append('\n').append(indent).append('}');
            }
            case List<?> list -> {
                boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
                out.append('[');
                String inner = indent + "  ";
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",").append(flat ? (i == 0 ? "" : " ") : "\n" + inner);
                    indented(list.get(i), inner, out);
                }
                out.append(flat || list.isEmpty() ? "" : "\n" + indent).append(']');
            }
            case null, default -> value(value, out);
        }
    }

    private static void escaped(String value, boolean forScript, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || forScript && (c == '<' || c == 0x2028 || c == 0x2029)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
