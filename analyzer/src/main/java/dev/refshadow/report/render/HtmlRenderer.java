package dev.refshadow.report.render;

import static dev.refshadow.report.render.Markup.escape;
import static dev.refshadow.report.render.Units.bytes;
import static dev.refshadow.report.render.Units.count;
import static dev.refshadow.report.render.Units.plural;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.Generation;
import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup.WeakEdgeSuggestion;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page: styles and script inline, nothing fetched (a Content Security
 * Policy forbids it). The summary first, then every group as a collapsible block with its cycle
 * drawn as SVG; the groups can be sorted by objects, bytes or instances and filtered by class,
 * field or fingerprint ({@code #sort=bytes&filter=text} in the address does the same).
 */
public final class HtmlRenderer implements Renderer {
    /** Groups shown expanded when the page opens. */
    static final int OPEN_GROUPS = 5;
    private static final int CLASSES_SHOWN = 15;
    private static final int SITES_SHOWN = 8;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
            + "img-src data:";

    @Override
    public void render(Report r, Appendable out, Progress progress) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"refshadow ").append(escape(r.tool().version())).append("\">\n")
                .append("<title>refshadow: ").append(plural(r.leaks().size(), "leak group")).append(" \u2014 ")
                .append(escape(r.run().command())).append("</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n").append(SvgCycle.markerDefinitions()).append('\n');
        summary(r, out);
        out.append("<section id=\"leaks\">\n<h2>Leak groups</h2>\n<div class=\"controls\">Sort by ")
                .append("<button type=\"button\" data-sort=\"objects\">objects</button>")
                .append("<button type=\"button\" data-sort=\"bytes\">bytes</button>")
                .append("<button type=\"button\" data-sort=\"instances\">instances</button>")
                .append(" <input id=\"filter\" type=\"search\" placeholder=\"filter: class, field or fingerprint\"")
                .append(" aria-label=\"filter groups\"> <span id=\"shown\"></span></div>\n<div id=\"groups\">\n");
        List<LeakGroup> leaks = r.leaks();
        progress.start(leaks.size());
        for (int i = 0; i < leaks.size(); i++) {
            group(leaks.get(i), i + 1, out);
            progress.step(i + 1);
        }
        progress.finish();
        out.append("</div>\n");
        if (leaks.isEmpty()) {
            out.append("<p class=\"empty\">No reference cycles: reference counting alone would free every object.</p>\n");
        }
        out.append("</section>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
    }

    private static void summary(Report r, Appendable out) throws IOException {
        Summary s = r.summary();
        long objects = LeakGroup.objectsIn(r.leaks());
        long shallow = LeakGroup.bytesIn(r.leaks());
        out.append("<header>\n<h1>refshadow report</h1>\n<p class=\"run\"><code>").append(escape(r.run().command()))
                .append("</code> \u00b7 JVM ").append(escape(r.run().jvmVersion())).append(" \u00b7 started ")
                .append(escape(r.run().start().toString())).append(" \u00b7 ran ")
                .append(Units.millis(r.run().durationMillis())).append(" \u00b7 refshadow ")
                .append(escape(r.tool().version())).append("</p>\n</header>\n<section id=\"summary\">\n<h2>Summary</h2>\n")
                .append("<p class=\"headline\">").append(r.leaks().isEmpty() ? "No leak groups"
                        : plural(r.leaks().size(), "leak group") + ": " + plural(objects, "object") + " ("
                        + bytes(shallow) + ") that reference counting alone would leak").append("</p>\n")
                .append("<dl class=\"figures\">");
        figure(out, "leak groups", count(s.leakGroups()));
        figure(out, "cyclic garbage", count(s.cyclicGarbage()));
        figure(out, "allocated", count(s.allocated()));
        figure(out, "discovered", count(s.discovered()));
        figure(out, "freed by refcount", count(s.freedByRefcount()));
        figure(out, "tracked at the end", count(s.trackedObjects()));
        figure(out, "anomalies", count(s.anomalies().total()));
        out.append("</dl>\n<table class=\"generations\"><tr><th>generation</th><th class=\"num\">threshold</th>")
                .append("<th class=\"num\">count</th><th class=\"num\">collections</th><th class=\"num\">collected</th>")
                .append("<th class=\"num\">uncollectable</th></tr>");
        List<Generation> gens = r.generations();
        for (int g = 0; g < gens.size(); g++) {
            Generation gen = gens.get(g);
            out.append("<tr><td>").append(String.valueOf(g)).append("</td>");
            for (long v : new long[] {gen.threshold(), gen.count(), gen.collections(), gen.collected(),
                    gen.uncollectable()}) {
                out.append("<td class=\"num\">").append(count(v)).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table>\n<table class=\"anomalies\"><tr><th>anomaly</th><th class=\"num\">count</th></tr>");
        for (Map.Entry<String, Long> e : s.anomalies().byKind().entrySet()) {
            out.append("<tr><td>").append(escape(e.getKey())).append("</td><td class=\"num\">")
                    .append(count(e.getValue())).append("</td></tr>");
        }
        out.append("</table>\n</section>\n");
    }

    private static void figure(Appendable out, String name, String value) throws IOException {
        out.append("<div><dt>").append(name).append("</dt><dd>").append(value).append("</dd></div>");
    }

    private static void group(LeakGroup g, int rank, Appendable out) throws IOException {
        out.append("<details class=\"group\" id=\"g-").append(g.fingerprint()).append("\" data-rank=\"")
                .append(String.valueOf(rank)).append("\" data-objects=\"").append(String.valueOf(g.objects()))
                .append("\" data-bytes=\"").append(String.valueOf(g.shallowBytes())).append("\" data-instances=\"")
                .append(String.valueOf(g.instances())).append("\" data-search=\"").append(escape(searchText(g)))
                .append('"').append(rank <= OPEN_GROUPS ? " open" : "").append(">\n<summary><span class=\"rank\">#")
                .append(String.valueOf(rank)).append("</span><span class=\"objects\">").append(plural(g.objects(), "object"))
                .append("</span><span class=\"bytes\">").append(bytes(g.shallowBytes()))
                .append("</span><span class=\"instances\">").append(plural(g.instances(), "instance"))
                .append("</span><span class=\"shape\">").append(escape(shape(g)))
                .append("</span><code class=\"fp\">").append(g.fingerprint()).append("</code></summary>\n")
                .append("<div class=\"body\">");
        CycleGraph graph = CycleGraph.of(g);
        if (!graph.isEmpty()) {
            out.append(SvgCycle.draw(graph, "reference cycle of leak group " + g.fingerprint()));
        }
        out.append("<table class=\"facts\">");
        if (!g.edges().isEmpty()) {
            row(out, "cycle", "<span class=\"path mono\">" + cyclePath(g) + "</span>");
        }
        row(out, "classes", classes(g.classes()));
        row(out, "allocated at", sites(g.allocationSites()));
        row(out, "closing write", closingWrite(g.closingWrite(), g.instances()));
        WeakEdgeSuggestion s = g.suggestedWeakEdge();
        if (s != null) {
            row(out, "suggestion", "<div class=\"suggestion\">make <code>" + escape(s.from() + "." + s.field())
                    + "</code> (\u2192 <code>" + escape(s.to()) + "</code>) weak: " + escape(s.reason()) + "</div>");
        }
        if (g.finalizers() || g.uncollectable() > 0) {
            row(out, "finalizers", "some classes override <code>finalize()</code>"
                    + (g.uncollectable() > 0 ? "; " + plural(g.uncollectable(), "object") + " uncollectable" : ""));
        }
        out.append("</table></div>\n</details>\n");
    }

    private static void row(Appendable out, String name, String html) throws IOException {
        out.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>");
    }

    /** The cycle on one line, the back-edge highlighted. */
    private static String cyclePath(LeakGroup g) {
        List<String> steps = CyclePath.steps(g);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size() - 1; i++) {
            sb.append(escape(steps.get(i)));
        }
        return sb.append("<span class=\"back-label\">").append(escape(steps.get(steps.size() - 1)))
                .append(" (back-edge)</span>").toString();
    }

    private static String classes(List<ClassCount> classes) {
        StringBuilder sb = new StringBuilder("<table><tr><th>class</th><th class=\"num\">objects</th>"
                + "<th class=\"num\">bytes</th></tr>");
        classes.stream().limit(CLASSES_SHOWN).forEach(c -> sb.append("<tr><td><code>").append(escape(c.name()))
                .append("</code></td><td class=\"num\">").append(count(c.count())).append("</td><td class=\"num\">")
                .append(bytes(c.shallowBytes())).append("</td></tr>"));
        sb.append("</table>");
        if (classes.size() > CLASSES_SHOWN) {
            sb.append(plural(classes.size() - CLASSES_SHOWN, "more class"));
        }
        return sb.toString();
    }

    private static String sites(List<SiteCount> sites) {
        String shown = sites.stream().limit(SITES_SHOWN).map(s -> "<code>" + (s.site() == null ? "(unknown site)"
                : escape(s.site())) + "</code> (" + count(s.count()) + ")").collect(Collectors.joining("<br>"));
        return shown + (sites.size() > SITES_SHOWN ? "<br>" + plural(sites.size() - SITES_SHOWN, "more site") : "");
    }

    private static String closingWrite(ClosingWrite w, long instances) {
        StringBuilder sb = new StringBuilder(escape(w.kind())).append(" at <code>")
                .append(w.site() == null ? "(unknown site)" : escape(w.site())).append("</code> (")
                .append(count(w.instances())).append(" of ").append(plural(instances, "instance")).append(')');
        for (String frame : w.stack()) {
            sb.append("<br><code class=\"frame\">at ").append(escape(frame)).append("</code>");
        }
        if (w.omittedFrames() > 0) {
            sb.append("<br><code class=\"frame\">... ").append(count(w.omittedFrames())).append(" more</code>");
        }
        return sb.toString();
    }

    /** The classes of the cycle, or of the group when it has none. */
    private static String shape(LeakGroup g) {
        List<String> names = g.edges().isEmpty() ? g.classes().stream().map(ClassCount::name).toList()
                : g.edges().stream().map(CycleEdge::from).distinct().toList();
        return names.stream().map(ClassNames::simpleName).limit(6).collect(Collectors.joining(" \u2192 "))
                + (names.size() > 6 ? " \u2026" : "");
    }

    private static String searchText(LeakGroup g) {
        StringBuilder sb = new StringBuilder(g.fingerprint());
        g.classes().forEach(c -> sb.append(' ').append(c.name()));
        g.edges().forEach(e -> sb.append(' ').append(e.from()).append('.').append(e.field()));
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
