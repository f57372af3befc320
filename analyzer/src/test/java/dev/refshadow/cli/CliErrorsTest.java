package dev.refshadow.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.TestReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input anywhere exits 2 with one line on stderr that names the file and the problem: never a stack trace. */
class CliErrorsTest {
    @TempDir
    Path dir;
    String valid;

    @BeforeEach
    void writeReport() throws Exception {
        valid = ReportFilesForCli.json(TestReports.leaky(), dir.resolve("valid.json")).toString();
    }

    private String file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private String file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p.toString();
    }

    /** Exit 2, nothing on stdout, exactly one line on stderr that contains every one of {@code expected}. */
    private static void assertUsageError(Cli.Result r, String... expected) {
        assertAll(r.toString(),
                () -> assertEquals(2, r.code()),
                () -> assertEquals("", r.out()),
                () -> assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1, "one line"),
                () -> assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace"),
                () -> {
                    for (String e : expected) {
                        assertTrue(r.err().contains(e), "mentions " + e);
                    }
                });
    }

    @Test
    void unusableReportFiles() throws Exception {
        String text = Files.readString(Path.of(valid));
        String missing = dir.resolve("missing.json").toString();
        assertUsageError(Cli.run("report", missing), "refshadow report: " + missing + ": no such file");
        assertUsageError(Cli.run("report", file("empty.json", "")), "empty.json: is empty");
        assertUsageError(Cli.run("report", file("prose.json", "Hello, world\n")), "prose.json: is not JSON");
        assertUsageError(Cli.run("report", file("truncated.json", text.substring(0, 300))),
                "truncated.json: is truncated: unexpected end of input at line");
        assertUsageError(Cli.run("report", file("package.json", "{\"name\": \"left-pad\"}")),
                "package.json: is not a refshadow report: no \"schema\" field");
        assertUsageError(Cli.run("report", file("wrong.json", text.replace("\"objects\": 5", "\"objects\": -5"))),
                "wrong.json: does not match refshadow-report/1: $.leaks[0].objects: -5 is less than 0");
        assertUsageError(Cli.run("report", file("report.bin", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0})),
                "report.bin: is a binary file");
        assertUsageError(Cli.run("report", file("latin1.json", "{\"caf\u00e9\": 1}".getBytes(StandardCharsets.ISO_8859_1))),
                "latin1.json: is not UTF-8 text");
        assertUsageError(Cli.run("report", dir.toString()), dir + ": is a directory");
    }

    @Test
    void badFlags() throws Exception {
        assertUsageError(Cli.run("report", valid, "--format", "pdf"),
                "refshadow report: Invalid value for option '--format': unknown format 'pdf'; formats are json, text, html");
        assertUsageError(Cli.run("report", valid, "--top", "0"), "--top must be at least 1, got 0");
        assertUsageError(Cli.run("report", valid, "--top", "many"), "Invalid value for option '--top'");
        assertUsageError(Cli.run("report", valid, "--bogus"), "Unknown option: '--bogus'", "refshadow report --help");
        assertUsageError(Cli.run("report"), "Missing required parameter: '<report.json>'");
        assertUsageError(Cli.run("check", valid, "--max-objects", "-1"), "--max-objects must not be negative, got -1");
        assertUsageError(Cli.run("check", valid, "--max-groups", "lots"), "Invalid value for option '--max-groups'");
        assertUsageError(Cli.run("diff", valid), "Missing required parameter: '<new.json>'");
        assertUsageError(Cli.run("frobnicate"), "refshadow: Unmatched argument");
    }

    @Test
    void unusableOutputFiles() throws Exception {
        assertUsageError(Cli.run("report", valid, "-o", dir.toString()), dir + ": is a directory: -o needs a file name");
        String underAFile = valid + "/out.html";
        assertUsageError(Cli.run("report", valid, "--format", "html", "-o", underAFile),
                underAFile + ": cannot be written: " + valid + " is not a directory");
    }

    @Test
    void unusableBaselinesAndSuppressions() throws Exception {
        String missing = dir.resolve("old.json").toString();
        assertUsageError(Cli.run("check", valid, "--baseline", missing), "refshadow check: " + missing + ": no such file");
        assertUsageError(Cli.run("check", valid, "--baseline", file("old.json", "{\"schema\": \"refshadow-report/1\"")),
                "old.json: is truncated");
        String noSuppressions = dir.resolve("none.suppress").toString();
        assertUsageError(Cli.run("check", valid, "--suppressions", noSuppressions), noSuppressions + ": no such file");
        String noReason = file("no-reason.suppress", "# comment\ncom.acme.Node\n");
        assertUsageError(Cli.run("check", valid, "--suppressions", noReason),
                noReason + ":2: expected <fingerprint or class/field pattern> | <reason>");
        String badDate = file("bad-date.suppress", "com.acme.Node | a reason | next tuesday\n");
        assertUsageError(Cli.run("check", valid, "--suppressions", badDate),
                badDate + ":1: bad expiry date 'next tuesday', expected YYYY-MM-DD");
        assertUsageError(Cli.run("check", valid, "--suppressions", dir.toString()), dir + ": is a directory");
    }

    @Test
    void unusableDiffInputs() throws Exception {
        String missing = dir.resolve("new.json").toString();
        assertUsageError(Cli.run("diff", valid, missing), "refshadow diff: " + missing + ": no such file");
        assertUsageError(Cli.run("diff", file("old.json", "[]"), valid), "old.json: is not a refshadow report");
    }

    @Test
    void unusableAgents() throws Exception {
        String missing = dir.resolve("agent.jar").toString();
        assertUsageError(Cli.run("run", "--agent", missing, "--", "-version"), "refshadow run: " + missing + ": no such file");
        assertUsageError(Cli.run("run", "--agent", dir.toString(), "--", "-version"), dir + ": is a directory");
        assertUsageError(Cli.run("run", "--agent", valid), "Missing required parameter: '<java args>'");
        assertUsageError(Cli.run("run", "--agent", valid, "--java", dir.resolve("nojava").toString(), "--", "Main"),
                "nojava: is not an executable java launcher");
    }
}
