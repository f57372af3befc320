package dev.refshadow.report.leaks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds the representative cycle of a garbage component: the shortest cycle through the object
 * the closing write released (or, when that object is on no cycle, through the first cycle
 * object it reaches, else the component's first cycle object). Read from there, the cycle
 * tells the story a user needs: "the program let go of X; X refers to Y ... which refers back
 * to X".
 */
final class CycleFinder {
    private CycleFinder() {
    }

    static Cycle find(GarbageGraph g, Names names, int[] members, int entry, Scratch s) {
        int start = g.inCycle(entry) ? entry : firstCycleObjectReachable(g, entry, s);
        for (int k = 0; start < 0 && k < members.length; k++) {
            if (g.inCycle(members[k])) {
                start = members[k];
            }
        }
        if (start < 0) {
            return Cycle.NONE;
        }
        return shortestCycleThrough(g, names, start, s);
    }

    private static int firstCycleObjectReachable(GarbageGraph g, int entry, Scratch s) {
        s.newSearch();
        s.mark(entry);
        int head = 0;
        int tail = 0;
        s.queue[tail++] = entry;
        while (head < tail) {
            int u = s.queue[head++];
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                int w = g.targets[e];
                if (g.inCycle(w)) {
                    return w;
                }
                if (s.mark(w)) {
                    s.queue[tail++] = w;
                }
            }
        }
        return -1;
    }

    /** Breadth-first over cycle edges from {@code start}: the first edge back to it closes a shortest cycle. */
    private static Cycle shortestCycleThrough(GarbageGraph g, Names names, int start, Scratch s) {
        s.newSearch();
        s.mark(start);
        int head = 0;
        int tail = 0;
        s.queue[tail++] = start;
        while (head < tail) {
            int u = s.queue[head++];
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (!g.onCycle(u, e)) {
                    continue;
                }
                int w = g.targets[e];
                if (w == start) {
                    return pathTo(g, names, u, e, start, s);
                }
                if (s.mark(w)) {
                    s.parentNode[w] = u;
                    s.parentEdge[w] = e;
                    s.queue[tail++] = w;
                }
            }
        }
        throw new IllegalStateException("object " + start + " is on a cycle but none was found");
    }

    private static Cycle pathTo(GarbageGraph g, Names names, int last, int backEdge, int start, Scratch s) {
        List<EdgeKey> edges = new ArrayList<>();
        edges.add(names.edgeKey(g.edgeIds[backEdge]));
        for (int v = last; v != start; v = s.parentNode[v]) {
            edges.add(names.edgeKey(g.edgeIds[s.parentEdge[v]]));
        }
        Collections.reverse(edges);
        return new Cycle(edges);
    }
}
