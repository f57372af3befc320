package dev.refshadow.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.Report;
import dev.refshadow.report.ReportFiles;
import dev.refshadow.report.ReportFormat;
import dev.refshadow.report.TestReports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium and checks the DOM after its script ran. Chromium
 * comes from Debian's {@code chromium} package, which {@code .ci/run} installs; elsewhere the
 * test is skipped when there is no browser, except under CI, where a missing browser fails.
 */
class HtmlInChromiumTest {
    @TempDir
    Path dir;

    @Test
    void rendersAThousandGroups() throws Exception {
        Path html = write(TestReports.many(1000), "many");
        assertTrue(Files.size(html) < 8 << 20, "the page stays small: " + Files.size(html));
        long start = System.nanoTime();
        String dom = dumpDom(html.toUri().toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(dom.contains("data-ready=\"true\""), "the script ran");
        assertEquals(1000, count(dom, "<details class=\"group\""));
        assertEquals(1000, count(dom, "<svg class=\"cycle\""));
        assertTrue(dom.contains("data-visible=\"1000\""), "all groups visible");
        assertTrue(dom.contains("Showing 1000 of 1000 groups, largest objects first"), "status line written by the script");
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    @Test
    void sortsByBytesAndFiltersFromTheAddress() throws Exception {
        Report report = TestReports.weighted();
        Path html = write(report, "weighted");
        String byObjects = dumpDom(html.toUri().toString());
        assertEquals(List.of("Light", "Heavy"), groupOrder(byObjects));

        String byBytes = dumpDom(html.toUri() + "#sort=bytes");
        assertTrue(byBytes.contains("data-sorted-by=\"bytes\""), "sorted by bytes");
        assertEquals(List.of("Heavy", "Light"), groupOrder(byBytes));
        assertTrue(byBytes.contains("<button type=\"button\" data-sort=\"bytes\" class=\"active\">"), "button marked");

        String filtered = dumpDom(html.toUri() + "#sort=objects&filter=heavy");
        assertTrue(filtered.contains("data-visible=\"1\""), "one group left");
        assertTrue(filtered.contains("Showing 1 of 2 groups"), "status line");
        Matcher light = Pattern.compile("<details class=\"group\"[^>]*com\\.acme\\.light[^>]*>").matcher(filtered);
        assertTrue(light.find() && light.group().contains(" hidden"), "Light hidden");
    }

    /** The class of each group's shape, in DOM order. */
    private static List<String> groupOrder(String dom) {
        List<String> order = new ArrayList<>();
        Matcher m = Pattern.compile("<span class=\"shape\">([^<]*)</span>").matcher(dom);
        while (m.find()) {
            order.add(m.group(1));
        }
        return order;
    }

    private Path write(Report report, String name) throws IOException {
        String prefix = dir.resolve(name).toString();
        return ReportFiles.writeFormats(report, prefix, List.of(ReportFormat.HTML), 20, line -> { }).get(0);
    }

    private static int count(String text, String literal) {
        int n = 0;
        for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
            n++;
        }
        return n;
    }

    private String dumpDom(String url) throws IOException, InterruptedException {
        Path browser = chromium();
        Path profile = Files.createTempDirectory(dir, "profile");
        Path out = Files.createTempFile(dir, "dom", ".html");
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), "chromium's exit code");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (System.getenv("CI") != null) {
            throw new AssertionError("no chromium on PATH: .ci/run installs Debian's chromium package");
        }
        Assumptions.abort("no chromium on PATH (apt-get install -y chromium chromium-driver)");
        return null;
    }
}
