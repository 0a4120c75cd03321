package dev.heddle.check.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the EDN subset Jepsen histories use: maps, vectors and lists, keywords (returned as
 * {@link Keyword}), strings, integers, {@code nil}, {@code true} and {@code false}, sets
 * ({@code #{...}}, returned as lists, as nemesis values hold them) and tagged values such as
 * {@code #inst "..."} (returned as the value, without the tag). Commas are whitespace, as in
 * Clojure.
 */
final class EdnValueParser {
    /** An EDN keyword such as {@code :invoke}, without its colon. */
    record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    private final String text;
    private int pos;
    private int depth;

    private EdnValueParser(String text) {
        this.text = text;
    }

    static Object parse(String text) throws LineSyntaxException {
        EdnValueParser parser = new EdnValueParser(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.expected("end of line after the EDN value");
        }
        return value;
    }

    private Object value() throws LineSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw expected("an EDN value");
        }
        char c = text.charAt(pos);
        // A tag counts as a level: the value it tags is parsed by one more call, as a vector's elements are.
        if ("{[(#".indexOf(c) >= 0 && depth == ValueNesting.MAX_DEPTH) {
            throw ValueNesting.tooDeep(pos + 1);
        }
        switch (c) {
            case '{' -> {
                pos++;
                depth++;
                Map<Object, Object> map = new LinkedHashMap<>();
                while (true) {
                    skipSpace();
                    if (peek() == '}') {
                        pos++;
                        depth--;
                        return map;
                    }
                    Object key = value();
                    skipSpace();
                    if (peek() == '}') {
                        throw expected("a value for key " + key);
                    }
                    map.put(key, value());
                }
            }
            case '#' -> {
                pos++;
                if (peek() == '{') {
                    pos++;
                    return sequence('}');
                }
                if (symbol().isEmpty()) {
                    throw expected("'{' or a tag name after '#'");
                }
                depth++;
                Object tagged = value();
                depth--;
                return tagged;
            }
            case '[', '(' -> {
                pos++;
                return sequence(c == '[' ? ']' : ')');
            }
            case '"' -> {
                return string();
            }
            case ':' -> {
                pos++;
                String name = symbol();
                if (name.isEmpty()) {
                    throw expected("a keyword name after ':'");
                }
                return new Keyword(name);
            }
            default -> {
                int start = pos;
                String word = symbol();
                if (word.isEmpty()) {
                    throw expected("an EDN value");
                }
                String integer = word.endsWith("N") ? word.substring(0, word.length() - 1) : word;
                if (LongLiteral.looksLikeInteger(integer)) {
                    try {
                        return LongLiteral.parse(integer);
                    } catch (LineSyntaxException e) {
                        throw new LineSyntaxException(e.getMessage() + " (column " + (start + 1) + ")");
                    }
                }
                switch (word) {
                    case "nil" -> {
                        return null;
                    }
                    case "true" -> {
                        return Boolean.TRUE;
                    }
                    case "false" -> {
                        return Boolean.FALSE;
                    }
                    default -> {
                        pos = start;
                        throw expected("nil, true, false, a number, a string, a keyword, a vector or a map"
                                + " (got '" + word + "')");
                    }
                }
            }
        }
    }

    /** The elements up to {@code close}, the opening character already consumed. */
    private List<Object> sequence(char close) throws LineSyntaxException {
        List<Object> list = new ArrayList<>();
        depth++;
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                depth--;
                return list;
            }
            if (pos >= text.length()) {
                throw expected("'" + close + "'");
            }
            list.add(value());
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
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        throw expected("a closing '\"'");
    }

    private String symbol() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == ',' || "{}[]()\"".indexOf(c) >= 0) {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && (Character.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }

    private LineSyntaxException expected(String what) {
        return new LineSyntaxException("expected " + what + " at column " + (pos + 1));
    }
}
