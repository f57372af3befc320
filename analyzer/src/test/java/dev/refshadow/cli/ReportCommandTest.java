package dev.refshadow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.Report;
import dev.refshadow.report.ReportJson;
import dev.refshadow.report.TestReports;
import dev.refshadow.report.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;
    Path report;

    @BeforeEach
    void writeReport() throws Exception {
        report = ReportFilesForCli.json(TestReports.leaky(), dir.resolve("leaks.json"));
    }

    @Test
    void textOnStandardOutputByDefault() {
        Cli.Result r = Cli.run("report", report.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("4 leak groups, 13 objects (208 B) that reference counting alone would leak"), r.out());
        assertTrue(r.out().contains("parent --> CYCLE BACK TO <com.acme.Apple>"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void everyFormat() throws Exception {
        assertTrue(Cli.run("report", report.toString(), "--format", "html").out().startsWith("<!DOCTYPE html>"));
        assertTrue(Cli.run("report", report.toString(), "--format", "dot").out().startsWith("digraph refshadow {"));
        Map<?, ?> sarif = (Map<?, ?>) Json.parse(Cli.run("report", report.toString(), "-f", "sarif").out());
        assertEquals("2.1.0", sarif.get("version"));
        String junit = Cli.run("report", report.toString(), "--format", "junit").out();
        assertTrue(junit.startsWith("<?xml") && junit.contains("failures=\"4\""), junit);
        Path copy = dir.resolve("copy.json");
        Files.writeString(copy, Cli.run("report", report.toString(), "--format", "json").out());
        assertEquals(ReportJson.read(report), ReportJson.read(copy));
    }

    @Test
    void toAFileWithOutput() throws Exception {
        Path out = dir.resolve("site/leaks.html");
        Cli.Result r = Cli.run("report", report.toString(), "--format", "html", "-o", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).contains("<details class=\"group\""));
    }

    @Test
    void onlyKeepsTheGroupsWithAMatchingClass() {
        String text = Cli.run("report", report.toString(), "--only", "com.acme.Apple").out();
        assertTrue(text.contains("CYCLE BACK TO <com.acme.Apple>"), text);
        assertTrue(text.contains("Leak group 1/1"), text);
    }

    @Test
    void topBoundsTheText() {
        Report leaky = TestReports.leaky();
        String text = Cli.run("report", report.toString(), "--top", "1").out();
        assertTrue(text.contains("fingerprint " + leaky.leaks().get(0).fingerprint()), text);
        assertTrue(text.contains("3 more leak groups not shown (top 1)"), text);
    }
}
