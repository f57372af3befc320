package dev.refshadow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.TestReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path dir;
    Path report;
    final Report leaky = TestReports.leaky();
    /** Apple/Zebra (5 objects), Self (3), Link (3), Button/lambda (2). */
    List<String> fingerprints;

    @BeforeEach
    void writeReport() throws Exception {
        report = ReportFilesForCli.json(leaky, dir.resolve("leaks.json"));
        fingerprints = leaky.leaks().stream().map(LeakGroup::fingerprint).toList();
    }

    @Test
    void withoutLimitsAnyGroupFailsAndEachIsListed() {
        Cli.Result r = Cli.run("check", report.toString());
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("refshadow check: FAILED: 4 leak groups (limit 0)", lines.get(0));
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("  " + fingerprints.get(0) + "  5 objects, 1 instance, 80 B: "
                + "Apple.items \u2192 Object[][*] \u2192 Zebra.parent \u2192 Apple; make Zebra.parent weak"), lines.get(1));
    }

    @Test
    void onlyCountsTheGroupsWithAMatchingClass() {
        Cli.Result apples = Cli.run("check", report.toString(), "--only", "com.acme.Apple");
        assertEquals(1, apples.code(), apples.toString());
        assertTrue(apples.out().startsWith("refshadow check: FAILED: 1 leak group (limit 0)"), apples.out());
        assertEquals(0, Cli.run("check", report.toString(), "--only", "com.nowhere.*").code());
        Cli.Result two = Cli.run("check", report.toString(), "--only", "com.acme.Apple", "--only", "*Self", "--max-groups", "1");
        assertTrue(two.out().startsWith("refshadow check: FAILED: 2 leak groups (limit 1)"), two.out());
    }

    @Test
    void onlyAlsoMatchesWhereAGroupWasAllocated() {
        Cli.Result ui = Cli.run("check", report.toString(), "--only", "com.acme.Ui.<init>*");
        assertTrue(ui.out().startsWith("refshadow check: FAILED: 1 leak group (limit 0)"), ui.out());
        assertTrue(ui.out().contains("Button"), ui.out());
    }

    @Test
    void aCleanReportPasses() throws Exception {
        Path clean = ReportFilesForCli.json(TestReports.clean(), dir.resolve("clean.json"));
        Cli.Result r = Cli.run("check", clean.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("refshadow check: OK: 0 leak groups, 0 objects"), r.out());
    }

    @Test
    void limitsOnGroupsAndObjects() {
        assertEquals(0, Cli.run("check", report.toString(), "--max-groups", "4").code());
        Cli.Result groups = Cli.run("check", report.toString(), "--max-groups", "3");
        assertEquals(1, groups.code());
        assertTrue(groups.out().startsWith("refshadow check: FAILED: 4 leak groups (limit 3)\n"), groups.out());
        assertEquals(0, Cli.run("check", report.toString(), "--max-objects", "13").code(), "groups are then unlimited");
        Cli.Result objects = Cli.run("check", report.toString(), "--max-objects", "12");
        assertEquals(1, objects.code());
        assertTrue(objects.out().startsWith("refshadow check: FAILED: 13 leaked objects (limit 12)\n"), objects.out());
        Cli.Result both = Cli.run("check", report.toString(), "--max-objects", "1", "--max-groups", "1");
        assertTrue(both.out().startsWith("refshadow check: FAILED: 4 leak groups (limit 1), 13 leaked objects (limit 1)"),
                both.out());
    }

    @Test
    void withABaselineOnlyNewFingerprintsCount() throws Exception {
        Cli.Result same = Cli.run("check", report.toString(), "--baseline", report.toString());
        assertEquals(0, same.code(), same.toString());
        assertTrue(same.out().contains("OK: 0 leak groups new since " + report), same.out());

        Path baseline = ReportFilesForCli.edited(report, dir.resolve("baseline.json"),
                tree -> ReportFilesForCli.leaks(tree).remove(0));
        Cli.Result r = Cli.run("check", report.toString(), "--baseline", baseline.toString());
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("refshadow check: FAILED: 1 leak group new since " + baseline + " (limit 0)", lines.get(0));
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(1).contains(fingerprints.get(0)), r.out());
    }

    @Test
    void suppressionsByFingerprintAndPatternAreListedWhenUsed() throws Exception {
        Path file = dir.resolve("refshadow.suppress");
        Files.writeString(file, String.join("\n",
                "# what | why | until",
                fingerprints.get(0) + " | Zebra.parent becomes weak in the port | 2999-12-31",
                "com.acme.Self | self references are fine here",
                "*.Link.next|rings are intended   # a comment",
                "",
                "com.acme.Button.listener | the button outlives nothing"));
        Cli.Result r = Cli.run("check", report.toString(), "--suppressions", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "suppressed by " + file + ":2: " + fingerprints.get(0)
                        + " (Zebra.parent becomes weak in the port, until 2999-12-31): 1 group, 5 objects",
                "suppressed by " + file + ":3: com.acme.Self (self references are fine here): 1 group, 3 objects",
                "suppressed by " + file + ":4: *.Link.next (rings are intended): 1 group, 3 objects",
                "suppressed by " + file + ":6: com.acme.Button.listener (the button outlives nothing): 1 group, 2 objects",
                "refshadow check: OK: 0 leak groups, 0 objects (of 4 groups in " + report + ")"), lines);
    }

    @Test
    void staleAndExpiredSuppressionsAreWarnedAbout() throws Exception {
        Path file = dir.resolve("refshadow.suppress");
        Files.writeString(file, String.join("\n",
                "com.acme.Gone | this class was deleted",
                fingerprints.get(0) + " | was to be fixed by 2000 | 2000-01-01",
                "com.acme.S* | all but Apple/Zebra",
                "com.acme.L?nk | all but Apple/Zebra",
                "com.acme.Button | all but Apple/Zebra"));
        Cli.Result r = Cli.run("check", report.toString(), "--suppressions", file.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of(
                "refshadow check: warning: " + file + ":1: com.acme.Gone: matches no leak group (stale suppression)",
                "refshadow check: warning: " + file + ":2: " + fingerprints.get(0)
                        + ": expired on 2000-01-01, no longer applied"), r.err().lines().toList());
        assertTrue(r.out().contains("FAILED: 1 leak group (limit 0)"), r.out());
        assertTrue(r.out().contains("  " + fingerprints.get(0)), r.out());
        assertFalse(r.out().contains(fingerprints.get(1)), r.out());
    }
}
