package dev.refshadow.agent.shadow;

import static dev.refshadow.analyzer.heap.ObjectTable.DISCOVERED;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.report.leaks.NameNormalizer;
import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.gc.IntList;
import java.lang.reflect.Field;

/**
 * The shadow of the Java heap: maps objects to analyzer ids, creating them on allocation or,
 * for objects seen without one (created by the VM, JNI, before the agent started), by
 * discovery. A discovered object's reference fields are read once, reflectively, to create its
 * edges; since references to it from places never observed may exist, it is pinned (never
 * freed, never garbage). Analyzer thread only.
 */
public final class Shadow {
    public final Analyzer analyzer;
    final ObjectIds ids;
    final ClassShapes shapes;
    private final IntList discoveryWork = new IntList();
    /** Per discovered object: its fields not yet confirmed by an event (see {@link #confirmField}). */
    private long[] unconfirmed = new long[1024];

    /** {@code ids} is told of every freed id (its {@link ObjectIds#remove}). */
    public Shadow(Analyzer analyzer, ObjectIds ids) {
        this.analyzer = analyzer;
        this.ids = ids;
        this.shapes = new ClassShapes(analyzer);
        analyzer.heap.setFreeListener(ids::remove);
    }

    /** The id of {@code o}, discovering it if the shadow never saw it; 0 for null. */
    public int idOf(Object o) {
        if (o == null) {
            return 0;
        }
        int id = ids.get(o);
        return id != 0 ? id : discover(o);
    }

    /** The object of a live id (for queries and reports). */
    public Object objectOf(int id) {
        return ids.object(id);
    }

    /** Whether instances of {@code o}'s class are built by code that records no stores (hidden classes). */
    public boolean readsFieldsAfterConstruction(Object o) {
        return shapes.of(o.getClass()).readFieldsAfterConstruction;
    }

    /**
     * Whether a store of {@code newValue} over {@code oldValue} into the discovered array
     * {@code holder} is already in the shadow: its slots were read when it was discovered, and
     * the application thread, running ahead of the analyzer, may have made that store before
     * (events carry no slot index, so {@link #confirmField} cannot be used for arrays).
     */
    public boolean alreadyAppliedToArray(int holder, int label, Object oldValue, Object newValue) {
        if (holder == 0 || newValue == null || (analyzer.heap.table.flags[holder] & DISCOVERED) == 0) {
            return false;
        }
        int[] edges = analyzer.heap.table.edges[holder];
        int now = ids.get(newValue);
        if (now == 0 || EdgeSet.count(edges, now, label) <= 0) {
            return false;
        }
        int old = ids.get(oldValue);
        return old == 0 || EdgeSet.count(edges, old, label) <= 0;
    }

    /** The label a store at Unsafe offset {@code offset} of {@code holder} writes: a field, or an array slot. */
    public int labelAt(Object holder, long offset) {
        if (holder instanceof Object[]) {
            return analyzer.arraySlot();
        }
        int label = shapes.of(holder.getClass()).labelAt(offset);
        return label != 0 ? label : analyzer.label(NameNormalizer.normalize(holder.getClass().getName()) + ".@" + offset);
    }

    /** Whether the shadow knows {@code o}. */
    public boolean knows(Object o) {
        return ids.get(o) != 0;
    }

    /** A new object (from {@code Object.<init>}, array creation or {@code clone()}), count 0. */
    public int allocate(Object o, int site) {
        ClassShape shape = shapes.of(o.getClass());
        int id = analyzer.allocate(shape.classId, site);
        ids.put(o, id);
        if (id < unconfirmed.length) {
            unconfirmed[id] = 0; // ids are reused: nothing of a previous object's carries over
        }
        if (shape.pinned) {
            analyzer.pin(id);
        }
        return id;
    }

    /**
     * The value being replaced by a store into {@code holder} under {@code label}. If the shadow
     * never saw it, the reference being removed is first created (the holder held it all along).
     */
    public int replacedValue(int holder, int label, Object old) {
        if (old == null) {
            return 0;
        }
        int id = ids.get(old);
        if (id == 0) {
            id = discover(old);
            if (holder != 0) {
                analyzer.heap.addEdge(holder, id, label, 1);
            }
            analyzer.heap.incRef(id);
        }
        return id;
    }

    private int discover(Object o) {
        if (ids.unseen(o)) {
            return 0;
        }
        int first = discoverOne(o);
        // Discover what it reaches iteratively: pre-existing object graphs can be deep.
        while (discoveryWork.size() > 0) {
            int id = discoveryWork.removeLast();
            Object found = ids.object(id);
            if (found != null) {
                readFields(id, found);
                markUnconfirmed(id, found);
            }
        }
        return first;
    }

    private int discoverOne(Object o) {
        ClassShape shape = shapes.of(o.getClass());
        int id = analyzer.discover(shape.classId, 0);
        ids.put(o, id);
        analyzer.pin(id);
        discoveryWork.add(id);
        return id;
    }

    /**
     * A discovered object's fields were read when the analyzer got to it, while application
     * threads run ahead: a field may already hold a later value than the one the next event on
     * it replaces. Until an event confirms a field, it is marked here (one bit per field).
     */
    /**
     * A copy made by {@code Object.clone()} (no constructor ran, no store was recorded): its
     * fields are read now, and confirmed by the first event on each, like a discovered object's.
     */
    public void readClonedFields(int id, Object copy) {
        readFields(id, copy);
        markUnconfirmed(id, copy);
    }

    private void markUnconfirmed(int id, Object o) {
        if (o instanceof Object[] || o instanceof Class<?>) {
            return;
        }
        if (id >= unconfirmed.length) {
            unconfirmed = java.util.Arrays.copyOf(unconfirmed, Math.max(id + 1, unconfirmed.length * 2));
        }
        int n = shapes.of(o.getClass()).labels.length;
        unconfirmed[id] = n >= 64 ? -1L : (1L << n) - 1;
    }

    /**
     * Before the first store event into a field of a discovered {@code holder}: the event's old
     * value, not the value read at discovery, is what the field held then. The edge read at
     * discovery is replaced by one to {@code old}.
     */
    public void confirmField(int holder, int label, Object old) {
        if (holder >= unconfirmed.length || unconfirmed[holder] == 0) {
            return;
        }
        Object o = ids.object(holder);
        if (o == null) {
            return;
        }
        int[] labels = shapes.of(o.getClass()).labels;
        for (int i = 0; i < labels.length && i < 64; i++) {
            if (labels[i] == label && (unconfirmed[holder] & (1L << i)) != 0) {
                unconfirmed[holder] &= ~(1L << i);
                int read = valueUnder(holder, label);
                int then = idOf(old);
                if (read != then) {
                    if (read != 0) {
                        analyzer.heap.addEdge(holder, read, label, -1);
                        analyzer.heap.decRef(read);
                    }
                    if (then != 0) {
                        analyzer.heap.addEdge(holder, then, label, 1);
                        analyzer.heap.incRef(then);
                    }
                }
                return;
            }
        }
    }

    /** The target of the (single) edge of {@code holder} under a field label, 0 if none. */
    private int valueUnder(int holder, int label) {
        int[] block = analyzer.heap.table.edges[holder];
        for (int i = 1; block != null && i < block.length; i += EdgeSet.ENTRY) {
            if (block[i] != 0 && block[i + EdgeSet.LABEL] == label && block[i + EdgeSet.COUNT] > 0) {
                return block[i];
            }
        }
        return 0;
    }

    /** Creates the edges of {@code id} from the current contents of {@code o}'s reference fields or slots. */
    public void readFields(int id, Object o) {
        if (o instanceof Object[] slots) {
            readSlots(id, slots);
            return;
        }
        if (o instanceof Class<?>) {
            return; // static fields are roots; a Class object's own fields are the VM's
        }
        ClassShape shape = shapes.of(o.getClass());
        Field[] fields = shape.referenceFields;
        for (int i = 0; i < fields.length; i++) {
            Object value;
            try {
                value = fields[i].get(o);
            } catch (IllegalAccessException | RuntimeException e) {
                continue;
            }
            addReference(id, shape.labels[i], value);
        }
    }

    public void readSlots(int id, Object[] slots) {
        int label = analyzer.arraySlot();
        for (Object value : slots) {
            addReference(id, label, value);
        }
    }

    private void addReference(int holder, int label, Object value) {
        if (value == null) {
            return;
        }
        int target = ids.get(value);
        if (target == 0) {
            target = discoverOne(value);
        }
        analyzer.heap.addEdge(holder, target, label, 1);
        analyzer.heap.incRef(target);
    }
}
