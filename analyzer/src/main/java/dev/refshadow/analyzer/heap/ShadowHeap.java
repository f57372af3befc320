package dev.refshadow.analyzer.heap;

import static dev.refshadow.analyzer.heap.ObjectTable.COLLECTING;
import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.LIVE;
import static dev.refshadow.analyzer.heap.ObjectTable.TRACKED;
import static dev.refshadow.analyzer.heap.ObjectTable.WEAKLY_REFERENCED;
import static dev.refshadow.analyzer.heap.ObjectTable.WEAK_REFERENCE;

import java.util.Arrays;

/**
 * Reference counting over the {@link ObjectTable}: counts, labelled edges and release by
 * refcount.
 *
 * <p>A decrement that reaches zero only records the object in the zero-count table;
 * {@link #releaseZeroCounts()} frees what is still at zero, iteratively: freeing an object
 * releases its outgoing edges, which may push more objects, so a chain of ten million objects
 * is released with a work stack, never by recursion.
 */
public final class ShadowHeap {
    /** Label of every array slot: fingerprints normalise indices to {@code [*]}. */
    public static final String ARRAY_SLOT_NAME = "[*]";

    public final ObjectTable table;
    public final GcList lists;
    public final ClassTable classes = new ClassTable();
    public final NameTable labels = new NameTable();
    public final NameTable sites = new NameTable();
    public final Anomalies anomalies = new Anomalies();
    public final WeakReferences weakReferences = new WeakReferences();
    public final CallPaths callPaths = new CallPaths();
    public final int arraySlotLabel = labels.intern(ARRAY_SLOT_NAME);

    private final FreeHook freeHook;
    private FreeHook freeListener = id -> { };
    private int[] zeroCounts = new int[256];
    private int zeroCountTop;
    private boolean deferRelease;
    private boolean graceForNegatives;
    private int tracedClass;
    private java.util.function.Consumer<String> trace = line -> { };
    private int[] negatives = new int[64];
    private int negativeTop;
    private long freedByRefcount;
    private long freedAsGarbage;
    /** Sequence number of the event being applied, its source site (0: unknown) and call path. */
    private long eventSeq;
    private int eventSite;
    private int eventPath;
    private byte eventKind;

    /** Told of a freed object (the generation counts want containers, the agent every object). */
    public interface FreeHook {
        void containerFreed(int id);
    }

    /** Told of every object freed, just before its id is recycled (the agent forgets the object). */
    public void setFreeListener(FreeHook listener) {
        this.freeListener = listener;
    }

    public ShadowHeap(int initialCapacity, FreeHook freeHook) {
        this.table = new ObjectTable(initialCapacity);
        this.lists = new GcList(table);
        this.freeHook = freeHook;
    }

    /** Marks the start of a new event outside any call path (the collector's own). */
    public void beginEvent(int site, WriteKind kind) {
        beginEvent(site, 0, kind);
    }

    /**
     * Marks the start of a new event; decrements it causes remember {@code site} and the
     * {@link CallPaths} node {@code path} of the thread that made it.
     */
    public void beginEvent(int site, int path, WriteKind kind) {
        eventSeq++;
        eventSite = site;
        eventPath = path;
        eventKind = kind.code();
    }

    /** Creates an object of {@code classId} with a count of 0 (the caller adds the first reference). */
    public int newObject(int classId, int site, int extraFlags) {
        return table.newObject(classes.flags(classId) | extraFlags, classId, site);
    }

    public void incRef(int id) {
        if (id != 0) {
            table.rc[id]++;
            if (tracedClass != 0 && table.classId[id] == tracedClass) {
                trace.accept("+1 #" + id + " -> " + table.rc[id] + " at " + sites.name(eventSite) + " (" + WriteKind.of(eventKind).reportName + ")");
            }
        }
    }

    /**
     * For developing the agent: every count change of objects of class {@code className} is
     * described to {@code out} (the agent's {@code -Drefshadow.trace=CLASS}).
     */
    public void traceClass(String className, java.util.function.Consumer<String> out) {
        this.tracedClass = classes.intern(className);
        this.trace = out;
    }

    public void decRef(int id) {
        if (id == 0) {
            return;
        }
        ObjectTable t = table;
        if ((t.flags[id] & LIVE) == 0) {
            // A reference to an object already freed: it was never counted.
            anomalies.record(Anomalies.Kind.FREED_OBJECT_SEEN, "a reference to a freed " + classes.name(t.classId[id])
                    + " released at " + sites.name(eventSite) + " (" + WriteKind.of(eventKind).reportName + ")");
            return;
        }
        t.lastDecrementSite[id] = eventSite;
        t.lastDecrementSeq[id] = eventSeq;
        t.lastDecrementKind[id] = eventKind;
        t.lastDecrementPath[id] = eventPath;
        dropInternalRef(id);
        if (tracedClass != 0 && t.classId[id] == tracedClass) {
            trace.accept("-1 #" + id + " -> " + t.rc[id] + " at " + sites.name(eventSite) + " (" + WriteKind.of(eventKind).reportName + ")");
        }
    }

    /**
     * Drops a reference the analyzer itself held for a moment (the collector's
     * {@code Py_INCREF}/{@code Py_DECREF} pairs): unlike {@link #decRef}, it is no program event.
     */
    public void dropInternalRef(int id) {
        if (--table.rc[id] <= 0) {
            pushZero(id);
        }
    }

    /** Adds {@code delta} copies of edge holder --label--> target (no count change). */
    public void addEdge(int holder, int target, int label, int delta) {
        if (target != 0) {
            table.edges[holder] = EdgeSet.add(table.edges[holder], target, label, delta);
        }
    }

    /** A reference store into a holder's field or slot: the new value is counted before the old is released. */
    public void store(int holder, int label, int oldValue, int newValue) {
        if (!isLiveOrNull(holder) || !isLiveOrNull(oldValue) || !isLiveOrNull(newValue)) {
            return;
        }
        if (oldValue == newValue) {
            return;
        }
        addEdge(holder, newValue, label, 1);
        incRef(newValue);
        addEdge(holder, oldValue, label, -1);
        decRef(oldValue);
    }

    /** A store into a root (static field, pinned slot): counts only, no edge. */
    public void storeRoot(int oldValue, int newValue) {
        if (!isLiveOrNull(oldValue) || !isLiveOrNull(newValue)) {
            return;
        }
        incRef(newValue);
        decRef(oldValue);
    }

    /** {@code weakRef} now refers (weakly, uncounted) to {@code referent}, 0 to clear it. */
    public void setWeakReferent(int weakRef, int referent) {
        if (!isLiveOrNull(weakRef) || weakRef == 0 || !isLiveOrNull(referent)) {
            return;
        }
        weakReferences.register(weakRef, referent);
        table.flags[weakRef] |= WEAK_REFERENCE;
        if (referent != 0) {
            table.flags[referent] |= WEAKLY_REFERENCED;
        }
    }

    /** Clears the weak references to a garbage object (CPython's handle_weakrefs); returns how many. */
    public int clearWeakReferencesTo(int referent) {
        if ((table.flags[referent] & WEAKLY_REFERENCED) == 0) {
            return 0;
        }
        table.flags[referent] &= ~WEAKLY_REFERENCED;
        return weakReferences.clearAllTo(referent);
    }

    /** The class of {@code id} and the site of the event being applied, for anomaly reports. */
    public String describe(int id) {
        String type = table.isLive(id) ? classes.name(table.classId[id]) : "a freed object";
        return type + " at " + sites.name(eventSite);
    }

    /** True for null and live ids; records an anomaly for anything else. */
    public boolean isLiveOrNull(int id) {
        if (id == 0 || table.isLive(id)) {
            return true;
        }
        anomalies.record(Anomalies.Kind.FREED_OBJECT_SEEN);
        return false;
    }

    /**
     * While true, objects whose count reaches zero wait in the zero-count table until
     * {@link #flushZeroCounts()}: when several threads' events are applied in one round, an
     * increment from one thread may arrive after the decrement of another, and an object must not
     * be freed in between.
     */
    public void setDeferRelease(boolean defer) {
        this.deferRelease = defer;
    }

    /** Frees every object whose count is (still) zero, unless release is deferred. */
    public void releaseZeroCounts() {
        if (!deferRelease) {
            flushZeroCounts();
        }
    }

    /** Frees every object whose count is (still) zero, and what that releases in turn. */
    public void flushZeroCounts() {
        ObjectTable t = table;
        int watched = negativeTop;
        negativeTop = 0;
        for (int k = 0; k < watched; k++) {
            int id = negatives[k];
            if ((t.flags[id] & LIVE) != 0 && t.rc[id] < 0) {
                reportNegative(id);
            }
            pushZero(id);
        }
        while (zeroCountTop > 0) {
            int id = zeroCounts[--zeroCountTop];
            if ((t.flags[id] & LIVE) == 0 || t.rc[id] > 0) {
                continue;
            }
            if (t.rc[id] < 0) {
                if (graceForNegatives) {
                    watchNegative(id); // its increment may come from another thread in the next round
                    continue;
                }
                reportNegative(id);
            }
            free(id);
        }
    }

    /**
     * With several application threads, a decrement recorded by one thread can be applied a
     * round before the increment another thread recorded earlier: a count below zero then gets
     * one more round before it is an anomaly.
     */
    public void setGraceForNegatives(boolean grace) {
        this.graceForNegatives = grace;
    }

    /** Counts below zero still waiting for their grace round become anomalies now (at exit). */
    public void settleNegativeCounts() {
        boolean grace = graceForNegatives;
        graceForNegatives = false;
        flushZeroCounts();
        flushZeroCounts();
        graceForNegatives = grace;
    }

    private void reportNegative(int id) {
        ObjectTable t = table;
        anomalies.record(Anomalies.Kind.NEGATIVE_REFCOUNT, classes.name(t.classId[id]) + " at "
                + sites.name(t.lastDecrementSite[id]) + " (" + WriteKind.of(t.lastDecrementKind[id]).reportName + ")");
        t.rc[id] = 0;
    }

    private void watchNegative(int id) {
        if (negativeTop == negatives.length) {
            negatives = Arrays.copyOf(negatives, negativeTop * 2);
        }
        negatives[negativeTop++] = id;
    }

    private void pushZero(int id) {
        if (zeroCountTop == zeroCounts.length) {
            zeroCounts = Arrays.copyOf(zeroCounts, zeroCountTop * 2);
        }
        zeroCounts[zeroCountTop++] = id;
    }

    /** Releases the outgoing references of {@code id} and recycles it. */
    private void free(int id) {
        ObjectTable t = table;
        clearEdges(id);
        int f = t.flags[id];
        if ((f & TRACKED) != 0) {
            lists.remove(id);
        }
        if ((f & WEAKLY_REFERENCED) != 0) {
            weakReferences.clearAllTo(id);
        }
        if ((f & WEAK_REFERENCE) != 0) {
            weakReferences.unregister(id);
        }
        freeListener.containerFreed(id);
        t.recycle(id);
        // Members of the garbage being deleted are counted by the collector, not here.
        if ((f & COLLECTING) != 0) {
            freedAsGarbage++;
        } else {
            freedByRefcount++;
        }
        if ((f & CONTAINER) != 0) {
            freeHook.containerFreed(id);
        }
    }

    /**
     * Drops every outgoing reference of {@code id} (CPython's {@code tp_clear}); targets whose
     * count reaches zero go to the zero-count table.
     */
    public void clearEdges(int id) {
        int[] block = table.edges[id];
        if (block == null) {
            return;
        }
        table.edges[id] = null;
        for (int i = 1; i < block.length; i += EdgeSet.ENTRY) {
            int target = block[i];
            if (target == 0) {
                continue;
            }
            int count = block[i + EdgeSet.COUNT];
            if (count == 1) {
                decRef(target);
            } else {
                table.rc[target] -= count - 1;
                decRef(target);
            }
        }
    }

    public long freedByRefcount() {
        return freedByRefcount;
    }

    /** Objects freed while being deleted as cyclic garbage. */
    public long freedAsGarbage() {
        return freedAsGarbage;
    }

    public long eventSeq() {
        return eventSeq;
    }
}
