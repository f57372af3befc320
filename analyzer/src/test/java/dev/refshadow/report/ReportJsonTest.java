package dev.refshadow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.heap.Anomalies;
import dev.refshadow.analyzer.heap.WriteKind;
import dev.refshadow.report.json.Json;
import dev.refshadow.report.json.JsonException;
import dev.refshadow.report.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    @TempDir
    Path dir;

    private static Path writeValid(Report report, Path file) throws IOException, JsonException {
        return TestReports.writeJson(report, file);
    }

    @Test
    void everyWrittenReportValidatesAgainstTheSchema() throws Exception {
        writeValid(SampleReports.leaky(), dir.resolve("leaky.json"));
        writeValid(SampleReports.clean(), dir.resolve("clean.json"));
        writeValid(SampleReports.deepStack(), dir.resolve("deep.json"));
        writeValid(SampleReports.many(30), dir.resolve("many.json"));
    }

    @Test
    void aReportReadsBackEqual() throws Exception {
        for (Report report : List.of(SampleReports.leaky(), SampleReports.clean(), SampleReports.deepStack())) {
            Path file = writeValid(report, dir.resolve("report.json"));
            assertEquals(report, ReportJson.read(file));
        }
    }

    @Test
    void theVerificationSectionIsWrittenOnlyWhenThereIsOne() throws Exception {
        Report verified = SampleReports.clean().withVerification(
                Verification.of("sample:10", 1200, 1000, 998, 1, 1, 1));
        Path file = writeValid(verified, dir.resolve("verified.json"));
        assertEquals(verified, ReportJson.read(file));
        Map<?, ?> section = (Map<?, ?>) ((Map<?, ?>) Json.parse(Files.readString(file))).get("verification");
        assertEquals(List.of("mode", "watched", "reclaimedByJvm", "agreed", "agreement", "keptAliveOutsideCycles",
                "prematureFrees", "discovered"), List.copyOf(section.keySet()));
        assertEquals("sample:10", section.get("mode"));
        assertEquals(0.998, section.get("agreement"));
        Map<?, ?> plain = (Map<?, ?>) Json.parse(Files.readString(writeValid(SampleReports.clean(),
                dir.resolve("plain.json"))));
        assertFalse(plain.containsKey("verification"));
    }

    @Test
    void theSchemaBoundsTheVerificationSection() throws Exception {
        Map<String, Object> json = ReportJson.toJson(SampleReports.clean().withVerification(
                new Verification("some", 1, 1, 1, 1.5, 0, 0, 0)));
        assertEquals(List.of("$.verification.mode: \"some\" does not match ^(all|sample:[1-9][0-9]*)$",
                "$.verification.agreement: 1.5 is more than 1"), ReportJson.schema().validate(json));
    }

    @Test
    void theJsonHoldsTheDesignedContent() throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(writeValid(SampleReports.leaky(),
                dir.resolve("leaky.json"))));
        assertEquals("refshadow-report/1", json.get("schema"));
        Map<?, ?> summary = (Map<?, ?>) json.get("summary");
        assertEquals(4L, summary.get("leakGroups"));
        assertEquals(13L, summary.get("cyclicGarbage"));
        assertEquals(List.of(0L, 0L, 1L), summary.get("collections"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("leaks")).get(0);
        assertEquals(5L, first.get("objects"));
        Map<?, ?> weak = (Map<?, ?>) first.get("suggestedWeakEdge");
        assertEquals("parent", weak.get("field"));
        Map<?, ?> back = (Map<?, ?>) ((List<?>) first.get("edges")).get(2);
        assertEquals(Map.of("from", "com.acme.Zebra", "field", "parent", "to", "com.acme.Apple", "backEdge", true), back);
    }

    @Test
    void aReportWrittenBeforeOmittedFramesReadsAsACompleteStack() throws Exception {
        Path file = writeValid(SampleReports.leaky(), dir.resolve("leaky.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
        for (Object group : (List<?>) json.get("leaks")) {
            ((Map<?, ?>) ((Map<?, ?>) group).get("closingWrite")).remove("omittedFrames");
        }
        Files.writeString(file, JsonWriter.toString(json));
        assertEquals(SampleReports.leaky(), ReportJson.read(file));
    }

    @Test
    void unknownFieldsAreAcceptedBecauseFieldsAreOnlyEverAdded() throws Exception {
        Path file = writeValid(SampleReports.leaky(), dir.resolve("leaky.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file));
        json.put("addedInAFutureVersion", List.of(1L));
        @SuppressWarnings("unchecked")
        Map<String, Object> group = (Map<String, Object>) ((List<?>) json.get("leaks")).get(0);
        group.put("retainedBytes", 4096L);
        Files.writeString(file, JsonWriter.toString(json));
        assertEquals(SampleReports.leaky(), ReportJson.read(file));
    }

    @Test
    void everyFieldWrittenIsDeclaredInTheSchemaAndDocumentedInTheReadme() throws Exception {
        Report verified = SampleReports.leaky().withVerification(Verification.of("all", 9, 5, 5, 0, 0, 0));
        Object tree = Json.parse(Files.readString(writeValid(verified, dir.resolve("leaky.json"))));
        Set<String> paths = new TreeSet<>();
        collectPaths(tree, "", paths);
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Report format"));
        Map<?, ?> schema = (Map<?, ?>) Json.parse(resource(ReportJson.SCHEMA_RESOURCE));
        for (String path : paths) {
            assertTrue(section.contains("`" + path + "`"), "README's Report format does not document " + path);
            assertTrue(declared(schema, schema, path.split("\\.")), "the schema does not declare " + path);
        }
        assertTrue(paths.contains("leaks[].closingWrite.stack"), paths.toString());
        assertTrue(paths.contains("verification.keptAliveOutsideCycles"), paths.toString());
    }

    /** Field paths such as {@code leaks[].edges[].backEdge}; the options map is one field. */
    private static void collectPaths(Object value, String path, Set<String> out) {
        if (value instanceof Map && !path.equals("run.options")) {
            ((Map<?, ?>) value).forEach((k, v) -> {
                String child = path.isEmpty() ? (String) k : path + "." + k;
                out.add(child);
                collectPaths(v, child, out);
            });
        } else if (value instanceof List) {
            ((List<?>) value).forEach(v -> collectPaths(v, path + "[]", out));
        }
    }

    private static boolean declared(Map<?, ?> root, Map<?, ?> node, String[] parts) {
        node = resolve(root, node);
        if (parts.length == 0) {
            return true;
        }
        String part = parts[0];
        boolean array = part.endsWith("[]");
        String name = array ? part.substring(0, part.length() - 2) : part;
        Map<?, ?> properties = (Map<?, ?>) node.get("properties");
        Map<?, ?> child = properties == null ? null : (Map<?, ?>) properties.get(name);
        if (child == null && node.get("additionalProperties") instanceof Map) {
            child = (Map<?, ?>) node.get("additionalProperties");
        }
        if (child == null) {
            return false;
        }
        if (array) {
            child = (Map<?, ?>) resolve(root, child).get("items");
        }
        return declared(root, child, Arrays.copyOfRange(parts, 1, parts.length));
    }

    private static Map<?, ?> resolve(Map<?, ?> root, Map<?, ?> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        return (Map<?, ?>) ((Map<?, ?>) root.get("$defs")).get(((String) ref).substring("#/$defs/".length()));
    }

    @Test
    void schemaEnumerationsFollowTheCode() throws Exception {
        Map<?, ?> schema = (Map<?, ?>) Json.parse(resource(ReportJson.SCHEMA_RESOURCE));
        Map<?, ?> group = (Map<?, ?>) ((Map<?, ?>) schema.get("$defs")).get("leakGroup");
        Map<?, ?> closing = (Map<?, ?>) ((Map<?, ?>) group.get("properties")).get("closingWrite");
        Object kinds = ((Map<?, ?>) ((Map<?, ?>) closing.get("properties")).get("kind")).get("enum");
        assertEquals(Arrays.stream(WriteKind.values()).map(k -> k.reportName).toList(), kinds);
        Map<?, ?> summary = (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("summary");
        Map<?, ?> anomalies = (Map<?, ?>) ((Map<?, ?>) summary.get("properties")).get("anomalies");
        List<String> required = Arrays.stream(Anomalies.Kind.values()).map(k -> k.reportName).toList();
        assertEquals(required, ((List<?>) anomalies.get("required")).subList(1, required.size() + 1));
    }

    private static String resource(String name) throws IOException {
        try (var in = ReportJson.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ unusable input

    @Test
    void everyUnusableInputIsOneLineNamingTheFile() throws Exception {
        Path valid = writeValid(SampleReports.leaky(), dir.resolve("valid.json"));
        String text = Files.readString(valid);
        assertUnusable(dir.resolve("missing.json"), null, "no such file");
        assertUnusable(dir.resolve("empty.json"), new byte[0], "is empty");
        assertUnusable(dir, null, "is a directory, not a file");
        assertUnusable(dir.resolve("binary.json"), new byte[] {(byte) 0xca, (byte) 0xfe, 0, 1, 2},
                "is a binary file, not text");
        assertUnusable(dir.resolve("latin1.json"), "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
                "is not UTF-8 text");
        assertUnusable(dir.resolve("prose.json"), bytes("This is not JSON\n"), "is not JSON: unexpected 'T' at line 1");
        assertUnusable(dir.resolve("truncated.json"), bytes(text.substring(0, text.length() / 2)),
                "is truncated: unexpected end of input at line");
        assertUnusable(dir.resolve("array.json"), bytes("[1, 2]"), "is not a refshadow report: the JSON is array");
        assertUnusable(dir.resolve("other.json"), bytes("{\"name\": \"package.json\"}"),
                "is not a refshadow report: no \"schema\" field, expected \"refshadow-report/1\"");
        assertUnusable(dir.resolve("v2.json"), bytes(text.replace("refshadow-report/1", "refshadow-report/2")),
                "is not a refshadow report: schema is \"refshadow-report/2\", expected \"refshadow-report/1\"");
        assertUnusable(dir.resolve("bad.json"), bytes(text.replaceFirst("\"objects\": 5", "\"objects\": \"five\"")),
                "does not match refshadow-report/1: $.leaks[0].objects: expected integer but found string");
        assertUnusable(dir.resolve("missing-field.json"), bytes(text.replaceFirst("\"leakGroups\": 4,", "")),
                "does not match refshadow-report/1: $.summary: missing \"leakGroups\"");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertUnusable(Path file, byte[] content, String problem) throws IOException {
        if (content != null) {
            Files.write(file, content);
        }
        ReportInputException e = assertThrows(ReportInputException.class, () -> ReportJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + problem),
                "expected '" + file + ": " + problem + "...' but was '" + e.getMessage() + "'");
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
