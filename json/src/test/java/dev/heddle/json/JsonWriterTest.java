package dev.heddle.json;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one JSON writer: strings escaped as JSON (and for a page's script), values compact or indented. */
class JsonWriterTest {

    private static String string(String value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.string(value, out);
        return out.toString();
    }

    private static String forScript(String value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.stringForScript(value, out);
        return out.toString();
    }

    private static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.value(value, out);
        return out.toString();
    }

    @Test
    void stringsEscapeQuotesBackslashesAndControlCharactersOnly() throws Exception {
        String nasty = "q\" b\\ n\n r\r t\t nul\u0000 esc\u001b </script> \u2028 caf\u00e9 \uD83D\uDE00";
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t nul\\u0000 esc\\u001b </script> \u2028 caf\u00e9 \uD83D\uDE00\"",
                string(nasty));
        assertEquals(nasty, JsonParser.parse(string(nasty)));
    }

    @Test
    void stringsForAScriptAlsoEscapeWhatWouldEndTheScriptOrItsLine() throws Exception {
        String nasty = "</script> \u2028\u2029 \"\n";
        assertEquals("\"\\u003c/script> \\u2028\\u2029 \\\"\\n\"", forScript(nasty));
        assertEquals(nasty, JsonParser.parse(forScript(nasty)));
    }

    @Test
    void valuesAreWrittenCompactOrIndentedAndReadBackEqual() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("seed", "0x2a");
        inner.put("range", List.of(1L, 9_007_199_254_740_993L));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("format", "x 1");
        value.put("wall", 1.5);
        value.put("ok", true);
        value.put("none", null);
        value.put("empty", Map.of());
        value.put("list", List.of());
        value.put("tests", List.of(inner));
        value.put("mixed", Arrays.asList("a", null, 2L));

        assertEquals("{\"format\":\"x 1\",\"wall\":1.5,\"ok\":true,\"none\":null,\"empty\":{},\"list\":[],"
                + "\"tests\":[{\"seed\":\"0x2a\",\"range\":[1,9007199254740993]}],\"mixed\":[\"a\",null,2]}",
                compact(value));
        assertEquals("""
                {
                  "format": "x 1",
                  "wall": 1.5,
                  "ok": true,
                  "none": null,
                  "empty": {},
                  "list": [],
                  "tests": [
                    {
                      "seed": "0x2a",
                      "range": [1, 9007199254740993]
                    }
                  ],
                  "mixed": ["a", null, 2]
                }
                """, JsonWriter.indented(value));
        assertEquals(value, JsonParser.parse(compact(value)));
        assertEquals(value, JsonParser.parse(JsonWriter.indented(value)));
    }
}
