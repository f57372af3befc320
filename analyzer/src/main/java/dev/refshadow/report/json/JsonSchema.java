package dev.refshadow.report.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validator for the subset of JSON Schema (draft 2020-12) that refshadow's own schemas use:
 * {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code minItems}, {@code maxItems}, {@code enum}, {@code const},
 * {@code minimum}, {@code maximum}, {@code pattern}, {@code $ref} to {@code #/$defs/...}, and the annotations
 * ({@code title}, {@code description}, {@code format}, ...). A schema using any other keyword is
 * rejected when loaded, so that nothing in it is silently ignored.
 */
public final class JsonSchema {
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "enum", "const", "minimum", "maximum", "pattern", "$ref");
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title",
            "description", "format", "examples", "default");

    private final Map<String, Object> root;

    private JsonSchema(Map<String, Object> root) {
        this.root = root;
    }

    /** Loads a schema, checking that it uses only the supported keywords. */
    public static JsonSchema of(Object schema) {
        if (!(schema instanceof Map)) {
            throw new IllegalArgumentException("a schema is a JSON object");
        }
        checkKeywords(schema, "#");
        return new JsonSchema(asMap(schema));
    }

    private static void checkKeywords(Object schema, String where) {
        if (schema instanceof Boolean) {
            return;
        }
        Map<String, Object> s = asMap(schema);
        for (Map.Entry<String, Object> e : s.entrySet()) {
            String key = e.getKey();
            if (!KEYWORDS.contains(key) && !ANNOTATIONS.contains(key)) {
                throw new IllegalArgumentException("unsupported schema keyword " + key + " at " + where);
            }
            if (key.equals("properties") || key.equals("$defs")) {
                for (Map.Entry<String, Object> p : asMap(e.getValue()).entrySet()) {
                    checkKeywords(p.getValue(), where + "/" + key + "/" + p.getKey());
                }
            } else if (key.equals("items") || key.equals("additionalProperties")) {
                checkKeywords(e.getValue(), where + "/" + key);
            }
        }
    }

    /** Every violation, each as {@code path: problem} with paths such as {@code $.leaks[3].objects}. */
    public List<String> validate(Object instance) {
        List<String> errors = new ArrayList<>();
        check(root, instance, "$", errors);
        return errors;
    }

    private void check(Object schemaNode, Object value, String path, List<String> errors) {
        if (schemaNode instanceof Boolean) {
            if (!(Boolean) schemaNode) {
                errors.add(path + ": not allowed");
            }
            return;
        }
        Map<String, Object> s = asMap(schemaNode);
        if (s.containsKey("$ref")) {
            check(resolve((String) s.get("$ref")), value, path, errors);
        }
        if (s.containsKey("type") && !matchesType(s.get("type"), value)) {
            errors.add(path + ": expected " + describeType(s.get("type")) + " but found " + typeOf(value));
            return;
        }
        if (s.containsKey("const") && !jsonEquals(s.get("const"), value)) {
            errors.add(path + ": expected " + JsonWriter.toString(s.get("const")).strip());
        }
        if (s.containsKey("enum") && ((List<?>) s.get("enum")).stream().noneMatch(v -> jsonEquals(v, value))) {
            errors.add(path + ": " + JsonWriter.toString(value).strip() + " is not one of " + s.get("enum"));
        }
        if (value instanceof Number && s.containsKey("minimum")
                && ((Number) value).doubleValue() < ((Number) s.get("minimum")).doubleValue()) {
            errors.add(path + ": " + value + " is less than " + s.get("minimum"));
        }
        if (value instanceof Number && s.containsKey("maximum")
                && ((Number) value).doubleValue() > ((Number) s.get("maximum")).doubleValue()) {
            errors.add(path + ": " + value + " is more than " + s.get("maximum"));
        }
        if (value instanceof String && s.containsKey("pattern")
                && !Pattern.compile((String) s.get("pattern")).matcher((String) value).find()) {
            errors.add(path + ": \"" + value + "\" does not match " + s.get("pattern"));
        }
        if (value instanceof Map) {
            checkObject(s, asMap(value), path, errors);
        }
        if (value instanceof List) {
            checkArray(s, (List<?>) value, path, errors);
        }
    }

    private void checkObject(Map<String, Object> s, Map<String, Object> value, String path, List<String> errors) {
        if (s.containsKey("required")) {
            for (Object name : (List<?>) s.get("required")) {
                if (!value.containsKey(name)) {
                    errors.add(path + ": missing \"" + name + "\"");
                }
            }
        }
        Map<String, Object> properties = s.containsKey("properties") ? asMap(s.get("properties")) : Map.of();
        for (Map.Entry<String, Object> e : value.entrySet()) {
            String child = path + "." + e.getKey();
            if (properties.containsKey(e.getKey())) {
                check(properties.get(e.getKey()), e.getValue(), child, errors);
            } else if (s.containsKey("additionalProperties")) {
                check(s.get("additionalProperties"), e.getValue(), child, errors);
            }
        }
    }

    private void checkArray(Map<String, Object> s, List<?> value, String path, List<String> errors) {
        if (s.containsKey("minItems") && value.size() < ((Number) s.get("minItems")).intValue()) {
            errors.add(path + ": fewer than " + s.get("minItems") + " items");
        }
        if (s.containsKey("maxItems") && value.size() > ((Number) s.get("maxItems")).intValue()) {
            errors.add(path + ": more than " + s.get("maxItems") + " items");
        }
        if (s.containsKey("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(s.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private Object resolve(String ref) {
        String prefix = "#/$defs/";
        if (!ref.startsWith(prefix)) {
            throw new IllegalArgumentException("unsupported $ref " + ref);
        }
        Object target = asMap(root.getOrDefault("$defs", Map.of())).get(ref.substring(prefix.length()));
        if (target == null) {
            throw new IllegalArgumentException("unresolved $ref " + ref);
        }
        return target;
    }

    private static boolean matchesType(Object type, Object value) {
        if (type instanceof List) {
            return ((List<?>) type).stream().anyMatch(t -> matchesType(t, value));
        }
        switch ((String) type) {
            case "object": return value instanceof Map;
            case "array": return value instanceof List;
            case "string": return value instanceof String;
            case "integer": return value instanceof Long || value instanceof Integer;
            case "number": return value instanceof Number;
            case "boolean": return value instanceof Boolean;
            case "null": return value == null;
            default: throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private static String describeType(Object type) {
        return type instanceof List ? String.join(" or ", ((List<?>) type).stream().map(String::valueOf).toList())
                : (String) type;
    }

    /** The JSON type name of a parsed value. */
    public static String typeOf(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Number) {
            return "number";
        }
        return "boolean";
    }

    private static boolean jsonEquals(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
