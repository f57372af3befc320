package dev.refshadow.report.leaks;

import dev.refshadow.analyzer.gc.GarbageSnapshot;
import java.util.Arrays;

/**
 * The edges of a {@link GarbageSnapshot} as adjacency arrays (objects are snapshot indices):
 * the out-edges of object {@code i} are {@code offsets[i] .. offsets[i+1]-1}, each with its
 * target, its label and its class-level edge id, in the snapshot's (storage) order. Also holds
 * the strongly connected components, which tell which edges lie on cycles.
 */
final class GarbageGraph {
    public final GarbageSnapshot snapshot;
    public final int size;
    public final int[] offsets;
    public final int[] targets;
    public final int[] labels;
    public final int[] edgeIds;
    /** The strongly connected component of each object. */
    public final int[] scc;
    /** Whether each strongly connected component holds a cycle (two or more objects, or a self-loop). */
    public final boolean[] cyclic;

    public GarbageGraph(GarbageSnapshot snapshot, Names names) {
        this.snapshot = snapshot;
        this.size = snapshot.size();
        int[] triples = snapshot.edges;
        int m = triples.length / 3;
        offsets = new int[size + 1];
        for (int e = 0; e < m; e++) {
            offsets[triples[3 * e] + 1]++;
        }
        for (int i = 0; i < size; i++) {
            offsets[i + 1] += offsets[i];
        }
        targets = new int[m];
        labels = new int[m];
        edgeIds = new int[m];
        int[] fill = Arrays.copyOf(offsets, size);
        int lastFrom = -1;
        int lastLabel = -1;
        int lastTo = -1;
        int lastId = -1;
        for (int e = 0; e < m; e++) {
            int from = triples[3 * e];
            int to = triples[3 * e + 2];
            int at = fill[from]++;
            targets[at] = to;
            labels[at] = triples[3 * e + 1];
            int fromClass = snapshot.classIds[from];
            int toClass = snapshot.classIds[to];
            // structures are mostly uniform: the previous edge's kind is usually this one's
            if (fromClass != lastFrom || labels[at] != lastLabel || toClass != lastTo) {
                lastFrom = fromClass;
                lastLabel = labels[at];
                lastTo = toClass;
                lastId = names.edgeId(fromClass, lastLabel, toClass);
            }
            edgeIds[at] = lastId;
        }
        StrongComponents strong = new StrongComponents(this);
        scc = strong.componentOf;
        cyclic = strong.cyclic;
    }

    /** Whether edge {@code e} (an index into {@link #targets}) leaving {@code from} lies on a cycle. */
    public boolean onCycle(int from, int e) {
        return scc[from] == scc[targets[e]] && cyclic[scc[from]];
    }

    public boolean inCycle(int object) {
        return cyclic[scc[object]];
    }
}
