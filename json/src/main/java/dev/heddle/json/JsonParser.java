package dev.heddle.json;

import dev.heddle.json.JsonSyntaxException.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one JSON value (RFC 8259) into plain Java data: objects as {@link Map} (fields in
 * order), arrays as {@link List}, integers as {@link Long}, other numbers as {@link Double},
 * strings, booleans and null. Strict where a browser's {@code JSON.parse} is, so that a trace line
 * checked here is one the trace page's script can parse: whitespace is space, tab, CR and LF only,
 * a string holds no raw control character and a number is written as RFC 8259 writes it.
 *
 * <p>An integer is read exactly as a {@code long}, never through a {@code double}, which holds
 * integers exactly only up to 2<sup>53</sup>: a history's values may be any {@code long}. One
 * beyond a {@code long} is rejected naming its digits rather than rounded.
 */
public final class JsonParser {
    /**
     * How deep arrays and objects may nest. The parser recurses once per level, so a line of a few
     * thousand brackets would overflow the stack; Heddle's own files nest a few levels at most.
     */
    public static final int MAX_DEPTH = 100;

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    /** The value {@code text} holds, with nothing but whitespace around it. */
    public static Object parse(String text) throws JsonSyntaxException {
        JsonParser parser = new JsonParser(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.expected("nothing more after the JSON value");
        }
        return value;
    }

    private Object value() throws JsonSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw expected("a JSON value");
        }
        char c = text.charAt(pos);
        if ((c == '{' || c == '[') && depth == MAX_DEPTH) {
            throw error(Kind.NESTED_TOO_DEEP, "values nested more than " + MAX_DEPTH + " levels deep", "");
        }
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw expected("a JSON value");
            }
        };
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        depth++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw expected("a field name in double quotes");
            }
            String name = string();
            skipSpace();
            if (peek() != ':') {
                throw expected("':' after field \"" + name + "\"");
            }
            pos++;
            map.put(name, value());
            skipSpace();
            char c = peek();
            if (c == '}') {
                pos++;
                depth--;
                return map;
            }
            if (c != ',') {
                throw expected("',' or '}'");
            }
            pos++;
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        List<Object> list = new ArrayList<>();
        pos++;
        depth++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            char c = peek();
            if (c == ']') {
                pos++;
                depth--;
                return list;
            }
            if (c != ',') {
                throw expected("',' or ']'");
            }
            pos++;
        }
    }

    /**
     * A string, its escapes decoded. A character beyond the Basic Multilingual Plane is escaped as
     * two {@code \}{@code uXXXX} (a surrogate pair), which decode to the two chars Java holds it as.
     */
    private String string() throws JsonSyntaxException {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("a raw control character U+" + hex(c) + " inside a string; JSON writes it as \\u"
                        + hex(c));
            }
            pos++;
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hexEscape());
                default -> throw expected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
            pos++;
        }
        throw malformed("a string is not closed");
    }

    /** The char of the four hex digits after the {@code u} at {@code pos}, leaving {@code pos} on the last. */
    private char hexEscape() throws JsonSyntaxException {
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = pos + i < text.length() ? hexDigit(text.charAt(pos + i)) : -1;
            if (digit < 0) {
                pos++;
                throw expected("four hex digits after \\u");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * A number as RFC 8259 writes it (no leading zeros, digits on both sides of the point); an
     * optional minus and digits alone make an integer. The run of characters a number may hold is
     * taken whole, so that {@code 01} or {@code 1.2.3} is named as it stands.
     */
    private Object number() throws JsonSyntaxException {
        int start = pos;
        while (pos < text.length() && "0123456789+-.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        Matcher parts = NUMBER.matcher(number);
        if (!parts.matches()) {
            pos = start;
            throw expected("a number (got '" + number + "')");
        }
        if (parts.group(2) != null || parts.group(3) != null) {
            return Double.parseDouble(number);
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            pos = start;
            throw error(Kind.INTEGER_TOO_LARGE, "integer " + number + " is too large for a long (64 bits)", number);
        }
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw expected("a JSON value");
        }
        pos += word.length();
        return value;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04x", (int) c);
    }

    private JsonSyntaxException expected(String what) {
        return malformed("expected " + what);
    }

    private JsonSyntaxException malformed(String problem) {
        return error(Kind.MALFORMED, problem, "");
    }

    /** The problem at {@code pos}, which is counted in lines and columns as an editor shows them. */
    private JsonSyntaxException error(Kind kind, String problem, String token) {
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return new JsonSyntaxException(kind, problem, token, line, pos - lineStart + 1);
    }
}
