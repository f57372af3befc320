package dev.refshadow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.TestReports;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void newFixedAndChangedGroups() throws Exception {
        List<String> fp = TestReports.leaky().leaks().stream().map(LeakGroup::fingerprint).toList();
        Path current = ReportFilesForCli.json(TestReports.leaky(), dir.resolve("new.json"));
        Path gone = ReportFilesForCli.json(TestReports.weighted(), dir.resolve("weighted.json"));
        Map<String, Object> goneGroup = ReportFilesForCli.leaks(ReportFilesForCli.tree(gone)).get(0);
        Path old = ReportFilesForCli.edited(current, dir.resolve("old.json"), tree -> {
            List<Map<String, Object>> leaks = ReportFilesForCli.leaks(tree);
            leaks.remove(0); // Apple/Zebra is new
            leaks.get(0).put("objects", 1L); // Self grew from 1 object and instance to 3
            leaks.get(0).put("instances", 1L);
            leaks.get(0).put("shallowBytes", 16L);
            leaks.add(goneGroup); // fixed
        });
        Cli.Result r = Cli.run("diff", old.toString(), current.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals("refshadow diff: " + old + " -> " + current + ": 1 new, 1 fixed, 1 changed, 2 unchanged",
                lines.get(0));
        assertEquals("new:", lines.get(1));
        assertTrue(lines.get(2).startsWith("  + " + fp.get(0) + "  5 objects"), lines.get(2));
        assertEquals("fixed:", lines.get(3));
        assertTrue(lines.get(4).startsWith("  - " + goneGroup.get("fingerprint") + "  6 objects"), lines.get(4));
        assertEquals("changed:", lines.get(5));
        assertEquals("  ~ " + fp.get(1) + "  objects 1 -> 3, instances 1 -> 3, bytes 16 B -> 48 B", lines.get(6));
        assertEquals(7, lines.size(), r.out());
    }

    @Test
    void identicalReportsHaveNoDifference() throws Exception {
        Path report = ReportFilesForCli.json(TestReports.leaky(), dir.resolve("r.json"));
        Cli.Result r = Cli.run("diff", report.toString(), report.toString());
        assertEquals(0, r.code());
        assertEquals("refshadow diff: " + report + " -> " + report + ": 0 new, 0 fixed, 0 changed, 4 unchanged\n", r.out());
    }
}
