package dev.refshadow.report.render;

import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's representative cycle at class level, as the HTML and DOT renderings draw it: one
 * node per class (in the order the cycle meets them), one edge per distinct
 * {@code from.field -> to} with the number of times the cycle takes it, the back-edge marked.
 */
public final class CycleGraph {
    /** An edge between node indices. */
    public record Edge(int from, int to, String field, int times, boolean back) {
    }

    private record EdgeKey(int from, int to, String field) {
    }

    public final List<String> nodes;
    public final List<Edge> edges;
    /** Edges of the cycle that the report left out (long cycles keep their first edges and the back-edge). */
    public final int elided;

    private CycleGraph(List<String> nodes, List<Edge> edges, int elided) {
        this.nodes = nodes;
        this.edges = edges;
        this.elided = elided;
    }

    public static CycleGraph of(LeakGroup group) {
        List<String> nodes = new ArrayList<>();
        Map<EdgeKey, int[]> counts = new LinkedHashMap<>();
        Map<EdgeKey, Boolean> back = new LinkedHashMap<>();
        for (CycleEdge e : group.edges()) {
            EdgeKey k = new EdgeKey(index(nodes, e.from()), index(nodes, e.to()), e.field());
            counts.computeIfAbsent(k, x -> new int[1])[0]++;
            back.merge(k, e.backEdge(), Boolean::logicalOr);
        }
        List<Edge> edges = new ArrayList<>();
        counts.forEach((k, n) -> edges.add(new Edge(k.from(), k.to(), k.field(), n[0], back.get(k))));
        return new CycleGraph(List.copyOf(nodes), List.copyOf(edges), group.cycleLength() - group.edges().size());
    }

    private static int index(List<String> nodes, String name) {
        int i = nodes.indexOf(name);
        if (i < 0) {
            nodes.add(name);
            i = nodes.size() - 1;
        }
        return i;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
