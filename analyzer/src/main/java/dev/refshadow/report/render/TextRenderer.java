package dev.refshadow.report.render;

import static dev.refshadow.report.render.Units.bytes;
import static dev.refshadow.report.render.Units.count;
import static dev.refshadow.report.render.Units.plural;

import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup.WeakEdgeSuggestion;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.Summary;
import dev.refshadow.report.Verification;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text report written at exit: the summary, then each of the largest {@code top} groups as
 * a tree in the manner of macOS {@code leaks}: the cycle's classes with their counts and bytes,
 * the labelled edges, {@code CYCLE BACK TO}, then allocation sites, the closing write and the
 * suggested weak edge.
 */
public final class TextRenderer implements Renderer {
    public static final int DEFAULT_TOP = 20;
    private static final int SITES_SHOWN = 3;
    private final int top;

    public TextRenderer(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, got " + top);
        }
        this.top = top;
    }

    @Override
    public void render(Report report, Appendable out, Progress progress) throws IOException {
        summary(report, out);
        List<LeakGroup> leaks = report.leaks();
        int shown = Math.min(top, leaks.size());
        progress.start(shown);
        for (int i = 0; i < shown; i++) {
            out.append('\n');
            group(leaks.get(i), i + 1, leaks.size(), out);
            progress.step(i + 1);
        }
        progress.finish();
        if (leaks.size() > shown) {
            out.append('\n').append(plural(leaks.size() - shown, "more leak group")).append(" not shown (top ")
                    .append(String.valueOf(top)).append("); the JSON and HTML reports have them all\n");
        }
    }

    private static void summary(Report r, Appendable out) throws IOException {
        Summary s = r.summary();
        long objects = LeakGroup.objectsIn(r.leaks());
        long shallow = LeakGroup.bytesIn(r.leaks());
        out.append("refshadow ").append(r.tool().version()).append(": ").append(r.run().command())
                .append(" (JVM ").append(r.run().jvmVersion()).append(", started ").append(r.run().start().toString())
                .append(", ran ").append(Units.millis(r.run().durationMillis())).append(")\n");
        if (r.leaks().isEmpty()) {
            out.append("  no reference cycles: reference counting alone would free every object\n");
        } else {
            out.append("  ").append(plural(r.leaks().size(), "leak group")).append(", ")
                    .append(plural(objects, "object")).append(" (").append(bytes(shallow))
                    .append(") that reference counting alone would leak\n");
        }
        out.append("  allocated ").append(count(s.allocated())).append(", discovered ").append(count(s.discovered()))
                .append(", freed by refcount ").append(count(s.freedByRefcount()))
                .append(", cyclic garbage ").append(count(s.cyclicGarbage()))
                .append(", tracked at the end ").append(count(s.trackedObjects())).append('\n');
        out.append("  collections: gen0 ").append(count(s.collections().get(0))).append(", gen1 ")
                .append(count(s.collections().get(1))).append(", gen2 ").append(count(s.collections().get(2)))
                .append("; anomalies: ").append(count(s.anomalies().total()));
        String kinds = s.anomalies().byKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
        out.append(kinds.isEmpty() ? "" : " (" + kinds + ")").append('\n');
        Verification v = r.verification();
        if (v != null) {
            out.append("  verification (").append(v.mode()).append("): ").append(count(v.watched()))
                    .append(" watched, ").append(count(v.reclaimedByJvm())).append(" reclaimed by the JVM; agreement ")
                    .append(Units.percent(v.agreement())).append(" (")
                    .append(count(v.agreed())).append(" agreed, ").append(count(v.keptAliveOutsideCycles()))
                    .append(" kept alive outside cycles, ").append(count(v.prematureFrees())).append(" premature frees, ")
                    .append(count(v.discovered())).append(" discovered)\n");
        }
    }

    /** One group's block, as in the full report (also the body of a JUnit failure). */
    public static void group(LeakGroup g, int rank, int total, Appendable out) throws IOException {
        out.append("Leak group ").append(String.valueOf(rank)).append('/').append(String.valueOf(total)).append(": ")
                .append(plural(g.instances(), "instance")).append(", ").append(plural(g.objects(), "object"))
                .append(", ").append(bytes(g.shallowBytes())).append("   fingerprint ").append(g.fingerprint())
                .append('\n');
        Map<String, ClassCount> classes = g.classes().stream()
                .collect(Collectors.toMap(ClassCount::name, Function.identity()));
        tree(g, classes, out);
        allocationSites(g.allocationSites(), out);
        closingWrite(g.closingWrite(), g.instances(), out);
        suggestion(g.suggestedWeakEdge(), out);
        if (g.finalizers() || g.uncollectable() > 0) {
            out.append("  finalizers: some classes override finalize()");
            if (g.uncollectable() > 0) {
                out.append("; ").append(plural(g.uncollectable(), "object")).append(" uncollectable (legacy finalizers)");
            }
            out.append('\n');
        }
    }

    private static void tree(LeakGroup g, Map<String, ClassCount> classes, Appendable out) throws IOException {
        Set<String> onCycle = new HashSet<>();
        List<CycleEdge> edges = g.edges();
        if (!edges.isEmpty()) {
            String root = edges.get(0).from();
            onCycle.add(root);
            out.append("  ").append(node(classes.get(root), root)).append("  ROOT CYCLE\n");
            int elided = g.cycleLength() - edges.size();
            for (int i = 0; i < edges.size(); i++) {
                CycleEdge e = edges.get(i);
                String indent = "  " + "   ".repeat(Math.min(i + 1, 12));
                if (e.backEdge() && elided > 0) {
                    out.append(indent).append("... ").append(plural(elided, "more edge")).append(" ...\n");
                }
                out.append(indent).append(e.field()).append(" --> ");
                if (e.backEdge()) {
                    out.append("CYCLE BACK TO <").append(e.to()).append(">\n");
                } else {
                    // counts and bytes are per class: shown where the cycle first meets the class
                    out.append(onCycle.add(e.to()) ? node(classes.get(e.to()), e.to()) : "<" + e.to() + ">").append('\n');
                }
            }
        }
        List<ClassCount> others = g.classes().stream().filter(c -> !onCycle.contains(c.name())).toList();
        if (!others.isEmpty()) {
            out.append(edges.isEmpty() ? "  objects: " : "  held by the cycle: ")
                    .append(others.stream().map(c -> node(c, c.name())).collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }

    private static String node(ClassCount c, String name) {
        return c == null ? "<" + name + ">" : count(c.count()) + " (" + bytes(c.shallowBytes()) + ") <" + name + ">";
    }

    private static void allocationSites(List<SiteCount> sites, Appendable out) throws IOException {
        out.append("  allocated at: ");
        for (int i = 0; i < sites.size() && i < SITES_SHOWN; i++) {
            SiteCount s = sites.get(i);
            out.append(i > 0 ? "; " : "").append(s.site() == null ? "(unknown site)" : s.site())
                    .append(" (").append(count(s.count())).append(')');
        }
        if (sites.size() > SITES_SHOWN) {
            out.append("; and ").append(plural(sites.size() - SITES_SHOWN, "more site"));
        }
        out.append('\n');
    }

    private static void closingWrite(ClosingWrite w, long instances, Appendable out) throws IOException {
        out.append("  closing write: ").append(w.kind()).append(" at ")
                .append(w.site() == null ? "(unknown site)" : w.site())
                .append(" (").append(count(w.instances())).append(" of ").append(plural(instances, "instance"))
                .append(")\n");
        for (String frame : w.stack()) {
            out.append("      at ").append(frame).append('\n');
        }
        if (w.omittedFrames() > 0) {
            out.append("      ... ").append(count(w.omittedFrames())).append(" more\n");
        }
    }

    private static void suggestion(WeakEdgeSuggestion s, Appendable out) throws IOException {
        if (s != null) {
            out.append("  suggestion: make ").append(s.from()).append('.').append(s.field()).append(" (--> ")
                    .append(s.to()).append(") weak: ").append(s.reason()).append('\n');
        }
    }
}
