package dev.heddle.check.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON value into plain Java data: objects as {@link Map}, arrays as {@link List},
 * integers as {@link Long}, other numbers as {@link Double}, strings, booleans and null.
 */
final class JsonValueParser {
    private final String text;
    private int pos;
    private int depth;

    private JsonValueParser(String text) {
        this.text = text;
    }

    static Object parse(String text) throws LineSyntaxException {
        JsonValueParser parser = new JsonValueParser(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.expected("end of line after the JSON value");
        }
        return value;
    }

    private Object value() throws LineSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw expected("a JSON value");
        }
        char c = text.charAt(pos);
        if ((c == '{' || c == '[') && depth == ValueNesting.MAX_DEPTH) {
            throw ValueNesting.tooDeep(pos + 1);
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

    private Map<String, Object> object() throws LineSyntaxException {
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
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw expected("',' or '}'");
            }
        }
    }

    private List<Object> array() throws LineSyntaxException {
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
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw expected("',' or ']'");
            }
        }
    }

    private String string() throws LineSyntaxException {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw expected("four hex digits after \\u");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException e) {
                        throw expected("four hex digits after \\u");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw expected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }
        }
        throw expected("a closing '\"'");
    }

    private Object number() throws LineSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean integral = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String digits = text.substring(start, pos);
        if (integral && LongLiteral.looksLikeInteger(digits)) {
            try {
                return LongLiteral.parse(digits);
            } catch (LineSyntaxException e) {
                throw new LineSyntaxException(e.getMessage() + " (column " + (start + 1) + ")");
            }
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            pos = start;
            throw expected("a number (got '" + digits + "')");
        }
    }

    private Object literal(String word, Object value) throws LineSyntaxException {
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
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private LineSyntaxException expected(String what) {
        return new LineSyntaxException("expected " + what + " at column " + (pos + 1));
    }
}
