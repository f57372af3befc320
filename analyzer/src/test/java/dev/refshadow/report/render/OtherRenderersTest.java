package dev.refshadow.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.TestReports;
import dev.refshadow.report.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OtherRenderersTest {
    @Test
    void dotHasAClusterPerGroupWithLabelledEdgesAndARedBackEdge() {
        String dot = Rendering.of(new DotRenderer(), TestReports.leaky());
        assertTrue(dot.startsWith("digraph refshadow {\n"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
        assertEquals(4, dot.split("subgraph cluster_", -1).length - 1);
        assertTrue(dot.contains("    g1_0 [label=\"Apple\", tooltip=\"com.acme.Apple\"];\n"), dot);
        assertTrue(dot.contains("    g1_0 -> g1_1 [label=\"items\"];\n"), dot);
        assertTrue(dot.contains("    g1_1 -> g1_2 [label=\"[*]\"];\n"), dot);
        assertTrue(dot.contains("    g1_2 -> g1_0 [label=\"parent\", color=red, fontcolor=red, penwidth=2, style=bold];\n"),
                dot);
        assertTrue(dot.contains("g3_0 -> g3_0 [label=\"next x3\""), dot);
        assertEquals(dot.chars().filter(c -> c == '{').count(), dot.chars().filter(c -> c == '}').count());
        assertEquals("\"a \\\"b\\\" \\\\ c\"", DotRenderer.quote("a \"b\" \\ c"));
    }

    @Test
    void sarifHasOneResultPerGroupWithFingerprintAndBothLocations() throws Exception {
        Report report = TestReports.leaky();
        Map<?, ?> sarif = (Map<?, ?>) Json.parse(Rendering.of(new SarifRenderer(), report));
        assertEquals("2.1.0", sarif.get("version"));
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        Map<?, ?> driver = (Map<?, ?>) ((Map<?, ?>) run.get("tool")).get("driver");
        assertEquals("refshadow", driver.get("name"));
        assertEquals(SarifRenderer.RULE_ID, ((Map<?, ?>) ((List<?>) driver.get("rules")).get(0)).get("id"));
        List<?> results = (List<?>) run.get("results");
        assertEquals(report.leaks().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Map<?, ?> result = (Map<?, ?>) results.get(i);
            LeakGroup group = report.leaks().get(i);
            assertEquals(Map.of(SarifRenderer.FINGERPRINT_KEY, group.fingerprint()), result.get("partialFingerprints"));
            assertEquals(SarifRenderer.RULE_ID, result.get("ruleId"));
        }
        Map<?, ?> first = (Map<?, ?>) results.get(0);
        assertTrue(((String) ((Map<?, ?>) first.get("message")).get("text")).contains("Make Zebra.parent weak"));
        List<?> locations = (List<?>) first.get("locations");
        assertEquals(2, locations.size());
        Map<?, ?> allocation = (Map<?, ?>) ((Map<?, ?>) locations.get(0)).get("physicalLocation");
        assertEquals(Map.of("uri", "com/acme/Zebra.java", "uriBaseId", "%SRCROOT%"), allocation.get("artifactLocation"));
        assertEquals(Map.of("startLine", 3L), allocation.get("region"));
        Map<?, ?> closing = (Map<?, ?>) locations.get(1);
        assertEquals(Map.of("uri", "com/acme/Main.java", "uriBaseId", "%SRCROOT%"),
                ((Map<?, ?>) closing.get("physicalLocation")).get("artifactLocation"));
        assertEquals(List.of(Map.of("fullyQualifiedName", "com.acme.Main.run", "kind", "function")),
                closing.get("logicalLocations"));
        assertTrue(((String) ((Map<?, ?>) closing.get("message")).get("text")).startsWith("closing write (local)"));
    }

    @Test
    void sarifGivesTheClosingWriteItsCallStack() throws Exception {
        Map<?, ?> sarif = (Map<?, ?>) Json.parse(Rendering.of(new SarifRenderer(), TestReports.deepStack()));
        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) sarif.get("runs")).get(0)).get("results")).get(0);
        List<?> stacks = (List<?>) result.get("stacks");
        assertEquals(1, stacks.size());
        Map<?, ?> stack = (Map<?, ?>) stacks.get(0);
        assertEquals("call stack of the closing write (10 outer frames left out)",
                ((Map<?, ?>) stack.get("message")).get("text"));
        List<?> frames = (List<?>) stack.get("frames");
        assertEquals(LeakGroup.MAX_STACK_FRAMES, frames.size());
        Map<?, ?> innermost = (Map<?, ?>) ((Map<?, ?>) frames.get(0)).get("location");
        assertEquals(Map.of("startLine", 30L), ((Map<?, ?>) innermost.get("physicalLocation")).get("region"));
        Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) frames.get(1)).get("location");
        assertEquals(List.of(Map.of("fullyQualifiedName", "com.acme.Tree.walk", "kind", "function")),
                caller.get("logicalLocations"));
        assertEquals(Map.of("uri", "com/acme/Tree.java", "uriBaseId", "%SRCROOT%"),
                ((Map<?, ?>) caller.get("physicalLocation")).get("artifactLocation"));
    }

    @Test
    void sarifWithoutSourceSitesStillHasResults() throws Exception {
        Map<?, ?> sarif = (Map<?, ?>) Json.parse(Rendering.of(new SarifRenderer(), LongCycle.report(70)));
        List<?> results = (List<?>) ((Map<?, ?>) ((List<?>) sarif.get("runs")).get(0)).get("results");
        assertEquals(List.of(), ((Map<?, ?>) results.get(0)).get("locations"), "no known site, no location");
        assertEquals("error", ((Map<?, ?>) results.get(1)).get("level"), "uncollectable objects are errors");
    }

    @Test
    void junitHasOneFailingTestCasePerGroup() throws Exception {
        Report report = TestReports.leaky();
        Document xml = parse(Rendering.of(new JunitRenderer(), report));
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("4", suite.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals(report.leaks().get(0).fingerprint() + " Apple.items", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("5 objects would leak"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("parent --> CYCLE BACK TO <com.acme.Apple>"),
                failure.getTextContent());
    }

    @Test
    void junitOfACleanRunIsOnePassingTestCase() throws Exception {
        Document xml = parse(Rendering.of(new JunitRenderer(), TestReports.clean()));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(1, cases.getLength());
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
        assertEquals("0", ((Element) xml.getElementsByTagName("testsuite").item(0)).getAttribute("failures"));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sourceSitesAreTakenApart() {
        SourceSite s = SourceSite.parse("com.acme.Outer$Inner.<init>(Outer.java:42)");
        assertEquals(new SourceSite("com.acme.Outer$Inner", "<init>", "Outer.java", 42), s);
        assertEquals("com/acme/Outer.java", s.sourcePath());
        assertEquals(0, SourceSite.parse("Main.main(Main.java)").line());
        assertEquals(false, SourceSite.parse("java.lang.Thread.run(Native Method)").hasSourceFile());
        assertEquals(null, SourceSite.parse("not a frame"));
    }
}
