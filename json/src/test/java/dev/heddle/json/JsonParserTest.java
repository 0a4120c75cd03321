package dev.heddle.json;

import dev.heddle.json.JsonSyntaxException.Kind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one JSON parser of histories, traces and fuzz summaries: what it reads, and what it refuses where. */
class JsonParserTest {

    private static JsonSyntaxException refused(String text) {
        return assertThrows(JsonSyntaxException.class, () -> JsonParser.parse(text), text);
    }

    @Test
    void everyKindOfValueBecomesPlainJavaDataWithFieldsInOrder() throws Exception {
        Object value = JsonParser.parse(" {\"z\":1,\"a\":[true,false,null,-2.5e3,\"s\"],\"m\":{},\"l\":[]}\r\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", 1L);
        expected.put("a", Arrays.asList(true, false, null, -2500.0, "s"));
        expected.put("m", Map.of());
        expected.put("l", List.of());
        assertEquals(expected, value);
        assertEquals(List.of("z", "a", "m", "l"), List.copyOf(((Map<?, ?>) value).keySet()));
    }

    @Test
    void integersAreReadExactlyAsLongsBeyondADoublesPrecision() throws Exception {
        assertEquals(9_007_199_254_740_993L, JsonParser.parse("9007199254740993"), "2^53 + 1, which a double rounds");
        assertEquals(Long.MAX_VALUE, JsonParser.parse(String.valueOf(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, JsonParser.parse(String.valueOf(Long.MIN_VALUE)));
        assertEquals(1.0, JsonParser.parse("1.0"), "a fraction makes a double");

        JsonSyntaxException e = refused("[1, -99999999999999999999]");
        assertEquals(Kind.INTEGER_TOO_LARGE, e.kind());
        assertEquals("-99999999999999999999", e.token());
        assertEquals("integer -99999999999999999999 is too large for a long (64 bits) at column 5", e.getMessage());
        assertEquals("expected a number (got '-') at column 1", refused("-").getMessage());
        assertEquals("expected a number (got '1.2.3') at column 2", refused("[1.2.3]").getMessage());
        assertEquals(-0.5e-3, JsonParser.parse("-0.5E-3"));
        assertEquals(0L, JsonParser.parse("-0"));
        for (String loose : List.of("01", "1.", "-.5", "1.e5", "1e", "1e+", "2-1")) {
            assertEquals("expected a number (got '" + loose + "') at column 2", refused("[" + loose + "]").getMessage(),
                    "RFC 8259 numbers only, as JSON.parse reads them");
        }
    }

    @Test
    void everyEscapeIsDecodedAndASurrogatePairMakesOneCodePoint() throws Exception {
        assertEquals("\" \\ / \b \f \n \r \t A \u00e9", JsonParser.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00E9\""));
        String face = (String) JsonParser.parse("\"\\ud83d\\ude00\"");
        assertEquals("\uD83D\uDE00", face);
        assertEquals(1, face.codePointCount(0, face.length()));
        assertEquals(0x1F600, face.codePointAt(0));
        assertEquals("caf\u00e9 \uD83D\uDE00", JsonParser.parse("\"caf\u00e9 \uD83D\uDE00\""), "unescaped as written");

        assertEquals("expected four hex digits after \\u at column 5", refused("\"a\\u12G4\"").getMessage());
        assertEquals("expected four hex digits after \\u at column 4", refused("\"\\u+123\"").getMessage(),
                "a sign is no hex digit");
        assertEquals("expected four hex digits after \\u at column 4", refused("\"\\u12").getMessage());
        assertEquals("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) at column 3",
                refused("\"\\x\"").getMessage());
    }

    @Test
    void aRefusalSaysWhatWasExpectedAndWhere() {
        assertEquals("expected a field name in double quotes at column 2", refused("{oops}").getMessage());
        assertEquals("expected ':' after field \"a\" at column 6", refused("{\"a\" 1}").getMessage());
        assertEquals("expected ',' or '}' at column 8", refused("{\"a\":1 \"b\":2}").getMessage());
        assertEquals("expected ',' or ']' at column 4", refused("[1 2]").getMessage());
        assertEquals("expected nothing more after the JSON value at column 4", refused("[] x").getMessage());
        assertEquals("expected a JSON value at column 1", refused("").getMessage());
        assertEquals("expected a JSON value at column 2", refused("[tru]").getMessage());
        assertEquals("expected a JSON value at column 6", refused("[1,2,]").getMessage());
        JsonSyntaxException open = refused("{\"e\":\"wake\",\"i\":1,\"t");
        assertEquals(Kind.MALFORMED, open.kind());
        assertEquals("a string is not closed", open.problem());
        assertEquals(21, open.column(), "just past the end of the line");
    }

    @Test
    void aTextOfManyLinesNamesTheLineAndTheColumnWithinIt() {
        JsonSyntaxException e = refused("{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertEquals("expected ':' after field \"b\" at line 3, column 7", e.getMessage());
    }

    /** What a browser's JSON.parse refuses is refused here too, so that a trace line checked here draws on its page. */
    @Test
    void rawControlCharactersAndOtherWhitespaceAreRefused() {
        assertEquals("a raw control character U+0009 inside a string; JSON writes it as \\u0009 at column 3",
                refused("\"a\tb\"").getMessage());
        assertEquals("expected a JSON value at column 2", refused("[\u000b1]").getMessage());
        assertEquals("expected a JSON value at column 1", refused("\u00a01").getMessage());
    }

    @Test
    void valuesNestDeeperThanTheLimitAreRefusedWithoutOverflowingTheStack() throws Exception {
        int limit = JsonParser.MAX_DEPTH;
        assertEquals(1L, unwrap(JsonParser.parse("[".repeat(limit) + "1" + "]".repeat(limit)), limit));
        JsonSyntaxException e = refused("[".repeat(5000) + "1" + "]".repeat(5000));
        assertEquals(Kind.NESTED_TOO_DEEP, e.kind());
        assertEquals(limit + 1, e.column(), "where the level beyond the limit opens");
        assertEquals("values nested more than 100 levels deep at column 101", e.getMessage());
        assertEquals(limit * 5 + 1, refused("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).column());
    }

    private static Object unwrap(Object value, int levels) {
        for (int i = 0; i < levels; i++) {
            value = ((List<?>) value).getFirst();
        }
        return value;
    }
}
