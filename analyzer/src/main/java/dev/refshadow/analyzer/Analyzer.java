package dev.refshadow.analyzer;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.DISCOVERED;
import static dev.refshadow.analyzer.heap.ObjectTable.TRACKED;

import dev.refshadow.analyzer.gc.Collector;
import dev.refshadow.analyzer.gc.GcState;
import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.heap.GcList;
import dev.refshadow.analyzer.heap.ObjectTable;
import dev.refshadow.analyzer.heap.ShadowHeap;
import dev.refshadow.analyzer.heap.ThreadFrames;
import dev.refshadow.analyzer.heap.WriteKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The analyzer: the event API the agent feeds, and Python's {@code gc} module over the shadow
 * heap. Objects are dense int ids (0 is null); the caller maps its objects to ids.
 *
 * <p>Every event is applied completely before the method returns, including release by
 * refcount of whatever it made unreachable. Single-threaded: the agent calls it from its one
 * analyzer thread.
 */
public final class Analyzer {
    /** When an automatic collection runs once an allocation pushed count0 over threshold0. */
    public enum Trigger {
        /** Inside the allocation, before the new object is tracked (CPython 3.11 and DESIGN.md). */
        AT_ALLOCATION,
        /** At the next {@link #safepoint()}, after the new object is tracked (CPython 3.12's eval breaker). */
        AT_SAFEPOINT
    }

    public final ShadowHeap heap;
    public final GcState gc = new GcState();
    public final Collector collector;
    private Trigger trigger = Trigger.AT_ALLOCATION;
    private boolean collectionScheduled;
    private int eventSite;
    private int eventPath;
    private ThreadFrames[] threads = new ThreadFrames[8];
    private long allocated;
    private long discovered;

    public Analyzer() {
        this(1 << 16);
    }

    public Analyzer(int initialCapacity) {
        heap = new ShadowHeap(initialCapacity, id -> gc.containerFreedHook());
        collector = new Collector(heap, gc);
    }

    public void setTrigger(Trigger trigger) {
        this.trigger = trigger;
    }

    // ---------------------------------------------------------------- definitions

    /** Defines a class; {@code flags} combines ObjectTable's CONTAINER, HAS_FINALIZER, LEGACY_FINALIZER. */
    public int defineClass(String name, int flags) {
        return heap.classes.define(name, flags);
    }

    /** A field label such as {@code "com.acme.Node.next"}. */
    public int label(String name) {
        return heap.labels.intern(name);
    }

    /** The label of every array slot. */
    public int arraySlot() {
        return heap.arraySlotLabel;
    }

    /** A source site such as {@code "com.acme.Main.run(Main.java:12)"}. */
    public int site(String name) {
        return heap.sites.intern(name);
    }

    // ---------------------------------------------------------------- events

    /**
     * A new object of {@code classId}, allocated at {@code site}, with a count of 0: the caller
     * gives it its first reference (a temporary, a local, a field). For a container, count0 is
     * raised and the automatic collection considered before the object is tracked.
     */
    public int allocate(int classId, int site) {
        allocated++;
        return create(classId, site, 0);
    }

    /**
     * An object seen for the first time without an allocation event (hidden classes, objects of
     * the VM or from before the agent started). It is tracked like an allocation.
     */
    public int discover(int classId, int site) {
        discovered++;
        return create(classId, site, DISCOVERED);
    }

    private int create(int classId, int site, int extraFlags) {
        boolean container = heap.classes.isContainer(classId);
        if (container) {
            gc.containerAllocatedHook();
            considerCollection();
        }
        int id = heap.newObject(classId, site, extraFlags);
        if (container) {
            heap.lists.append(id, GcList.GENERATION_0);
            heap.table.flags[id] |= TRACKED;
        }
        return id;
    }

    /** CPython's check in {@code _PyObject_GC_Link}, at each container allocation. */
    private void considerCollection() {
        if (gc.getCount()[0] > gc.getThreshold()[0] && gc.isEnabled() && gc.getThreshold()[0] != 0
                && !gc.isCollecting()) {
            // Releases deferred until now count: the generation count is CPython's at this point.
            heap.flushZeroCounts();
            if (gc.getCount()[0] <= gc.getThreshold()[0]) {
                return;
            }
            if (trigger == Trigger.AT_ALLOCATION) {
                collector.collectAutomatically();
            } else {
                collectionScheduled = true;
            }
        }
    }

    /** The point where CPython 3.12 runs a scheduled collection (its eval breaker). */
    public void safepoint() {
        if (collectionScheduled) {
            collectionScheduled = false;
            if (gc.isEnabled() && !gc.isCollecting()) {
                collector.collectAutomatically();
            }
        }
    }

    /**
     * The thread and source site of the next event (a store, local store or frame exit), for
     * closing writes: the objects it releases remember the site and the thread's call path.
     */
    public void setEventSite(int thread, int site) {
        eventSite = site;
        eventPath = frames(thread).path();
    }

    /** Begins an event at the site and call path set for it; the next one has neither unless set again. */
    private void beginEvent(WriteKind kind) {
        heap.beginEvent(eventSite, eventPath, kind);
        eventSite = 0;
        eventPath = 0;
    }

    /** {@code holder.field = newValue}, replacing {@code oldValue}. */
    public void storeField(int holder, int label, int oldValue, int newValue) {
        beginEvent(WriteKind.FIELD);
        heap.store(holder, label, oldValue, newValue);
        heap.releaseZeroCounts();
    }

    /** {@code array[i] = newValue}, replacing {@code oldValue}. */
    public void storeArray(int array, int oldValue, int newValue) {
        beginEvent(WriteKind.ARRAY);
        heap.store(array, heap.arraySlotLabel, oldValue, newValue);
        heap.releaseZeroCounts();
    }

    /** A static field: a root. */
    public void storeStatic(int oldValue, int newValue) {
        beginEvent(WriteKind.STATIC);
        heap.storeRoot(oldValue, newValue);
        heap.releaseZeroCounts();
    }

    /** An external reference the VM holds (live thread, class, class loader, JNI global). */
    public void pin(int id) {
        storeStatic(0, id);
    }

    public void unpin(int id) {
        storeStatic(id, 0);
    }

    /** {@code weakRef}'s referent is now {@code referent} (not counted); 0 clears it. */
    public void setWeakReferent(int weakRef, int referent) {
        heap.setWeakReferent(weakRef, referent);
    }

    /** A frame of a method the caller does not name. */
    public void frameEnter(int thread, int maxLocals) {
        frameEnter(thread, maxLocals, 0);
    }

    /** Method {@code method} (a {@link #site} id such as {@code "com.acme.Main.run(Main.java)"}) starts. */
    public void frameEnter(int thread, int maxLocals, int method) {
        frames(thread).enter(maxLocals, method);
    }

    public void frameExit(int thread) {
        beginEvent(WriteKind.FRAME_EXIT);
        frames(thread).exit();
        heap.releaseZeroCounts();
    }

    /** The frame returns or unwinds with {@code id}, which becomes a temporary of the caller. */
    public void frameExitPassing(int thread, int id) {
        beginEvent(WriteKind.FRAME_EXIT);
        frames(thread).exitPassing(id);
        heap.releaseZeroCounts();
    }

    /** The temporaries of the thread's current frame were consumed. */
    public void releaseTemps(int thread) {
        beginEvent(WriteKind.TEMPORARY);
        frames(thread).releaseTemps();
        heap.releaseZeroCounts();
    }

    /** The allocation site of {@code id}, once known. */
    public void setSite(int id, int site) {
        if (heap.table.isLive(id)) {
            heap.table.siteId[id] = site;
        }
    }

    public void storeLocal(int thread, int slot, int value) {
        beginEvent(WriteKind.LOCAL);
        frames(thread).storeLocal(slot, value);
        heap.releaseZeroCounts();
    }

    /** An argument stored into the new frame's slot at method entry (takes over a caller's temporary). */
    public void storeArgument(int thread, int slot, int value) {
        beginEvent(WriteKind.LOCAL);
        frames(thread).storeArgument(slot, value);
        heap.releaseZeroCounts();
    }

    public int local(int thread, int slot) {
        return frames(thread).local(slot);
    }

    public void pushTemp(int thread, int id) {
        frames(thread).pushTemp(id);
    }

    public void popTemp(int thread, int id) {
        beginEvent(WriteKind.TEMPORARY);
        frames(thread).popTemp(id);
        heap.releaseZeroCounts();
    }

    /** {@code local[slot] = value}, consuming the current frame's temporary {@code value} if it holds one. */
    public void storeLocalFromTemp(int thread, int slot, int value) {
        beginEvent(WriteKind.LOCAL);
        ThreadFrames f = frames(thread);
        f.storeLocal(slot, value);
        if (value != 0) {
            f.consumeTemp(value);
        }
        heap.releaseZeroCounts();
    }

    /** A value popped unused: the current frame's temporary, if it holds one, is released. */
    public void dropTemp(int thread, int id) {
        beginEvent(WriteKind.TEMPORARY);
        if (id != 0) {
            frames(thread).consumeTemp(id);
        }
        heap.releaseZeroCounts();
    }

    /** The thread ended: its frames and temporaries are released. */
    public void threadEnded(int thread) {
        if (thread < threads.length && threads[thread] != null) {
            beginEvent(WriteKind.FRAME_EXIT);
            threads[thread].exitAll();
            threads[thread] = null;
            heap.releaseZeroCounts();
        }
    }

    private ThreadFrames frames(int thread) {
        if (thread >= threads.length) {
            threads = Arrays.copyOf(threads, Math.max(thread + 1, threads.length * 2));
        }
        ThreadFrames f = threads[thread];
        if (f == null) {
            f = new ThreadFrames(heap);
            threads[thread] = f;
        }
        return f;
    }

    // ---------------------------------------------------------------- the gc module

    public long collect() {
        return collect(2);
    }

    public long collect(int generation) {
        heap.flushZeroCounts();
        return collector.collect(generation);
    }

    /** {@code gc.freeze()}: every tracked object to the permanent generation, which acts as a root. */
    public void freeze() {
        for (int g = 0; g < GcState.NUM_GENERATIONS; g++) {
            heap.lists.merge(GcList.generationHead(g), GcList.PERMANENT);
        }
        gc.freezeHook();
    }

    /** {@code gc.unfreeze()}: the permanent generation back into the oldest generation. */
    public void unfreeze() {
        heap.lists.merge(GcList.PERMANENT, GcList.GENERATION_2);
    }

    public int getFreezeCount() {
        return heap.lists.size(GcList.PERMANENT);
    }

    public boolean isTracked(int id) {
        return heap.table.isLive(id) && (heap.table.flags[id] & TRACKED) != 0;
    }

    /** The shadow reference count (unlike {@code sys.getrefcount}, no extra count for the call). */
    public int getRefCount(int id) {
        return heap.table.isLive(id) ? heap.table.rc[id] : 0;
    }

    /**
     * The shadow count as {@code thread} sees it when it passes {@code id} to a call: if its
     * current frame holds {@code id} as a temporary, that temporary is the call's own argument
     * and is not counted.
     */
    public int getRefCount(int thread, int id) {
        int count = getRefCount(id);
        return count > 0 && frames(thread).holdsTemp(id) ? count - 1 : count;
    }

    /** Objects in the generations (not the permanent one) that refer to any of {@code ids}. */
    public int[] getReferrers(int... ids) {
        ObjectTable t = heap.table;
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < GcState.NUM_GENERATIONS; g++) {
            int head = GcList.generationHead(g);
            for (int id = t.next[head]; id != head; id = t.next[id]) {
                for (int target : ids) {
                    if (EdgeSet.countTo(t.edges[id], target) > 0) {
                        out.add(id);
                        break;
                    }
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The objects the given containers refer to, once per reference, in storage order. */
    public int[] getReferents(int... ids) {
        ObjectTable t = heap.table;
        List<Integer> out = new ArrayList<>();
        for (int id : ids) {
            if (!heap.table.isLive(id) || (t.flags[id] & CONTAINER) == 0 || t.edges[id] == null) {
                continue;
            }
            int[] block = t.edges[id];
            for (int e = 1; e < block.length; e += EdgeSet.ENTRY) {
                for (int c = 0; block[e] != 0 && c < block[e + EdgeSet.COUNT]; c++) {
                    out.add(block[e]);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code gc.garbage}: uncollectable objects, or all garbage under DEBUG_SAVEALL. */
    public int[] garbage() {
        return gc.garbageIds();
    }

    /** {@code del gc.garbage[:]}: the list's references are released. */
    public void clearGarbage() {
        beginEvent(WriteKind.COLLECTOR);
        for (int id : gc.garbageIds()) {
            heap.decRef(id);
        }
        gc.garbageCleared();
        heap.releaseZeroCounts();
    }

    public long allocated() {
        return allocated;
    }

    public long discovered() {
        return discovered;
    }
}
