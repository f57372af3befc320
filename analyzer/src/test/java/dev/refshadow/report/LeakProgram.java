package dev.refshadow.report;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.EdgeSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A small program over an {@link Analyzer} with a {@link LeakRecorder} attached: objects are
 * held by local variables of the current frame (a first one of no named method, then those of
 * {@link #call}), fields are set as bytecode would (old value read first), and every event can
 * carry a source site.
 */
final class LeakProgram {
    static final int THREAD = 0;
    final Analyzer a = new Analyzer();
    /** Fake shallow sizes: 16 bytes unless {@link #bytes} says otherwise for the class. */
    final Map<String, Long> bytes = new HashMap<>();
    final LeakRecorder recorder = new LeakRecorder(a,
            id -> bytes.getOrDefault(a.heap.classes.name(a.heap.table.classId[id]), 16L));

    LeakProgram() {
        a.collector.setGarbageSink(recorder);
        a.gc.disable();
        a.frameEnter(THREAD, 64);
    }

    private final Map<String, Integer> types = new HashMap<>();

    /** The class, defined as a plain container on first use. */
    int type(String className) {
        Integer id = types.get(className);
        return id != null ? id : type(className, CONTAINER);
    }

    int type(String className, int flags) {
        int id = a.defineClass(className, flags);
        types.put(className, id);
        return id;
    }

    /** {@code locals[slot] = new className()} allocated at {@code site}. */
    int local(int slot, String className, String site) {
        int id = a.allocate(type(className), site == null ? 0 : a.site(site));
        a.pushTemp(THREAD, id);
        a.storeLocal(THREAD, slot, id);
        a.popTemp(THREAD, id);
        return id;
    }

    /** {@code locals[slot] = null}, written at {@code site}. */
    void clear(int slot, String site) {
        at(site);
        a.storeLocal(THREAD, slot, 0);
    }

    /** {@code holder.<label> = value}, written at {@code site}; {@code label} is "Class.field". */
    void set(int holder, String label, int value, String site) {
        int l = a.label(label);
        at(site);
        a.storeField(holder, l, current(holder, l), value);
    }

    void set(int holder, String label, int value) {
        set(holder, label, value, null);
    }

    /** Appends {@code value} to an array object (one more slot). */
    void add(int array, int value) {
        a.storeArray(array, 0, value);
    }

    /** The current frame returns, releasing every local, at {@code site}. */
    void exitFrame(String site) {
        at(site);
        a.frameExit(THREAD);
        a.frameEnter(THREAD, 64);
    }

    /** The thread calls {@code method} (such as {@code "com.acme.Main.run(Main.java)"}): a new frame. */
    void call(String method) {
        a.frameEnter(THREAD, 64, a.site(method));
    }

    /** The current frame returns at {@code site}, releasing its locals. */
    void ret(String site) {
        at(site);
        a.frameExit(THREAD);
    }

    /** A ring {@code className.next} of {@code n} objects held by local {@code slot}; returns the first. */
    int ring(int slot, String className, int n, String site) {
        int first = local(slot, className, site);
        int prev = first;
        for (int i = 1; i < n; i++) {
            int next = local(slot + 1, className, site);
            set(prev, className + ".next", next);
            clear(slot + 1, null);
            prev = next;
        }
        set(prev, className + ".next", first);
        return first;
    }

    long collect() {
        return a.collect();
    }

    Report report() {
        return ReportBuilder.build(a, recorder, new RunInfo("com.acme.Main", "17.0.15", Instant.parse(
                "2025-01-02T03:04:05Z"), 1234, Map.of("report", "out/refshadow")));
    }

    private void at(String site) {
        a.setEventSite(THREAD, site == null ? 0 : a.site(site));
    }

    private int current(int holder, int label) {
        int[] block = a.heap.table.edges[holder];
        for (int i = 1; block != null && i < block.length; i += EdgeSet.ENTRY) {
            if (block[i] != 0 && block[i + EdgeSet.LABEL] == label && block[i + EdgeSet.COUNT] > 0) {
                return block[i];
            }
        }
        return 0;
    }
}
