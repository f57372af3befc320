package dev.refshadow.analyzer.property;

import static dev.refshadow.analyzer.property.Oracle.NULL;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.ObjectTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies every event to the analyzer and to the {@link Oracle} side by side, mapping the
 * analyzer's ids (recycled after a free) to the oracle's indices (never reused), while
 * {@link GcRules} follows counts, statistics and the automatic collections the rules call for.
 * Everything the analyzer's collections report (through its callbacks and garbage sink) is
 * recorded, to be compared with what the oracle expected.
 *
 * <p>The oracle releases by refcount lazily ({@link #settle()}); that gives the same result as the
 * analyzer's release after every event because the release is monotonic and no event names an
 * object after its last reference is gone.
 */
final class Mirror {
    /** What one collection found: its generation, the garbage (oracle indices) and the number reported. */
    record CollectionRecord(int generation, Set<Integer> garbage, long found) {
    }

    /** A collection asked for explicitly: what the oracle expected and what the analyzer returned. */
    record Collected(Oracle.Outcome expected, long actual) {
    }

    private static final int THREAD = 0;

    final Analyzer analyzer;
    final Oracle oracle = new Oracle();
    final GcRules rules = new GcRules();
    private final Map<Kind, Integer> classIds = new EnumMap<>(Kind.class);
    private final List<Integer> idOfIndex = new ArrayList<>();
    private final Map<Integer, Integer> indexOfId = new HashMap<>();
    /** Per open frame of the thread, the oracle index each local slot holds. */
    private final Deque<int[]> frames = new ArrayDeque<>();
    private final List<CollectionRecord> expectedCollections = new ArrayList<>();
    private final List<CollectionRecord> observedCollections = new ArrayList<>();
    private Set<Integer> garbageSeen = new HashSet<>();
    private final List<Integer> freedByExpectedCollections = new ArrayList<>();

    /** A mirror whose analyzer starts small, so that its tables grow during the run. */
    Mirror() {
        analyzer = new Analyzer(64);
        for (Kind kind : Kind.values()) {
            classIds.put(kind, analyzer.defineClass(kind.className, kind.container ? ObjectTable.CONTAINER : 0));
        }
        analyzer.collector.setGarbageSink(snapshot -> Arrays.stream(snapshot.ids).forEach(id -> garbageSeen.add(indexOf(id))));
        analyzer.gc.callbacks().add((phase, info) -> {
            if (phase.equals("stop")) {
                observedCollections.add(new CollectionRecord(info.generation(), garbageSeen, info.collected()));
                garbageSeen = new HashSet<>();
            }
        });
    }

    /** A mirror without automatic collections, so that only the program's own collections run. */
    static Mirror withoutAutomaticCollection() {
        Mirror mirror = new Mirror();
        mirror.disable();
        return mirror;
    }

    /** {@code gc.disable()}: no automatic collections; counts keep moving. */
    void disable() {
        analyzer.gc.disable();
        rules.setEnabled(false);
    }

    void enable() {
        analyzer.gc.enable();
        rules.setEnabled(true);
    }

    void setThreshold(int... thresholds) {
        analyzer.gc.setThreshold(thresholds);
        rules.setThreshold(thresholds);
    }

    // ------------------------------------------------------------------ events

    /** A new object with a count of 0; an allocated container may first trigger a collection. */
    int allocate(Kind kind) {
        settle();
        if (kind.container) {
            int generation = rules.containerAllocated();
            if (generation != GcRules.NO_COLLECTION) {
                expectCollection(generation);
            }
        }
        int id = analyzer.allocate(classIds.get(kind), 0);
        forgetFreedByExpectedCollections();
        int index = oracle.allocate(kind.container);
        idOfIndex.add(id);
        indexOfId.put(id, index);
        return index;
    }

    void store(int holder, String field, int oldValue, int newValue) {
        analyzer.storeField(idOf(holder), analyzer.label(field), idOf(oldValue), idOf(newValue));
        oracle.store(holder, field, oldValue, newValue);
    }

    void pin(int index) {
        analyzer.pin(idOf(index));
        oracle.addExternal(index);
    }

    void unpin(int index) {
        analyzer.unpin(idOf(index));
        oracle.removeExternal(index);
    }

    void enterFrame(int locals) {
        analyzer.frameEnter(THREAD, locals);
        int[] slots = new int[locals];
        Arrays.fill(slots, NULL);
        frames.push(slots);
    }

    void storeLocal(int slot, int value) {
        analyzer.storeLocal(THREAD, slot, idOf(value));
        int[] slots = frames.peek();
        addExternal(value);
        removeExternal(slots[slot]);
        slots[slot] = value;
    }

    void exitFrame() {
        analyzer.frameExit(THREAD);
        for (int value : frames.pop()) {
            removeExternal(value);
        }
    }

    /** {@code gc.collect(generation)}, with what the oracle expected of it. */
    Collected collect(int generation) {
        settle();
        Oracle.Outcome expected = expectCollection(generation);
        long actual = generation == Oracle.OLDEST_GENERATION ? analyzer.collect() : analyzer.collect(generation);
        forgetFreedByExpectedCollections();
        return new Collected(expected, actual);
    }

    /** Lets the oracle release by refcount what the analyzer released at each event. */
    void settle() {
        List<Integer> freed = oracle.releaseByRefcount();
        rules.containersFreed(containers(freed));
        freed.forEach(this::forget);
    }

    private Oracle.Outcome expectCollection(int generation) {
        Oracle.Outcome outcome = oracle.collect(generation);
        rules.collection(outcome);
        expectedCollections.add(new CollectionRecord(generation, new HashSet<>(outcome.garbage()), outcome.found()));
        freedByExpectedCollections.addAll(outcome.freed());
        return outcome;
    }

    /** Called once the analyzer's collection has reported its garbage by id. */
    private void forgetFreedByExpectedCollections() {
        freedByExpectedCollections.forEach(this::forget);
        freedByExpectedCollections.clear();
    }

    private void forget(int index) {
        indexOfId.remove(idOfIndex.get(index));
    }

    private void addExternal(int index) {
        if (index != NULL) {
            oracle.addExternal(index);
        }
    }

    private void removeExternal(int index) {
        if (index != NULL) {
            oracle.removeExternal(index);
        }
    }

    private int containers(List<Integer> indices) {
        int containers = 0;
        for (int index : indices) {
            containers += oracle.isContainer(index) ? 1 : 0;
        }
        return containers;
    }

    // ------------------------------------------------------------------ mapping and records

    /** The analyzer's id of a live object, 0 for {@link Oracle#NULL}. */
    int idOf(int index) {
        return index == NULL ? 0 : idOfIndex.get(index);
    }

    /** The oracle's index of a live analyzer id; {@code -id} (never an index) when the id is unknown. */
    int indexOf(int id) {
        Integer index = indexOfId.get(id);
        return index == null ? -id : index;
    }

    List<CollectionRecord> expectedCollections() {
        return expectedCollections;
    }

    List<CollectionRecord> observedCollections() {
        return observedCollections;
    }
}
