package dev.refshadow.report;

import java.util.Comparator;
import java.util.List;

/**
 * Cyclic garbage of one shape: every garbage component (weakly connected set of garbage objects)
 * whose fingerprint is {@link #fingerprint}.
 *
 * @param objects garbage objects in all instances
 * @param instances garbage components of this shape
 * @param shallowBytes sum of the objects' shallow sizes
 * @param uncollectable objects of the group that CPython's rules leave uncollectable (legacy finalizers)
 * @param finalizers true when some member's class overrides {@code finalize()}
 * @param classes objects per class, most first
 * @param cycleLength edges in the representative cycle; {@link #edges} holds at most
 *        {@link #MAX_CYCLE_EDGES} of them: the first ones and the back-edge
 * @param edges one representative cycle, from the object the closing write released, back to it
 * @param allocationSites objects per allocation site, most first
 * @param closingWrite the write that closed most instances
 * @param suggestedWeakEdge the edge to make weak, or null when the group holds no cycle of its own
 */
public record LeakGroup(String fingerprint, long objects, long instances, long shallowBytes, long uncollectable,
                        boolean finalizers, List<ClassCount> classes, int cycleLength, List<CycleEdge> edges,
                        List<SiteCount> allocationSites, ClosingWrite closingWrite,
                        WeakEdgeSuggestion suggestedWeakEdge) {
    public static final int MAX_CYCLE_EDGES = 64;
    /** The longest {@link ClosingWrite#stack}: the write's site and the innermost frames. */
    public static final int MAX_STACK_FRAMES = 32;

    /** The order of a report's groups: most objects first, then most bytes, then by fingerprint. */
    public static final Comparator<LeakGroup> LARGEST_FIRST = Comparator.comparingLong(LeakGroup::objects).reversed()
            .thenComparing(Comparator.comparingLong(LeakGroup::shallowBytes).reversed())
            .thenComparing(LeakGroup::fingerprint);

    /** Objects in all of {@code groups}. */
    public static long objectsIn(List<LeakGroup> groups) {
        return groups.stream().mapToLong(LeakGroup::objects).sum();
    }

    /** Shallow bytes of all of {@code groups}. */
    public static long bytesIn(List<LeakGroup> groups) {
        return groups.stream().mapToLong(LeakGroup::shallowBytes).sum();
    }

    public LeakGroup {
        classes = List.copyOf(classes);
        edges = List.copyOf(edges);
        allocationSites = List.copyOf(allocationSites);
    }

    /** Objects of one class in the group. */
    public record ClassCount(String name, long count, long shallowBytes) {
    }

    /** Objects allocated at one site; {@code site} is null when unknown. */
    public record SiteCount(String site, long count) {
    }

    /** {@code from.field -> to}, class names; {@code backEdge} marks the edge that closes the cycle. */
    public record CycleEdge(String from, String field, String to, boolean backEdge) {
    }

    /**
     * The event that removed the last external reference to an instance.
     *
     * @param kind a {@link dev.refshadow.analyzer.heap.WriteKind} report name
     * @param site source location, null when unknown
     * @param stack the call stack of the first instance closed there, innermost first: the site, then
     *        the methods of the calling frames (without line numbers), at most {@link #MAX_STACK_FRAMES}
     * @param omittedFrames outer frames left out of {@code stack}
     * @param instances how many instances of the group this write closed
     */
    public record ClosingWrite(String kind, String site, List<String> stack, long omittedFrames, long instances) {
        public ClosingWrite {
            stack = List.copyOf(stack);
        }
    }

    /** The field to make weak, and why; {@code instancesBroken} instances lose all their cycles without it. */
    public record WeakEdgeSuggestion(String from, String field, String to, String reason, long instancesBroken) {
    }
}
