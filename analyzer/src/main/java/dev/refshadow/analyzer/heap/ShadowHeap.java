package dev.refshadow.analyzer.heap;

import static dev.refshadow.analyzer.heap.ObjectTable.COLLECTING;
import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.LIVE;
import static dev.refshadow.analyzer.heap.ObjectTable.TRACKED;
import static dev.refshadow.analyzer.heap.ObjectTable.UNSETTLED;
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
 *
 * <p>Several application threads (the agent): each thread's events arrive in order, but not in
 * the order they happened across threads, so an increment one thread made can arrive after
 * another thread's decrement (DESIGN.md, "Threads and consistency"). Release at zero is then
 * deferred while a thread's events are applied, and at each flush the feeder says whether it
 * is <em>quiescent</em>: no other thread has published events not yet applied and no thread is
 * between a store and its event. Quiescent, every event that happened before the ones applied
 * is in, and zero means unreachable, exactly as in CPython (so a single-threaded program is
 * exact). Otherwise objects touched in the current or the previous complete round are
 * <em>unsettled</em>: at zero they wait, and the collector counts them as referenced from
 * outside. An event published before one applied in round r is applied by the end of round
 * r + 1, if no store was in flight when r + 1 began; so two complete rounds settle anything.
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
    /** Unsettled objects at zero (or below), waiting for a later flush; see the class comment. */
    private int[] unsettled = new int[64];
    private int unsettledTop;
    /** Several application threads feed this heap; see the class comment. */
    private boolean confirming;
    private java.util.function.BooleanSupplier quiescent = () -> true;
    /** The feeder was quiescent at the last flush: nothing is unsettled. */
    private boolean settled = true;
    private boolean deferRelease;
    private int round;
    /** True while freeing: the decrements are this heap's own, not an application event's. */
    private boolean releasing;
    private int tracedClass;
    private java.util.function.Consumer<String> trace = line -> { };
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
        int id = table.newObject(classes.flags(classId) | extraFlags, classId, site);
        table.touchedRound[id] = round;
        return id;
    }

    /**
     * Several application threads feed this heap (see the class comment); {@code quiescent}
     * says, at a flush, whether everything that happened before the events applied is in. Off
     * by default: the analyzer alone, fed in order, is exact.
     */
    public void setConfirming(java.util.function.BooleanSupplier quiescent) {
        this.confirming = true;
        this.quiescent = quiescent;
    }

    /** While true, objects reaching zero wait for the next {@link #flushZeroCounts()}. */
    public void setDeferRelease(boolean defer) {
        this.deferRelease = defer;
    }

    /**
     * A drain round begins: every thread's events published up to now are applied next.
     * {@code complete} is false when some thread was between a store and the publication of its
     * event: such a round does not count towards settling. Unsettled objects that a complete
     * round settles, still at zero, are freed now, before any event of the round.
     */
    public void beginRound(boolean complete) {
        if (!complete) {
            return;
        }
        round++;
        reconsiderUnsettled();
        flushZeroCounts();
    }

    /** The unsettled objects go back to the zero-count table, to be judged again. */
    private void reconsiderUnsettled() {
        int n = unsettledTop;
        unsettledTop = 0;
        for (int k = 0; k < n; k++) {
            int id = unsettled[k];
            table.flags[id] &= ~UNSETTLED;
            pushZero(id);
        }
    }

    /** Whether the last flush found the feeder quiescent, so that nothing is unsettled. */
    public boolean isSettled() {
        return settled;
    }

    /** Complete rounds so far. */
    public int round() {
        return round;
    }

    /**
     * Touched in this round or the previous one while the feeder was not quiescent: its count
     * may still be waiting for another thread's increment. The collector counts it as
     * referenced from outside.
     */
    public boolean isUnsettled(int id) {
        return !settled && table.touchedRound[id] >= round - 1;
    }

    public void incRef(int id) {
        if (id != 0) {
            table.rc[id]++;
            if (confirming && !releasing) {
                table.touchedRound[id] = round;
            }
            if (tracedClass != 0 && table.classId[id] == tracedClass) {
                trace.accept("+1 #" + id + " -> " + table.rc[id] + " at " + sites.name(eventSite) + " (" + WriteKind.of(eventKind).reportName + ")");
            }
        }
    }

    private void traceIfTraced(int id, String what) {
        if (tracedClass != 0 && table.classId[id] == tracedClass) {
            trace.accept(what + " #" + id + " rc " + table.rc[id] + " round " + round + " touched " + table.touchedRound[id]
                    + " settled " + settled);
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
        if (confirming && !releasing && eventKind != WriteKind.COLLECTOR.code()) {
            t.touchedRound[id] = round;
        }
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

    /** Frees every object whose count is (still) zero, and what that releases in turn, unless release is deferred. */
    public void releaseZeroCounts() {
        if (!deferRelease) {
            flushZeroCounts();
        }
    }

    /**
     * Frees every object whose count is (still) zero, and what that releases in turn; unsettled
     * objects wait for a later {@link #beginRound(boolean)} instead.
     */
    public void flushZeroCounts() {
        ObjectTable t = table;
        settled = !confirming || quiescent.getAsBoolean();
        if (settled) {
            reconsiderUnsettled();
        }
        boolean wasReleasing = releasing;
        releasing = true;
        while (zeroCountTop > 0) {
            int id = zeroCounts[--zeroCountTop];
            int f = t.flags[id];
            if ((f & LIVE) == 0 || (f & UNSETTLED) != 0 || t.rc[id] > 0) {
                continue;
            }
            if (isUnsettled(id)) {
                waitUnsettled(id);
                continue;
            }
            if (t.rc[id] < 0) {
                reportNegative(id);
            }
            free(id);
        }
        releasing = wasReleasing;
    }

    /** At exit: nothing more will arrive, so unsettled objects are settled now. */
    public void settleAll() {
        boolean was = confirming;
        confirming = false;
        beginRound(true);
        confirming = was;
    }

    private void reportNegative(int id) {
        ObjectTable t = table;
        traceIfTraced(id, "negative");
        anomalies.record(Anomalies.Kind.NEGATIVE_REFCOUNT, classes.name(t.classId[id]) + " at "
                + sites.name(t.lastDecrementSite[id]) + " (" + WriteKind.of(t.lastDecrementKind[id]).reportName + ")");
        t.rc[id] = 0;
    }

    private void waitUnsettled(int id) {
        if (unsettledTop == unsettled.length) {
            unsettled = Arrays.copyOf(unsettled, unsettledTop * 2);
        }
        unsettled[unsettledTop++] = id;
        table.flags[id] |= UNSETTLED;
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
        traceIfTraced(id, "freed");
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
