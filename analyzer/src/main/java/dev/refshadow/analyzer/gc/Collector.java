package dev.refshadow.analyzer.gc;

import static dev.refshadow.analyzer.gc.GcState.DEBUG_COLLECTABLE;
import static dev.refshadow.analyzer.gc.GcState.DEBUG_SAVEALL;
import static dev.refshadow.analyzer.gc.GcState.DEBUG_STATS;
import static dev.refshadow.analyzer.gc.GcState.DEBUG_UNCOLLECTABLE;
import static dev.refshadow.analyzer.gc.GcState.NUM_GENERATIONS;
import static dev.refshadow.analyzer.heap.GcList.FINALIZERS;
import static dev.refshadow.analyzer.heap.GcList.PERMANENT;
import static dev.refshadow.analyzer.heap.GcList.SEEN;
import static dev.refshadow.analyzer.heap.GcList.STILL_UNREACHABLE;
import static dev.refshadow.analyzer.heap.GcList.UNREACHABLE;
import static dev.refshadow.analyzer.heap.GcList.generationHead;
import static dev.refshadow.analyzer.heap.ObjectTable.COLLECTING;
import static dev.refshadow.analyzer.heap.ObjectTable.FINALIZED;
import static dev.refshadow.analyzer.heap.ObjectTable.HAS_FINALIZER;
import static dev.refshadow.analyzer.heap.ObjectTable.LEGACY_FINALIZER;
import static dev.refshadow.analyzer.heap.ObjectTable.TRACKED;

import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.heap.GcList;
import dev.refshadow.analyzer.heap.ObjectTable;
import dev.refshadow.analyzer.heap.ShadowHeap;
import dev.refshadow.analyzer.heap.WriteKind;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * CPython's generational cycle collector ({@code Modules/gcmodule.c}, 3.11/3.12), phase by phase
 * and under the same names, over the shadow heap.
 *
 * <p>Where CPython packs {@code gc_refs} and the COLLECTING / UNREACHABLE bits into the
 * {@code PyGC_Head} pointers, this port keeps them in {@link ObjectTable#gcRefs} and
 * {@link ObjectTable#flags}; the lists stay properly doubly linked throughout, and every list
 * keeps CPython's order, so the order of {@code gc.garbage} and of deletion is CPython's.
 */
public final class Collector {
    private final ShadowHeap heap;
    private final ObjectTable t;
    private final GcList lists;
    private final GcState gc;
    private FinalizerHook finalizerHook = FinalizerHook.NONE;
    private GarbageSink garbageSink = GarbageSink.NONE;
    private Consumer<String> debugOut = System.err::println;
    private long weakReferencesCleared;

    public Collector(ShadowHeap heap, GcState gc) {
        this.heap = heap;
        this.t = heap.table;
        this.lists = heap.lists;
        this.gc = gc;
    }

    public void setFinalizerHook(FinalizerHook hook) {
        this.finalizerHook = hook;
    }

    public void setGarbageSink(GarbageSink sink) {
        this.garbageSink = sink;
    }

    public void setDebugOutput(Consumer<String> out) {
        this.debugOut = out;
    }

    /**
     * The automatic collection ({@code gc_collect_generations}): the oldest generation whose
     * count exceeds its threshold, except that generation 2 waits until the objects promoted into
     * it since its last collection reach 25 % of its size then.
     */
    public long collectGenerations() {
        for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
            if (gc.count[i] > gc.threshold[i]) {
                if (i == NUM_GENERATIONS - 1 && gc.longLivedPending < gc.longLivedTotal / 4) {
                    continue;
                }
                return collectWithCallback(i);
            }
        }
        return 0;
    }

    /** {@code gc.collect(generation)}: ignores thresholds; 0 when a collection is already running. */
    public long collect(int generation) {
        if (generation < 0 || generation >= NUM_GENERATIONS) {
            throw new IllegalArgumentException("invalid generation " + generation + ": must be 0, 1 or 2");
        }
        if (gc.collecting) {
            return 0;
        }
        gc.collecting = true;
        try {
            return collectWithCallback(generation);
        } finally {
            gc.collecting = false;
        }
    }

    /** Runs the automatic collection with the {@code collecting} guard, as an allocation does. */
    public long collectAutomatically() {
        gc.collecting = true;
        try {
            return collectGenerations();
        } finally {
            gc.collecting = false;
        }
    }

    private long collected;
    private long uncollectable;

    private long collectWithCallback(int generation) {
        invokeCallbacks("start", generation, 0, 0);
        long result = collectMain(generation);
        invokeCallbacks("stop", generation, collected, uncollectable);
        return result;
    }

    private void invokeCallbacks(String phase, int generation, long collectedCount, long uncollectableCount) {
        if (gc.callbacks.isEmpty()) {
            return;
        }
        CollectionInfo info = new CollectionInfo(generation, collectedCount, uncollectableCount);
        for (int i = 0; i < gc.callbacks.size(); i++) {
            gc.callbacks.get(i).call(phase, info);
        }
    }

    /** {@code gc_collect_main}: one collection of {@code generation} and the younger ones. */
    private long collectMain(int generation) {
        long m = 0; // objects collected
        long n = 0; // objects uncollectable
        long start = (gc.debug & DEBUG_STATS) != 0 ? System.nanoTime() : 0;
        if ((gc.debug & DEBUG_STATS) != 0) {
            debugOut.accept("gc: collecting generation " + generation + "...");
            showStats();
        }

        // Update collection and allocation counters.
        if (generation + 1 < NUM_GENERATIONS) {
            gc.count[generation + 1]++;
        }
        for (int i = 0; i <= generation; i++) {
            gc.count[i] = 0;
        }

        // Merge younger generations with the one we are currently collecting.
        for (int i = 0; i < generation; i++) {
            lists.merge(generationHead(i), generationHead(generation));
        }
        int young = generationHead(generation);
        int old = generation < NUM_GENERATIONS - 1 ? generationHead(generation + 1) : young;

        int survivors = deduceUnreachable(young, UNREACHABLE);

        // Move reachable objects to the next generation.
        if (young != old) {
            if (generation == NUM_GENERATIONS - 2) {
                gc.longLivedPending += survivors;
            }
            lists.merge(young, old);
        } else {
            gc.longLivedPending = 0;
            gc.longLivedTotal = survivors;
        }

        // Objects reachable from legacy finalizers cannot safely be deleted.
        lists.init(FINALIZERS);
        moveLegacyFinalizers(UNREACHABLE, FINALIZERS);
        moveLegacyFinalizerReachable(FINALIZERS);

        if ((gc.debug & DEBUG_COLLECTABLE) != 0) {
            for (int id = lists.first(UNREACHABLE); id != UNREACHABLE; id = t.next[id]) {
                debugCycle("collectable", id);
            }
        }

        m += handleWeakrefs(UNREACHABLE, old);
        finalizeGarbage(UNREACHABLE);
        handleResurrectedObjects(UNREACHABLE, STILL_UNREACHABLE, old);

        m += lists.size(STILL_UNREACHABLE);
        if (!lists.isEmpty(STILL_UNREACHABLE)) {
            garbageSink.found(GarbageSnapshot.of(heap, STILL_UNREACHABLE, generation, false));
        }
        deleteGarbage(STILL_UNREACHABLE, old);

        for (int id = lists.first(FINALIZERS); id != FINALIZERS; id = t.next[id]) {
            n++;
            if ((gc.debug & DEBUG_UNCOLLECTABLE) != 0) {
                debugCycle("uncollectable", id);
            }
        }
        if (n > 0) {
            garbageSink.found(GarbageSnapshot.of(heap, FINALIZERS, generation, true));
        }
        if ((gc.debug & DEBUG_STATS) != 0) {
            double seconds = (System.nanoTime() - start) / 1e9;
            debugOut.accept(String.format(Locale.ROOT, "gc: done, %d unreachable, %d uncollectable, %.4fs elapsed",
                    n + m, n, seconds));
        }
        handleLegacyFinalizers(FINALIZERS, old);

        gc.collections[generation]++;
        gc.collected[generation] += m;
        gc.uncollectable[generation] += n;
        collected = m;
        uncollectable = n;
        return n + m;
    }

    /**
     * {@code update_refs}, {@code subtract_refs}, {@code move_unreachable}; returns the number of
     * objects left in {@code base} (CPython's {@code gc_list_size(young)} afterwards).
     */
    private int deduceUnreachable(int base, int unreachable) {
        int n = updateRefs(base);
        subtractRefs(n);
        lists.init(unreachable);
        return moveUnreachable(base, unreachable, n);
    }

    /**
     * The objects of the list being collected, in list order, as {@link #updateRefs} found them:
     * the later phases walk this array instead of the links, which the processor can prefetch.
     * Kept between collections, so that a collection allocates nothing once it has grown.
     */
    private int[] order = new int[1024];

    /**
     * {@code gc_refs = refcount} for every object of the list, which is marked COLLECTING; the
     * objects are recorded in {@link #order}. Returns their number.
     */
    private int updateRefs(int containers) {
        int[] next = t.next;
        int[] rc = t.rc;
        int[] gcRefs = t.gcRefs;
        int[] flags = t.flags;
        int[] ids = order;
        int n = 0;
        int id = next[containers];
        while (id != containers) {
            // Objects allocated one after the other usually follow each other in the list. While
            // the link says so, the next object is id + 1: a predicted comparison instead of
            // waiting for each link, so the walk runs at the speed of a loop over an array.
            while (true) {
                if (n == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, n + (n >> 1));
                    order = ids;
                }
                ids[n++] = id;
                // An unsettled object may still get another thread's increment: referenced from outside.
                gcRefs[id] = heap.isUnsettled(id) ? rc[id] + 1 : rc[id];
                flags[id] |= COLLECTING;
                if (next[id] != id + 1) {
                    break;
                }
                id++;
            }
            id = next[id];
        }
        return n;
    }

    /**
     * Subtracts every reference coming from an object of the list (the first {@code n} of
     * {@link #order}) to a COLLECTING object. What is left in {@code gc_refs} counts references
     * from outside: statics, frames, untracked holders, older generations, frozen objects.
     *
     * <p>Unlike CPython, the subtraction is made whatever the target: {@code gc_refs} is read
     * only for COLLECTING objects, and {@link #updateRefs} sets it for each of them before this
     * phase, so what lands on the others is never seen (an empty entry, target 0 and count 0,
     * changes nothing). This spares reading the flags of every target.
     */
    private void subtractRefs(int n) {
        int[] ids = order;
        if (onlyTarget.length < n) {
            onlyTarget = new int[ids.length];
        }
        int[] only = onlyTarget;
        int[] gcRefs = t.gcRefs;
        int[][] edges = t.edges;
        for (int k = 0; k < n; k++) {
            int[] block = edges[ids[k]];
            if (block == null) {
                only[k] = 0;
                continue;
            }
            int end = EdgeSet.end(block);
            for (int e = 1; e < end; e += EdgeSet.ENTRY) {
                gcRefs[block[e]] -= block[e + EdgeSet.COUNT];
            }
            only[k] = end == 1 ? 0 : end == 1 + EdgeSet.ENTRY ? block[1] : -1;
        }
    }

    /**
     * What {@link #subtractRefs} saw of the edges of {@code order[k]}, so that
     * {@link #moveUnreachable} need not read the block again in the common cases: 0 when it has
     * none, the target when it has exactly one entry (a linear block is packed), -1 otherwise.
     */
    private int[] onlyTarget = new int[1024];

    /**
     * One left-to-right pass over {@code young}. An object with {@code gc_refs > 0} is reachable:
     * its referents are visited (CPython's {@code visit_reachable}) and it leaves the COLLECTING
     * state. An object with {@code gc_refs == 0} is moved, tentatively, to {@code unreachable}: a
     * later reachable object may still reach it, and then moves it back to the end of
     * {@code young}, where this same pass will get to it again.
     *
     * <p>The pass takes the {@code n} objects {@link #updateRefs} found from {@link #order}
     * (none of them moves before the pass reaches it: only objects behind the pass are moved),
     * then follows the links over the objects moved back to the tail. Returns the number of
     * objects left in {@code young}: each of them went through the reachable branch once.
     */
    private int moveUnreachable(int young, int unreachable, int n) {
        int[] ids = order;
        int[] next = t.next;
        int[] prev = t.prev;
        int[] gcRefs = t.gcRefs;
        int[] flags = t.flags;
        int[][] edges = t.edges;
        int survivors = 0;
        int previous = young;
        int k = 0;
        int[] only = onlyTarget;
        int id = n > 0 ? ids[0] : next[young];
        while (id != young) {
            if (gcRefs[id] != 0) {
                // Its referents, in the block's order. Only a COLLECTING referent with
                // gc_refs == 0 needs anything (one flagged UNREACHABLE has 0), and gc_refs is the
                // cheaper test: most referents are already known to be reachable. Objects moved
                // back to the tail (k >= n) read their block.
                int one = k < n ? only[k] : -1;
                if (one > 0 && gcRefs[one] == 0) {
                    visitReachable(one, young);
                }
                int[] block = one < 0 ? edges[id] : null;
                if (block != null) {
                    int end = EdgeSet.end(block);
                    for (int e = 1; e < end; e += EdgeSet.ENTRY) {
                        int target = block[e];
                        if (gcRefs[target] == 0 && target != 0) {
                            visitReachable(target, young);
                        }
                    }
                }
                flags[id] &= ~COLLECTING;
                previous = id;
                survivors++;
            } else {
                // Unlink from young and append to unreachable, flagged UNREACHABLE.
                int following = next[id];
                next[previous] = following;
                prev[following] = previous;
                int last = prev[unreachable];
                next[last] = id;
                prev[id] = last;
                next[id] = unreachable;
                prev[unreachable] = id;
                flags[id] |= ObjectTable.UNREACHABLE;
            }
            id = ++k < n ? ids[k] : next[previous];
        }
        return survivors;
    }

    /**
     * {@code visit_reachable} of a referent of a reachable object whose {@code gc_refs} is 0 (the
     * others need nothing): if it is COLLECTING, it is reachable. Flagged UNREACHABLE, it had
     * {@code gc_refs == 0} when move_unreachable got to it: back to the end of young, where
     * move_unreachable will traverse it. Otherwise the scan has not reached it yet.
     */
    private void visitReachable(int target, int young) {
        int f = t.flags[target];
        if ((f & COLLECTING) != 0) {
            if ((f & ObjectTable.UNREACHABLE) != 0) {
                t.flags[target] = f & ~ObjectTable.UNREACHABLE;
                lists.move(target, young);
            }
            t.gcRefs[target] = 1;
        }
    }

    /**
     * Clears the UNREACHABLE marks and moves objects with a legacy finalizer to
     * {@code finalizers}: CPython never deletes those (they become uncollectable).
     */
    private void moveLegacyFinalizers(int unreachable, int finalizers) {
        int[] flags = t.flags;
        int id = lists.first(unreachable);
        while (id != unreachable) {
            int following = t.next[id];
            flags[id] &= ~ObjectTable.UNREACHABLE;
            if ((flags[id] & LEGACY_FINALIZER) != 0) {
                flags[id] &= ~COLLECTING;
                lists.move(id, finalizers);
            }
            id = following;
        }
    }

    /** Everything a legacy finalizer reaches in the unreachable set is uncollectable too. */
    private void moveLegacyFinalizerReachable(int finalizers) {
        int[] flags = t.flags;
        for (int id = lists.first(finalizers); id != finalizers; id = t.next[id]) {
            int[] block = t.edges[id];
            if (block == null) {
                continue;
            }
            for (int e = 1; e < block.length; e += EdgeSet.ENTRY) {
                int target = block[e];
                if (target != 0 && (flags[target] & COLLECTING) != 0) {
                    lists.move(target, finalizers);
                    flags[target] &= ~COLLECTING;
                }
            }
        }
    }

    /**
     * Weak references to unreachable objects are cleared, so that no finalizer or later query
     * can reach the garbage through them. JVM references carry no callbacks that CPython would
     * run here, so no object is freed by this phase: it contributes 0 to the collected count.
     */
    private long handleWeakrefs(int unreachable, int old) {
        for (int id = lists.first(unreachable); id != unreachable; id = t.next[id]) {
            weakReferencesCleared += heap.clearWeakReferencesTo(id);
        }
        return 0;
    }

    /**
     * Runs each finalizer once ({@code tp_finalize}). A finalizer may free or resurrect objects,
     * so each object is first moved to a {@code seen} list, and only the head of the list is
     * ever looked at.
     */
    private void finalizeGarbage(int collectable) {
        lists.init(SEEN);
        int[] flags = t.flags;
        while (!lists.isEmpty(collectable)) {
            int id = lists.first(collectable);
            lists.move(id, SEEN);
            if ((flags[id] & (HAS_FINALIZER | FINALIZED)) == HAS_FINALIZER) {
                flags[id] |= FINALIZED;
                heap.incRef(id);
                finalizerHook.finalize(id);
                heap.dropInternalRef(id);
                heap.releaseZeroCounts();
            }
        }
        lists.merge(SEEN, collectable);
    }

    /**
     * After finalizers ran, the unreachable set is examined again: what a finalizer made
     * reachable from outside, and all it reaches, survives into {@code old}.
     */
    private void handleResurrectedObjects(int unreachable, int stillUnreachable, int old) {
        int[] flags = t.flags;
        for (int id = lists.first(unreachable); id != unreachable; id = t.next[id]) {
            flags[id] &= ~COLLECTING;
        }
        deduceUnreachable(unreachable, stillUnreachable);
        for (int id = lists.first(stillUnreachable); id != stillUnreachable; id = t.next[id]) {
            flags[id] &= ~ObjectTable.UNREACHABLE;
        }
        lists.merge(unreachable, old);
    }

    /**
     * Breaks the cycles: each object's references are cleared ({@code tp_clear}), which frees
     * the garbage by refcount, together with what only it held (not counted as collected).
     * With DEBUG_SAVEALL the objects go to {@code gc.garbage} instead, untracked, as in CPython.
     */
    private void deleteGarbage(int collectable, int old) {
        int[] flags = t.flags;
        while (!lists.isEmpty(collectable)) {
            int id = lists.first(collectable);
            if ((gc.debug & DEBUG_SAVEALL) != 0) {
                heap.incRef(id);
                gc.garbage.add(id);
                lists.remove(id);
                flags[id] &= ~(TRACKED | COLLECTING);
            } else {
                // What tp_clear releases is the collector's doing, not the program's last write.
                heap.beginEvent(0, WriteKind.COLLECTOR);
                heap.incRef(id);
                heap.clearEdges(id);
                heap.dropInternalRef(id);
                heap.releaseZeroCounts();
            }
            if (lists.first(collectable) == id) {
                // Still alive: something outside holds it now. It may die later.
                flags[id] &= ~COLLECTING;
                lists.move(id, old);
            }
        }
    }

    /** Uncollectable objects go to {@code gc.garbage} (legacy finalizers, or all with SAVEALL), then to {@code old}. */
    private void handleLegacyFinalizers(int finalizers, int old) {
        for (int id = lists.first(finalizers); id != finalizers; id = t.next[id]) {
            if ((gc.debug & DEBUG_SAVEALL) != 0 || (t.flags[id] & LEGACY_FINALIZER) != 0) {
                heap.incRef(id);
                gc.garbage.add(id);
            }
        }
        lists.merge(finalizers, old);
    }

    private void showStats() {
        StringBuilder line = new StringBuilder("gc: objects in each generation:");
        for (int g = 0; g < NUM_GENERATIONS; g++) {
            line.append(' ').append(lists.size(generationHead(g)));
        }
        debugOut.accept(line.toString());
        debugOut.accept("gc: objects in permanent generation: " + lists.size(PERMANENT));
    }

    private void debugCycle(String what, int id) {
        debugOut.accept("gc: " + what + " <" + heap.classes.name(t.classId[id]) + " #" + id + ">");
    }

    /** Weak references cleared because their referent was found to be garbage. */
    public long weakReferencesCleared() {
        return weakReferencesCleared;
    }
}
