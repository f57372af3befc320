package dev.refshadow.report.leaks;

import dev.refshadow.analyzer.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalised names of the shadow heap's classes, labels and sites, and the ids of class-level
 * edges ({@link EdgeKey}), cached for the life of a recorder.
 */
final class Names {
    private record RawEdge(int fromClass, int label, int toClass) {
    }

    private final ShadowHeap heap;
    private final Map<Integer, String> classes = new HashMap<>();
    private final Map<Integer, String> labels = new HashMap<>();
    private final Map<Integer, String> sites = new HashMap<>();
    private final Map<RawEdge, Integer> rawEdges = new HashMap<>();
    private final Map<EdgeKey, Integer> edgeIds = new HashMap<>();
    private final List<EdgeKey> edgeKeys = new ArrayList<>();
    private final List<Integer> edgeRanks = new ArrayList<>();
    private final Map<String, Integer> classKeys = new HashMap<>();
    private final Map<Integer, Integer> classKeyOfId = new HashMap<>();

    public Names(ShadowHeap heap) {
        this.heap = heap;
    }

    public String className(int classId) {
        return classes.computeIfAbsent(classId, id -> NameNormalizer.normalize(heap.classes.name(id)));
    }

    public String label(int labelId) {
        return labels.computeIfAbsent(labelId, id -> NameNormalizer.normalize(heap.labels.name(id)));
    }

    /** The site's normalised name, or null for site 0 (unknown). */
    public String site(int siteId) {
        return siteId == 0 ? null : sites.computeIfAbsent(siteId, id -> NameNormalizer.normalize(heap.sites.name(id)));
    }

    public int classFlags(int classId) {
        return heap.classes.flags(classId);
    }

    /** The id of the class-level edge fromClass --label--> toClass (dense, from 0). */
    public int edgeId(int fromClass, int label, int toClass) {
        return rawEdges.computeIfAbsent(new RawEdge(fromClass, label, toClass), raw -> {
            EdgeKey key = new EdgeKey(className(fromClass), label(label), className(toClass));
            return edgeIds.computeIfAbsent(key, k -> {
                edgeKeys.add(k);
                edgeRanks.add(BackPointers.rank(k.field()));
                return edgeKeys.size() - 1;
            });
        });
    }

    /** The {@link BackPointers} rank of the edge's field. */
    public int backPointerRank(int edgeId) {
        return edgeRanks.get(edgeId);
    }

    /** A dense id of the class's normalised name: classes whose names normalise alike share it. */
    public int classKey(int classId) {
        return classKeyOfId.computeIfAbsent(classId,
                id -> classKeys.computeIfAbsent(className(id), name -> classKeys.size()));
    }

    public EdgeKey edgeKey(int edgeId) {
        return edgeKeys.get(edgeId);
    }
}
