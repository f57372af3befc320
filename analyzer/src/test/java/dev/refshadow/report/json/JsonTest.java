package dev.refshadow.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesAndReadsBackEveryKindOfValue() throws JsonException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ newline \n tab \t control \u0001 unicode \u00e9 \u2028");
        value.put("integer", -1234567890123L);
        value.put("double", 2.5);
        value.put("true", true);
        value.put("null", null);
        value.put("list", Arrays.asList(1L, "two", null, List.of(), Map.of()));
        value.put("empty", new LinkedHashMap<>());
        String text = JsonWriter.toString(value);
        assertEquals(value, Json.parse(text));
        assertTrue(text.contains("\\u0001"), text);
        assertTrue(text.contains("\\u2028"), text);
    }

    @Test
    void keepsKeyOrder() throws JsonException {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"b\": 1, \"a\": 2, \"c\": 3}");
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(m.keySet()));
    }

    @Test
    void readsEscapesAndNumbers() throws JsonException {
        assertEquals("a/\u00e9\b\f\r", Json.parse("\"a\\/\\u00e9\\b\\f\\r\""));
        assertEquals(0L, Json.parse("0"));
        assertEquals(-1.5e3, Json.parse("-1.5e3"));
        assertEquals(List.of(1L, 2L), Json.parse(" [1 ,\n2 ] "));
    }

    @Test
    void reportsTruncationSeparately() {
        for (String text : List.of("{\"a\": [1, 2", "{\"a\"", "\"abc", "[tru", "{", "[1,", "-")) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(text), text);
            assertTrue(e.truncated(), text + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("unexpected end of input at line 1"), e.getMessage());
        }
    }

    @Test
    void reportsMalformedTextWithItsPosition() {
        assertMalformed("{\"a\": 1,\n  \"b\": x}", "unexpected 'x' at line 2, column 8");
        assertMalformed("[1 2]", "expected ',' or ']' but found '2' at line 1, column 4");
        assertMalformed("{\"a\": 1} extra", "unexpected 'e' after the JSON value at line 1, column 10");
        assertMalformed("{\"a\": 1, \"a\": 2}", "duplicate key \"a\" at line 1, column 10");
        assertMalformed("01", "unexpected '1' after the JSON value");
        assertMalformed("\"tab\there\"", "control character U+0009 in a string");
        assertMalformed("99999999999999999999", "integer 99999999999999999999 is out of range");
        assertMalformed("{'a': 1}", "expected a string key but found '''");
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertFalse(e.truncated());
        assertTrue(e.getMessage().startsWith("nesting deeper than " + Json.MAX_DEPTH + " levels"), e.getMessage());
    }

    private static void assertMalformed(String text, String message) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text), text);
        assertFalse(e.truncated(), text);
        assertTrue(e.getMessage().startsWith(message), "expected '" + message + "' but was '" + e.getMessage() + "'");
    }
}
