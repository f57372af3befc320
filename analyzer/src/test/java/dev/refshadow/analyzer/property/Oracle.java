package dev.refshadow.analyzer.property;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brute-force model of the shadow heap and of what CPython's collector must find in it, built
 * from plain collections and sharing no code with the analyzer.
 *
 * <p>Objects are numbered 0, 1, 2, … in allocation order; {@link #NULL} stands for null. Each has
 * labelled outgoing edges (a multiset) and a number of external references (statics, pins,
 * locals). Reference counts are never stored: they are recomputed from the edges of live objects
 * and the external references whenever they are needed.
 *
 * <p>Precondition, as the agent guarantees with operand-stack temporaries: every object gets a
 * reference when it is created. So a live object whose count is 0 has lost its last reference,
 * and refcounting frees it.
 */
final class Oracle {
    static final int NULL = -1;
    /** The generation of an object the collector does not track. */
    static final int UNTRACKED = -1;
    static final int OLDEST_GENERATION = 2;

    /**
     * What a collection did: the cyclic garbage it found, how many tracked objects of the collected
     * generations survived (and moved on), and every object freed: the garbage and whatever
     * refcounting freed after it.
     */
    record Outcome(int generation, List<Integer> garbage, int survivors, List<Integer> freed) {
        int found() {
            return garbage.size();
        }
    }

    private static final class ModelObject {
        final boolean container;
        int generation;
        boolean live = true;
        int external;
        final Map<Edge, Integer> edges = new HashMap<>();

        ModelObject(boolean container) {
            this.container = container;
            this.generation = container ? 0 : UNTRACKED;
        }
    }

    private final List<ModelObject> objects = new ArrayList<>();
    /** False while no reference was dropped since the last release: nothing can be at 0. */
    private boolean mayHaveZeroCounts;

    // ------------------------------------------------------------------ mutations

    /** A new object with no references to it yet; a container starts in generation 0. */
    int allocate(boolean container) {
        objects.add(new ModelObject(container));
        return objects.size() - 1;
    }

    /** {@code holder.field = newValue}, replacing {@code oldValue}: edge multiplicities are signed sums. */
    void store(int holder, String field, int oldValue, int newValue) {
        addEdge(holder, new Edge(newValue, field), 1);
        addEdge(holder, new Edge(oldValue, field), -1);
    }

    private void addEdge(int holder, Edge edge, int delta) {
        if (edge.target() != NULL) {
            mayHaveZeroCounts |= delta < 0;
            object(holder).edges.merge(edge, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    void addExternal(int index) {
        object(index).external++;
    }

    void removeExternal(int index) {
        object(index).external--;
        mayHaveZeroCounts = true;
    }

    // ------------------------------------------------------------------ queries

    int size() {
        return objects.size();
    }

    boolean isLive(int index) {
        return object(index).live;
    }

    boolean isContainer(int index) {
        return object(index).container;
    }

    int generation(int index) {
        return object(index).generation;
    }

    Map<Edge, Integer> edges(int index) {
        return Collections.unmodifiableMap(object(index).edges);
    }

    int liveCount() {
        return (int) objects.stream().filter(o -> o.live).count();
    }

    int liveContainers() {
        return (int) objects.stream().filter(o -> o.live && o.container).count();
    }

    /** Every object's reference count: its external references plus the edges of live objects to it. */
    int[] refCounts() {
        int[] rc = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            ModelObject o = objects.get(i);
            if (!o.live) {
                continue;
            }
            rc[i] += o.external;
            for (Map.Entry<Edge, Integer> e : o.edges.entrySet()) {
                rc[e.getKey().target()] += e.getValue();
            }
        }
        return rc;
    }

    // ------------------------------------------------------------------ the oracle

    /**
     * Refcounting alone: frees every live object whose count is 0, releases what it held, and so
     * on until nothing more reaches 0. Returns the objects freed.
     */
    List<Integer> releaseByRefcount() {
        if (!mayHaveZeroCounts) {
            return List.of();
        }
        mayHaveZeroCounts = false;
        int[] rc = refCounts();
        Deque<Integer> zero = new ArrayDeque<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).live && rc[i] == 0) {
                zero.push(i);
            }
        }
        List<Integer> freed = new ArrayList<>();
        while (!zero.isEmpty()) {
            int i = zero.pop();
            ModelObject o = objects.get(i);
            if (!o.live) {
                continue;
            }
            o.live = false;
            freed.add(i);
            for (Map.Entry<Edge, Integer> e : o.edges.entrySet()) {
                int target = e.getKey().target();
                rc[target] -= e.getValue();
                if (rc[target] == 0) {
                    zero.push(target);
                }
            }
            o.edges.clear();
        }
        return freed;
    }

    /**
     * The cyclic garbage a collection of {@code generation} must find: the live tracked objects of
     * generations 0..{@code generation} that are not reachable from outside them. Outside means
     * external references, untracked objects (their references are never subtracted, whether or
     * not they are garbage themselves) and tracked objects of older generations.
     */
    List<Integer> cyclicGarbage(int generation) {
        BitSet reached = new BitSet(objects.size());
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < objects.size(); i++) {
            ModelObject o = objects.get(i);
            if (o.live && (o.external > 0 || !isCollected(o, generation))) {
                reached.set(i);
                work.push(i);
            }
        }
        while (!work.isEmpty()) {
            for (Edge e : objects.get(work.pop()).edges.keySet()) {
                if (!reached.get(e.target())) {
                    reached.set(e.target());
                    work.push(e.target());
                }
            }
        }
        List<Integer> garbage = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).live && !reached.get(i)) {
                garbage.add(i);
            }
        }
        return garbage;
    }

    private static boolean isCollected(ModelObject o, int generation) {
        return o.container && o.generation <= generation;
    }

    /**
     * One collection of {@code generation}: the survivors of generations 0..{@code generation} move
     * to the next generation, the garbage loses its references (CPython's {@code tp_clear}), and
     * refcounting frees it together with whatever only it held, which is not counted as found.
     */
    Outcome collect(int generation) {
        List<Integer> freedBefore = releaseByRefcount();
        if (!freedBefore.isEmpty()) {
            throw new IllegalStateException("release by refcount first: " + freedBefore);
        }
        List<Integer> garbage = cyclicGarbage(generation);
        BitSet isGarbage = new BitSet(objects.size());
        garbage.forEach(isGarbage::set);
        int survivors = 0;
        for (int i = 0; i < objects.size(); i++) {
            ModelObject o = objects.get(i);
            if (o.live && isCollected(o, generation) && !isGarbage.get(i)) {
                o.generation = Math.min(generation + 1, OLDEST_GENERATION);
                survivors++;
            }
        }
        for (int i : garbage) {
            objects.get(i).edges.clear();
        }
        mayHaveZeroCounts = true;
        return new Outcome(generation, garbage, survivors, releaseByRefcount());
    }

    private ModelObject object(int index) {
        return objects.get(index);
    }
}
