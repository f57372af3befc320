package dev.refshadow.report.render;

import static dev.refshadow.report.render.Units.bytes;
import static dev.refshadow.report.render.Units.plural;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import java.io.IOException;
import java.util.List;

/**
 * Graphviz DOT: one digraph with a cluster per group; nodes are the classes of the group's
 * representative cycle, edges are labelled with field names, the back-edge drawn red and bold.
 * {@code dot -Tsvg report.dot -o report.svg} draws it.
 */
public final class DotRenderer implements Renderer {
    @Override
    public void render(Report report, Appendable out, Progress progress) throws IOException {
        out.append("digraph refshadow {\n")
                .append("  graph [rankdir=LR, fontname=\"Helvetica\", label=").append(quote("refshadow: "
                        + plural(report.leaks().size(), "leak group") + " in " + report.run().command()))
                .append(", labelloc=t];\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f2f6fc\", fontname=\"Helvetica\"];\n")
                .append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        List<LeakGroup> leaks = report.leaks();
        progress.start(leaks.size());
        for (int i = 0; i < leaks.size(); i++) {
            cluster(leaks.get(i), i + 1, out);
            progress.step(i + 1);
        }
        progress.finish();
        out.append("}\n");
    }

    private static void cluster(LeakGroup g, int rank, Appendable out) throws IOException {
        CycleGraph graph = CycleGraph.of(g);
        String prefix = "g" + rank + "_";
        out.append("  subgraph cluster_").append(String.valueOf(rank)).append(" {\n    label=")
                .append(quote("#" + rank + " " + g.fingerprint() + ": " + plural(g.instances(), "instance") + ", "
                        + plural(g.objects(), "object") + ", " + bytes(g.shallowBytes())))
                .append(";\n");
        if (graph.isEmpty()) {
            out.append("    ").append(prefix).append("0 [label=").append(quote(g.classes().get(0).name()))
                    .append("];\n");
        }
        for (int n = 0; n < graph.nodes.size(); n++) {
            out.append("    ").append(prefix).append(String.valueOf(n)).append(" [label=")
                    .append(quote(ClassNames.simpleName(graph.nodes.get(n)))).append(", tooltip=")
                    .append(quote(graph.nodes.get(n))).append("];\n");
        }
        for (CycleGraph.Edge e : graph.edges) {
            String label = e.field() + (e.times() > 1 ? " x" + e.times() : "");
            out.append("    ").append(prefix).append(String.valueOf(e.from())).append(" -> ").append(prefix)
                    .append(String.valueOf(e.to())).append(" [label=").append(quote(label))
                    .append(e.back() ? ", color=red, fontcolor=red, penwidth=2, style=bold" : "").append("];\n");
        }
        out.append("  }\n");
    }

    /** A DOT quoted string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.append('"').toString();
    }
}
