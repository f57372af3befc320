package dev.refshadow.report.render;

import static dev.refshadow.report.render.Markup.escape;
import static dev.refshadow.report.render.Units.plural;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Surefire format CI servers read): one failing test case per leak group,
 * whose failure text is the group's block of the text report; a report without leaks is one
 * passing test case, so that CI still sees a test ran.
 */
public final class JunitRenderer implements Renderer {
    static final String SUITE = "refshadow.leaks";

    @Override
    public void render(Report report, Appendable out, Progress progress) throws IOException {
        List<LeakGroup> leaks = report.leaks();
        int tests = Math.max(1, leaks.size());
        String time = String.format(Locale.ROOT, "%.3f", report.run().durationMillis() / 1000.0);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"refshadow\" tests=\"")
                .append(String.valueOf(tests)).append("\" failures=\"").append(String.valueOf(leaks.size()))
                .append("\" errors=\"0\" time=\"").append(time).append("\">\n  <testsuite name=\"").append(SUITE)
                .append("\" tests=\"").append(String.valueOf(tests)).append("\" failures=\"")
                .append(String.valueOf(leaks.size())).append("\" errors=\"0\" skipped=\"0\" time=\"").append(time)
                .append("\" timestamp=\"").append(escape(report.run().start().toString().replace("Z", "")))
                .append("\">\n    <properties>\n      <property name=\"command\" value=\"")
                .append(escape(report.run().command())).append("\"/>\n      <property name=\"jvmVersion\" value=\"")
                .append(escape(report.run().jvmVersion())).append("\"/>\n    </properties>\n");
        if (leaks.isEmpty()) {
            out.append("    <testcase classname=\"").append(SUITE)
                    .append("\" name=\"no reference cycles\" time=\"0\"/>\n");
        }
        progress.start(leaks.size());
        for (int i = 0; i < leaks.size(); i++) {
            testCase(leaks.get(i), i + 1, leaks.size(), out);
            progress.step(i + 1);
        }
        progress.finish();
        out.append("  </testsuite>\n</testsuites>\n");
    }

    private static void testCase(LeakGroup g, int rank, int total, Appendable out) throws IOException {
        String shape = g.edges().isEmpty() ? ClassNames.simpleName(g.classes().get(0).name())
                : ClassNames.simpleName(g.edges().get(0).from()) + "." + g.edges().get(0).field();
        String message = "reference cycle " + g.fingerprint() + ": " + plural(g.instances(), "instance") + ", "
                + plural(g.objects(), "object") + " would leak under reference counting";
        StringBuilder body = new StringBuilder();
        TextRenderer.group(g, rank, total, body);
        out.append("    <testcase classname=\"").append(SUITE).append("\" name=\"")
                .append(escape(g.fingerprint() + " " + shape)).append("\" time=\"0\">\n      <failure type=\"")
                .append("refshadow.ReferenceCycle\" message=\"").append(escape(message)).append("\">")
                .append(escape(body.toString())).append("</failure>\n    </testcase>\n");
    }
}
