package dev.refshadow.report.leaks;

import dev.refshadow.analyzer.gc.GarbageSnapshot;
import dev.refshadow.analyzer.heap.ObjectTable;
import dev.refshadow.analyzer.heap.WriteKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/**
 * Splits one garbage snapshot into components and records each into the accumulator of its
 * fingerprint. Runs while the garbage still exists: shallow sizes and the kinds and call paths
 * of the last decrements are read from the live objects.
 */
final class SnapshotAnalysis {
    private final GarbageSnapshot snapshot;
    private final Names names;
    private final ShapeFingerprints fingerprints;
    private final ObjectTable table;
    private final IntToLongFunction shallowSize;
    private final GarbageGraph graph;
    private final Scratch scratch;

    SnapshotAnalysis(GarbageSnapshot snapshot, Names names, ShapeFingerprints fingerprints, ObjectTable table,
                     IntToLongFunction shallowSize) {
        this.snapshot = snapshot;
        this.names = names;
        this.fingerprints = fingerprints;
        this.table = table;
        this.shallowSize = shallowSize;
        this.graph = new GarbageGraph(snapshot, names);
        this.scratch = new Scratch(snapshot.size());
    }

    /** Records every component of the snapshot into {@code groups}, by fingerprint. */
    void recordInto(Map<String, GroupAccumulator> groups) {
        Components components = new Components(graph);
        for (int c = 0; c < components.count; c++) {
            int[] members = Arrays.copyOfRange(components.members, components.starts[c], components.starts[c + 1]);
            GroupAccumulator group = groups.computeIfAbsent(fingerprints.of(graph, members), GroupAccumulator::new);
            record(group, members);
        }
    }

    private void record(GroupAccumulator group, int[] members) {
        group.addInstance(snapshot.uncollectable, members.length);
        for (int u : members) {
            int classId = snapshot.classIds[u];
            int flags = names.classFlags(classId);
            group.addObject(names.className(classId), shallowSize.applyAsLong(snapshot.ids[u]),
                    names.site(snapshot.siteIds[u]),
                    (flags & (ObjectTable.HAS_FINALIZER | ObjectTable.LEGACY_FINALIZER)) != 0);
        }
        int entry = closingMember(members);
        int closed = snapshot.ids[entry];
        group.addClosingWrite(WriteKind.of(table.lastDecrementKind[closed]).reportName,
                names.site(snapshot.lastDecrementSites[entry]), table.lastDecrementPath[closed]);
        if (!group.hasRepresentative()) {
            group.setRepresentative(CycleFinder.find(graph, names, members, entry, scratch));
        }
        List<EdgeKey> breaking = WeakEdges.breakingAll(graph, names, members, scratch).stream()
                .map(names::edgeKey).toList();
        group.addBreakingEdges(breaking);
    }

    /** The member whose count the program decremented last: the closing write released it. */
    private int closingMember(int[] members) {
        int best = members[0];
        for (int u : members) {
            if (snapshot.lastDecrementSeqs[u] > snapshot.lastDecrementSeqs[best]) {
                best = u;
            }
        }
        return best;
    }
}
