package dev.refshadow.analyzer.gc;

import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.heap.ObjectTable;
import dev.refshadow.analyzer.heap.ShadowHeap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What one collection found unreachable, taken before {@code delete_garbage} breaks the cycles:
 * per object its class, allocation site and closing event, and the edges among the objects
 * (as indices into {@link #ids}), with their field labels. Reports are built from these.
 */
public final class GarbageSnapshot {
    public final int generation;
    /** True for the uncollectable part (legacy finalizers and what they reach). */
    public final boolean uncollectable;
    public final int[] ids;
    public final int[] classIds;
    public final int[] siteIds;
    /** Site and sequence number of the event that last decremented each object. */
    public final int[] lastDecrementSites;
    public final long[] lastDecrementSeqs;
    /** Edges as triples (from index, label id, to index). */
    public final int[] edges;

    private GarbageSnapshot(int generation, boolean uncollectable, int[] ids, int[] classIds, int[] siteIds,
                            int[] lastDecrementSites, long[] lastDecrementSeqs, int[] edges) {
        this.generation = generation;
        this.uncollectable = uncollectable;
        this.ids = ids;
        this.classIds = classIds;
        this.siteIds = siteIds;
        this.lastDecrementSites = lastDecrementSites;
        this.lastDecrementSeqs = lastDecrementSeqs;
        this.edges = edges;
    }

    /** Copies the objects of a collector list. */
    static GarbageSnapshot of(ShadowHeap heap, int listHead, int generation, boolean uncollectable) {
        ObjectTable t = heap.table;
        int n = heap.lists.size(listHead);
        int[] ids = new int[n];
        Map<Integer, Integer> index = new HashMap<>(n * 2);
        int k = 0;
        for (int id = heap.lists.first(listHead); id != listHead; id = t.next[id]) {
            index.put(id, k);
            ids[k++] = id;
        }
        int[] classIds = new int[n];
        int[] siteIds = new int[n];
        int[] decSites = new int[n];
        long[] decSeqs = new long[n];
        IntList edges = new IntList();
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            classIds[i] = t.classId[id];
            siteIds[i] = t.siteId[id];
            decSites[i] = t.lastDecrementSite[id];
            decSeqs[i] = t.lastDecrementSeq[id];
            int[] block = t.edges[id];
            if (block == null) {
                continue;
            }
            for (int e = 1; e < block.length; e += EdgeSet.ENTRY) {
                Integer to = block[e] == 0 ? null : index.get(block[e]);
                if (to != null && block[e + EdgeSet.COUNT] > 0) {
                    edges.add(i);
                    edges.add(block[e + EdgeSet.LABEL]);
                    edges.add(to);
                }
            }
        }
        return new GarbageSnapshot(generation, uncollectable, ids, classIds, siteIds, decSites, decSeqs,
                edges.toArray());
    }

    public int size() {
        return ids.length;
    }

    @Override
    public String toString() {
        return "GarbageSnapshot[gen=" + generation + ", objects=" + Arrays.toString(ids) + "]";
    }
}
