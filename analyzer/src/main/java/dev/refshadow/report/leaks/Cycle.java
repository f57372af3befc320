package dev.refshadow.report.leaks;

import java.util.List;

/**
 * A cycle through garbage objects as class-level edges, in walking order: the first edge leaves
 * the start object and the last one (the back-edge) returns to it.
 */
record Cycle(List<EdgeKey> edges) {
    public static final Cycle NONE = new Cycle(List.of());

    public Cycle {
        edges = List.copyOf(edges);
    }

    public int length() {
        return edges.size();
    }
}
