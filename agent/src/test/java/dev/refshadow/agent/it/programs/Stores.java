package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Stores into the heap: putfield, putstatic, aastore (each releasing the old value), clone of
 * arrays and objects, System.arraycopy (also overlapping), Arrays.copyOf, Array.newInstance,
 * reflection Field.set, a serialization round trip and multianewarray. The expected figure is
 * in the comment at the end of each line.
 */
public final class Stores {
    static final class Node implements Cloneable {
        Object ref;
        Object other;

        Node copy() throws CloneNotSupportedException {
            return (Node) clone();
        }
    }

    static final class SNode implements Serializable {
        private static final long serialVersionUID = 1L;
        SNode next;
    }

    static Object STATIC;

    private Stores() {
    }

    public static void main(String[] args) throws Exception {
        Out.begin(Node.class, SNode.class);
        try {
            fields();
            copies();
            reflection();
            serialization();
            multiNewArray();
        } finally {
            Out.print();
        }
    }

    static void fields() {
        Node holder = new Node();
        Node a = new Node();
        Node b = new Node();
        holder.ref = a;
        Out.put("putfield.stored", Gc.getRefCount(a)); // 2
        holder.ref = b;
        Out.put("putfield.old", Gc.getRefCount(a)); // 1
        Out.put("putfield.new", Gc.getRefCount(b)); // 2
        holder.ref = null;
        Out.put("putfield.cleared", Gc.getRefCount(b)); // 1

        STATIC = a;
        Out.put("putstatic.stored", Gc.getRefCount(a)); // 2
        STATIC = b;
        Out.put("putstatic.old", Gc.getRefCount(a)); // 1
        Out.put("putstatic.new", Gc.getRefCount(b)); // 2
        STATIC = null;
        Out.put("putstatic.cleared", Gc.getRefCount(b)); // 1

        Object[] array = new Object[2];
        array[0] = a;
        Out.put("aastore.stored", Gc.getRefCount(a)); // 2
        array[0] = b;
        Out.put("aastore.old", Gc.getRefCount(a)); // 1
        Out.put("aastore.new", Gc.getRefCount(b)); // 2
        array[0] = null;
        Out.put("aastore.cleared", Gc.getRefCount(b)); // 1

        // The old value's last reference goes: a self-cycle is left, found by the next collection.
        Node cyclic = new Node();
        cyclic.ref = cyclic;
        holder.other = cyclic;
        cyclic = null;
        Out.put("putfield.cycle.rc", Gc.getRefCount(holder.other)); // 2
        holder.other = null;
        Out.put("putfield.cycle.collected", Gc.collect()); // 1
    }

    static void copies() throws CloneNotSupportedException {
        Node a = new Node();
        Node b = new Node();
        Node c = new Node();
        Object[] array = {a, b};
        Object[] arrayClone = array.clone();
        Out.put("clone.array.rc", Gc.getRefCount(arrayClone)); // 1
        Out.put("clone.array.element", Gc.getRefCount(a)); // 3: a, array[0], arrayClone[0]
        arrayClone = null;
        Out.put("clone.array.dropped", Gc.getRefCount(a)); // 2

        Node holder = new Node();
        holder.ref = a;
        Node holderClone = holder.copy();
        Out.put("clone.object.rc", Gc.getRefCount(holderClone)); // 1
        Out.put("clone.object.field", Gc.getRefCount(a)); // 4: a, array[0], holder.ref, holderClone.ref
        holderClone = null;
        holder = null;
        Out.put("clone.object.dropped", Gc.getRefCount(a)); // 2

        Object[] source = {a, b, c};
        Object[] target = new Object[3];
        System.arraycopy(source, 0, target, 0, 3);
        Out.put("arraycopy.a", Gc.getRefCount(a)); // 4: a, array[0], source[0], target[0]
        Out.put("arraycopy.c", Gc.getRefCount(c)); // 3
        // Overlapping: source becomes {a, a, b}.
        System.arraycopy(source, 0, source, 1, 2);
        Out.put("arraycopy.overlap.a", Gc.getRefCount(a)); // 5
        Out.put("arraycopy.overlap.b", Gc.getRefCount(b)); // 4: b, array[1], source[2], target[1]
        Out.put("arraycopy.overlap.c", Gc.getRefCount(c)); // 2: c, target[2]
        Object[] longer = Arrays.copyOf(source, 5);
        Out.put("copyOf.rc", Gc.getRefCount(longer)); // 1
        Out.put("copyOf.a", Gc.getRefCount(a)); // 7
        longer = null;
        target = null;
        source = null;
        Out.put("copies.dropped.a", Gc.getRefCount(a)); // 2: a, array[0]

        Node[] made = (Node[]) Array.newInstance(Node.class, 2);
        Out.put("newInstance.rc", Gc.getRefCount(made)); // 1
        Out.put("newInstance.tracked", Gc.isTracked(made)); // 1
        made[1] = a;
        Out.put("newInstance.element", Gc.getRefCount(a)); // 3
        made = null;
        Out.put("newInstance.dropped", Gc.getRefCount(a)); // 2
    }

    static void reflection() throws ReflectiveOperationException {
        Field field = Node.class.getDeclaredField("ref");
        Node holder = new Node();
        Node a = new Node();
        Node b = new Node();
        field.set(holder, b); // warm-up: the first use builds the field accessor
        field.set(holder, null);
        Out.begin();
        field.set(holder, a);
        Out.put("reflection.set.stored", Gc.getRefCount(a)); // 2
        field.set(holder, b);
        Out.put("reflection.set.old", Gc.getRefCount(a)); // 1
        Out.put("reflection.set.new", Gc.getRefCount(b)); // 2
        field.set(holder, null);
        Out.put("reflection.set.cleared", Gc.getRefCount(b)); // 1
    }

    static void serialization() throws Exception {
        // Warm-up: class descriptors, caches and the stream classes are set up by the first round trip.
        roundTrip(new SNode());
        Out.begin();
        SNode x = new SNode();
        SNode y = new SNode();
        x.next = y;
        y.next = x;
        SNode copy = (SNode) roundTrip(x);
        Out.put("serialization.rc", Gc.getRefCount(copy)); // 2: copy, copy.next.next
        Out.put("serialization.next.rc", Gc.getRefCount(copy.next)); // 1
        Out.put("serialization.tracked", Gc.isTracked(copy)); // 1
        copy = null;
        x = null;
        y = null;
        Out.put("serialization.collected", Out.collectCounting(SNode.class)); // 4: the original cycle and its copy
    }

    static Object roundTrip(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    static void multiNewArray() {
        Node[][] grid = new Node[2][3];
        Out.put("multianewarray.rc", Gc.getRefCount(grid)); // 1
        Out.put("multianewarray.row.rc", Gc.getRefCount(grid[1])); // 1
        Out.put("multianewarray.row.tracked", Gc.isTracked(grid[1])); // 1
        Node back = new Node();
        back.ref = grid;
        grid[1][2] = back;
        back = null;
        grid = null;
        // grid -> grid[1] -> back -> grid, and grid[0], only grid holds it.
        Out.put("multianewarray.collected", Gc.collect()); // 4
    }
}
