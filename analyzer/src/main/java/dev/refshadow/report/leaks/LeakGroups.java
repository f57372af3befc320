package dev.refshadow.report.leaks;

import dev.refshadow.analyzer.gc.GarbageSnapshot;
import dev.refshadow.analyzer.heap.ShadowHeap;
import dev.refshadow.report.LeakGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/** The leak groups of a run so far: every garbage snapshot recorded into the group of each of its components. */
public final class LeakGroups {
    private final ShadowHeap heap;
    private final IntToLongFunction shallowSize;
    private final Names names;
    private final ShapeFingerprints fingerprints;
    private final CallStacks stacks;
    private final Map<String, GroupAccumulator> groups = new HashMap<>();

    public LeakGroups(ShadowHeap heap, IntToLongFunction shallowSize) {
        this.heap = heap;
        this.shallowSize = shallowSize;
        this.names = new Names(heap);
        this.fingerprints = new ShapeFingerprints(names);
        this.stacks = new CallStacks(names, heap.callPaths);
    }

    /** Records a snapshot; call while its objects still exist. */
    public void record(GarbageSnapshot snapshot) {
        new SnapshotAnalysis(snapshot, names, fingerprints, heap.table, shallowSize).recordInto(groups);
    }

    /** The groups, largest first ({@link LeakGroup#LARGEST_FIRST}). */
    public List<LeakGroup> toList() {
        return groups.values().stream().map(g -> g.toLeakGroup(stacks)).sorted(LeakGroup.LARGEST_FIRST).toList();
    }
}
