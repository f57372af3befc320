package dev.refshadow.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
    private static final String SCHEMA = "{"
            + "\"type\": \"object\", \"required\": [\"id\", \"items\"],"
            + "\"properties\": {"
            + "  \"id\": {\"type\": \"string\", \"pattern\": \"^[a-f0-9]{4}$\"},"
            + "  \"kind\": {\"enum\": [\"a\", \"b\"]},"
            + "  \"version\": {\"const\": 1},"
            + "  \"items\": {\"type\": \"array\", \"minItems\": 1, \"maxItems\": 2, \"items\": {\"$ref\": \"#/$defs/count\"}},"
            + "  \"maybe\": {\"type\": [\"string\", \"null\"]},"
            + "  \"share\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 1},"
            + "  \"counts\": {\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/count\"}}"
            + "},"
            + "\"$defs\": {\"count\": {\"type\": \"integer\", \"minimum\": 0}}}";

    private static List<String> errors(String instance) throws JsonException {
        return JsonSchema.of(Json.parse(SCHEMA)).validate(Json.parse(instance));
    }

    @Test
    void acceptsAConformingValueWithUnknownProperties() throws JsonException {
        assertEquals(List.of(), errors("{\"id\": \"ab12\", \"kind\": \"a\", \"version\": 1, \"items\": [0, 7],"
                + " \"maybe\": null, \"share\": 0.25, \"counts\": {\"x\": 3}, \"addedLater\": true}"));
    }

    @Test
    void reportsEachViolationWithItsPath() throws JsonException {
        assertEquals(List.of("$: missing \"items\""), errors("{\"id\": \"ab12\"}"));
        assertEquals(List.of("$.id: \"xyz\" does not match ^[a-f0-9]{4}$"), errors("{\"id\": \"xyz\", \"items\": [1]}"));
        assertEquals(List.of("$.items[1]: -1 is less than 0"), errors("{\"id\": \"ab12\", \"items\": [1, -1]}"));
        assertEquals(List.of("$.share: 1.5 is more than 1"), errors("{\"id\": \"ab12\", \"items\": [1], \"share\": 1.5}"));
        assertEquals(List.of("$.items[0]: expected integer but found number"),
                errors("{\"id\": \"ab12\", \"items\": [1.5]}"));
        assertEquals(List.of("$.items: fewer than 1 items"), errors("{\"id\": \"ab12\", \"items\": []}"));
        assertEquals(List.of("$.items: more than 2 items"), errors("{\"id\": \"ab12\", \"items\": [1, 2, 3]}"));
        assertEquals(List.of("$.kind: \"c\" is not one of [a, b]"),
                errors("{\"id\": \"ab12\", \"items\": [1], \"kind\": \"c\"}"));
        assertEquals(List.of("$.version: expected 1"), errors("{\"id\": \"ab12\", \"items\": [1], \"version\": 2}"));
        assertEquals(List.of("$.maybe: expected string or null but found integer"),
                errors("{\"id\": \"ab12\", \"items\": [1], \"maybe\": 3}"));
        assertEquals(List.of("$.counts.x: expected integer but found string"),
                errors("{\"id\": \"ab12\", \"items\": [1], \"counts\": {\"x\": \"3\"}}"));
        assertEquals(List.of("$: expected object but found array"), errors("[]"));
    }

    @Test
    void rejectsSchemasUsingKeywordsItDoesNotImplement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonSchema.of(Json.parse("{\"properties\": {\"a\": {\"oneOf\": []}}}")));
        assertTrue(e.getMessage().contains("unsupported schema keyword oneOf at #/properties/a"), e.getMessage());
    }
}
