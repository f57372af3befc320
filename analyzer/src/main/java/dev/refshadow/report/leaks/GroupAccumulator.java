package dev.refshadow.report.leaks;

import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything recorded about the instances of one fingerprint, until it becomes a {@link LeakGroup}. */
final class GroupAccumulator {
    private record ClosingKey(String kind, String site) {
    }

    private final String fingerprint;
    private long objects;
    private long instances;
    private long shallowBytes;
    private long uncollectable;
    private boolean finalizers;
    private final Map<String, long[]> classes = new HashMap<>();
    private final Map<String, Long> sites = new HashMap<>();
    private final Map<ClosingKey, Long> closingWrites = new LinkedHashMap<>();
    /** The call path of the first instance each closing write closed. */
    private final Map<ClosingKey, Integer> closingPaths = new HashMap<>();
    private final Map<EdgeKey, Long> instancesBroken = new HashMap<>();
    private Cycle representative;

    GroupAccumulator(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    void addInstance(boolean foundUncollectable, int size) {
        instances++;
        if (foundUncollectable) {
            uncollectable += size;
        }
    }

    void addObject(String className, long bytes, String site, boolean hasFinalizer) {
        objects++;
        shallowBytes += bytes;
        long[] c = classes.computeIfAbsent(className, k -> new long[2]);
        c[0]++;
        c[1] += bytes;
        sites.merge(site == null ? "" : site, 1L, Long::sum);
        finalizers |= hasFinalizer;
    }

    void addClosingWrite(String kind, String site, int path) {
        ClosingKey key = new ClosingKey(kind, site);
        closingWrites.merge(key, 1L, Long::sum);
        closingPaths.putIfAbsent(key, path);
    }

    void addBreakingEdges(List<EdgeKey> edges) {
        edges.forEach(e -> instancesBroken.merge(e, 1L, Long::sum));
    }

    boolean hasRepresentative() {
        return representative != null;
    }

    void setRepresentative(Cycle cycle) {
        representative = cycle;
    }

    LeakGroup toLeakGroup(CallStacks stacks) {
        List<ClassCount> classCounts = new ArrayList<>();
        classes.forEach((name, c) -> classCounts.add(new ClassCount(name, c[0], c[1])));
        classCounts.sort(Comparator.comparingLong(ClassCount::count).reversed().thenComparing(ClassCount::name));
        List<SiteCount> siteCounts = new ArrayList<>();
        sites.forEach((site, n) -> siteCounts.add(new SiteCount(site.isEmpty() ? null : site, n)));
        siteCounts.sort(Comparator.comparingLong(SiteCount::count).reversed()
                .thenComparing(s -> s.site() == null ? "\uffff" : s.site()));
        return new LeakGroup(fingerprint, objects, instances, shallowBytes, uncollectable, finalizers, classCounts,
                representative.length(), cycleEdges(representative), siteCounts, closingWrite(stacks),
                WeakEdgeChoice.choose(instancesBroken, instances, representative));
    }

    /** The most frequent closing write; the first seen among equals. */
    private ClosingWrite closingWrite(CallStacks stacks) {
        Map.Entry<ClosingKey, Long> best = null;
        for (Map.Entry<ClosingKey, Long> e : closingWrites.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {
                best = e;
            }
        }
        ClosingKey k = best.getKey();
        CallStacks.CallStack stack = stacks.of(k.site(), closingPaths.get(k));
        return new ClosingWrite(k.kind(), k.site(), stack.frames(), stack.omittedFrames(), best.getValue());
    }

    /** The cycle's edges, at most {@link LeakGroup#MAX_CYCLE_EDGES}: the first ones and the back-edge. */
    static List<CycleEdge> cycleEdges(Cycle cycle) {
        List<EdgeKey> edges = cycle.edges();
        List<CycleEdge> out = new ArrayList<>();
        int n = edges.size();
        for (int i = 0; i < n; i++) {
            if (i >= LeakGroup.MAX_CYCLE_EDGES - 1 && i < n - 1) {
                continue;
            }
            EdgeKey k = edges.get(i);
            out.add(new CycleEdge(k.from(), k.field(), k.to(), i == n - 1));
        }
        return out;
    }
}
