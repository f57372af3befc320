package dev.refshadow.analyzer.heap;

import java.util.Arrays;

/**
 * Struct-of-arrays storage of every shadow object, indexed by dense int ids.
 *
 * <p>Id 0 is {@code null}. Ids 1..{@link #FIRST_OBJECT_ID}-1 are list heads (sentinels) of the
 * generation lists and of the collector's temporary lists, so that list manipulation needs no
 * special case for the head, exactly like CPython's {@code PyGC_Head} lists. Freed ids are
 * recycled through a free list threaded through {@link #next}.
 *
 * <p>Only the analyzer thread touches this table.
 */
public final class ObjectTable {
    /** Number of reserved list-head ids (see {@link GcList}). */
    public static final int FIRST_OBJECT_ID = 16;

    // --- flag bits ---
    /** The id denotes a live object. */
    public static final int LIVE = 1;
    /** The object is a GC container (tracked kind), whether or not it is currently tracked. */
    public static final int CONTAINER = 1 << 1;
    /** The object is in one of the generation lists (CPython: {@code _gc_next != 0}). */
    public static final int TRACKED = 1 << 2;
    /** CPython's {@code PREV_MASK_COLLECTING}: in the generations being collected. */
    public static final int COLLECTING = 1 << 3;
    /** CPython's {@code NEXT_MASK_UNREACHABLE}: tentatively unreachable. */
    public static final int UNREACHABLE = 1 << 4;
    /** The class overrides {@code finalize()} (CPython's {@code tp_finalize}). */
    public static final int HAS_FINALIZER = 1 << 5;
    /** The finalizer already ran once (CPython's {@code _PyGCHead_FINALIZED}). */
    public static final int FINALIZED = 1 << 6;
    /** A legacy finalizer (CPython's {@code tp_del}): makes a cycle uncollectable. */
    public static final int LEGACY_FINALIZER = 1 << 7;
    /** Created by discovery (first sight) rather than by an allocation event. */
    public static final int DISCOVERED = 1 << 8;
    /** The object is a weak reference with a registered referent. */
    public static final int WEAK_REFERENCE = 1 << 9;
    /** Some weak reference has this object as its referent. */
    public static final int WEAKLY_REFERENCED = 1 << 10;
    /** At zero, or below, and waiting in ShadowHeap's unsettled list. */
    public static final int UNSETTLED = 1 << 11;

    private int capacity;
    /** Shadow reference count. */
    public int[] rc;
    /** The collector's {@code gc_refs} scratch count. */
    public int[] gcRefs;
    public int[] flags;
    public int[] classId;
    public int[] siteId;
    /** Generation list links (doubly linked, like CPython's gc_next / gc_prev). */
    public int[] next;
    public int[] prev;
    /** Outgoing edges, see {@link EdgeSet}; null when the object holds nothing. */
    public int[][] edges;
    /** Site of the last event that decremented this object's count, and that event's sequence. */
    public int[] lastDecrementSite;
    public long[] lastDecrementSeq;
    /** The {@link WriteKind} of that event. */
    public byte[] lastDecrementKind;
    /** The {@link CallPaths} node of the thread that made that event (0: none). */
    public int[] lastDecrementPath;
    /** The drain round of the last application event that changed this object's count (see ShadowHeap). */
    public int[] touchedRound;

    private int highWater = FIRST_OBJECT_ID;
    /**
     * Freed ids wait in a first-in first-out queue and are reused only once
     * {@link #QUARANTINE} others are waiting: a reference the shadow failed to count (an anomaly)
     * then meets a dead id, which is detected, rather than an unrelated new object.
     */
    static final int QUARANTINE = 1 << 16;
    private int freeHead;
    private int freeTail;
    private int freeCount;
    private int live;

    public ObjectTable(int initialCapacity) {
        capacity = Math.max(initialCapacity, FIRST_OBJECT_ID * 2);
        rc = new int[capacity];
        gcRefs = new int[capacity];
        flags = new int[capacity];
        classId = new int[capacity];
        siteId = new int[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        edges = new int[capacity][];
        lastDecrementSite = new int[capacity];
        lastDecrementSeq = new long[capacity];
        lastDecrementKind = new byte[capacity];
        lastDecrementPath = new int[capacity];
        touchedRound = new int[capacity];
        for (int head = 1; head < FIRST_OBJECT_ID; head++) {
            next[head] = head;
            prev[head] = head;
        }
    }

    /** Returns a fresh id with all fields cleared except the given flags, class and site. */
    public int newObject(int objectFlags, int klass, int site) {
        int id;
        if (freeCount > QUARANTINE) {
            id = freeHead;
            freeHead = next[id];
            freeCount--;
            if (freeHead == 0) {
                freeTail = 0;
            }
        } else {
            if (highWater == capacity) {
                grow();
            }
            id = highWater++;
        }
        rc[id] = 0;
        gcRefs[id] = 0;
        flags[id] = objectFlags | LIVE;
        classId[id] = klass;
        siteId[id] = site;
        next[id] = 0;
        prev[id] = 0;
        edges[id] = null;
        lastDecrementSite[id] = 0;
        lastDecrementSeq[id] = 0;
        lastDecrementKind[id] = 0;
        lastDecrementPath[id] = 0;
        live++;
        return id;
    }

    /** Returns the id to the free list. The caller has released its edges and unlinked it. */
    public void recycle(int id) {
        flags[id] = 0;
        edges[id] = null;
        next[id] = 0;
        prev[id] = 0;
        if (freeTail == 0) {
            freeHead = id;
        } else {
            next[freeTail] = id;
        }
        freeTail = id;
        freeCount++;
        live--;
    }

    public boolean isLive(int id) {
        return id >= FIRST_OBJECT_ID && id < highWater && (flags[id] & LIVE) != 0;
    }

    /** Number of live objects. */
    public int liveCount() {
        return live;
    }

    /** One past the highest id ever handed out: live ids are below it. */
    public int highWater() {
        return highWater;
    }

    private void grow() {
        int newCapacity = capacity + (capacity >> 1) + 16;
        if (newCapacity < 0 || newCapacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("shadow heap is full: " + capacity + " objects");
        }
        rc = Arrays.copyOf(rc, newCapacity);
        gcRefs = Arrays.copyOf(gcRefs, newCapacity);
        flags = Arrays.copyOf(flags, newCapacity);
        classId = Arrays.copyOf(classId, newCapacity);
        siteId = Arrays.copyOf(siteId, newCapacity);
        next = Arrays.copyOf(next, newCapacity);
        prev = Arrays.copyOf(prev, newCapacity);
        edges = Arrays.copyOf(edges, newCapacity);
        lastDecrementSite = Arrays.copyOf(lastDecrementSite, newCapacity);
        lastDecrementSeq = Arrays.copyOf(lastDecrementSeq, newCapacity);
        lastDecrementKind = Arrays.copyOf(lastDecrementKind, newCapacity);
        lastDecrementPath = Arrays.copyOf(lastDecrementPath, newCapacity);
        touchedRound = Arrays.copyOf(touchedRound, newCapacity);
        capacity = newCapacity;
    }
}
