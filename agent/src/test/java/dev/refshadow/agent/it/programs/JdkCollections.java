package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JDK's own collections, instrumented inside java.base: ArrayList growth, HashMap resize
 * and the keySet view that makes a map cyclic, TreeMap and LinkedList (cyclic inside),
 * ConcurrentHashMap and the atomics (Unsafe/VarHandle stores). The expected figure is in the
 * comment at the end of each line.
 */
public final class JdkCollections {
    static final class Node {
        Object ref;
    }

    private JdkCollections() {
    }

    public static void main(String[] args) {
        Out.begin(Node.class);
        try {
            arrayList();
            hashMap();
            treeMap();
            linkedList();
            concurrentHashMap();
            atomics();
        } finally {
            Out.print();
        }
    }

    static void arrayList() {
        ArrayList<Object> list = new ArrayList<>();
        Node a = new Node();
        Node b = new Node();
        list.add(a);
        for (int i = 0; i < 99; i++) {
            list.add(b); // grows 10 -> 15 -> 22 -> 33 -> 49 -> 73 -> 109 with Arrays.copyOf
        }
        Out.put("arraylist.grown.first", Gc.getRefCount(a)); // 2: a, elementData[0]
        Out.put("arraylist.grown.repeated", Gc.getRefCount(b)); // 100
        list.remove(0); // System.arraycopy shifts left, then the last slot is cleared
        Out.put("arraylist.removed", Gc.getRefCount(a)); // 1
        Out.put("arraylist.shifted", Gc.getRefCount(b)); // 100
        list.add(a);
        list = null; // freed by refcount, and its elementData with it
        Out.put("arraylist.dropped.first", Gc.getRefCount(a)); // 1
        Out.put("arraylist.dropped.repeated", Gc.getRefCount(b)); // 1
        Out.put("arraylist.dropped.collected", Gc.collect()); // 0
    }

    static void hashMap() {
        HashMap<Object, Object> map = new HashMap<>();
        Node key = new Node();
        Node value = new Node();
        map.put(key, value);
        for (int i = 0; i < 100; i++) {
            map.put(Integer.valueOf(i), value); // resizes 16 -> 32 -> 64 -> 128 -> 256
        }
        Out.put("hashmap.resized.key", Gc.getRefCount(key)); // 2: key, its node
        Out.put("hashmap.resized.value", Gc.getRefCount(value)); // 102: value, 101 nodes
        map.remove(key); // the moved node is unlinked and freed: it had exactly one reference
        Out.put("hashmap.removed.key", Gc.getRefCount(key)); // 1
        Out.put("hashmap.removed.value", Gc.getRefCount(value)); // 101
        map = null;
        Out.put("hashmap.dropped.value", Gc.getRefCount(value)); // 1
        Out.put("hashmap.dropped.collected", Gc.collect()); // 0

        HashMap<String, Integer> viewed = new HashMap<>();
        viewed.put("a", 1);
        viewed.put("b", 2);
        viewed.put("c", 3);
        viewed.keySet(); // cached in the map: HashMap <-> KeySet (this$0)
        viewed = null;
        Out.put("hashmap.keyset.collected", Gc.collect()); // 6: HashMap, KeySet, table, 3 nodes
    }

    static void treeMap() {
        TreeMap<String, Integer> single = new TreeMap<>();
        single.put("a", 1);
        single = null;
        Out.put("treemap.single.collected", Gc.collect()); // 0
        TreeMap<String, Integer> three = new TreeMap<>();
        three.put("a", 1);
        three.put("b", 2);
        three.put("c", 3);
        three = null; // the map is freed by refcount; its entries point at their parent
        Out.put("treemap.three.collected", Gc.collect()); // 3
    }

    static void linkedList() {
        LinkedList<String> list = new LinkedList<>();
        list.add("a");
        list.add("b");
        list.add("c");
        list.remove("b"); // unlinked and cleared: freed by refcount
        list.add("d");
        list = null; // freed by refcount; its nodes point at each other (next, prev)
        Out.put("linkedlist.collected", Gc.collect()); // 3
    }

    static void concurrentHashMap() {
        ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();
        Node key = new Node();
        Node value = new Node();
        map.put(key, value); // initTable, then casTabAt: an Unsafe CAS inside java.base
        Out.put("chm.key", Gc.getRefCount(key)); // 2
        Out.put("chm.value", Gc.getRefCount(value)); // 2
        for (int i = 0; i < 100; i++) {
            map.put(Integer.valueOf(i), value); // transfers to bigger tables
        }
        Out.put("chm.resized.key", Gc.getRefCount(key)); // 2
        Out.put("chm.resized.value", Gc.getRefCount(value)); // 102
        map.remove(key);
        Out.put("chm.removed.key", Gc.getRefCount(key)); // 1
        map.clear();
        Out.put("chm.cleared.value", Gc.getRefCount(value)); // 1
        map.put(key, value);
        map = null;
        Out.put("chm.dropped.value", Gc.getRefCount(value)); // 1
        Out.put("chm.dropped.collected", Gc.collect()); // 0
    }

    static void atomics() {
        Node a = new Node();
        Node b = new Node();
        AtomicReference<Object> ref = new AtomicReference<>();
        ref.set(a);
        Out.put("atomic.set", Gc.getRefCount(a)); // 2
        ref.compareAndSet(a, b); // VarHandle CAS
        Out.put("atomic.cas.old", Gc.getRefCount(a)); // 1
        Out.put("atomic.cas.new", Gc.getRefCount(b)); // 2
        ref.getAndSet(a); // VarHandle getAndSet; the returned b is dropped
        Out.put("atomic.getAndSet.old", Gc.getRefCount(b)); // 1
        Out.put("atomic.getAndSet.new", Gc.getRefCount(a)); // 2
        ref.lazySet(null); // VarHandle setRelease
        Out.put("atomic.lazySet", Gc.getRefCount(a)); // 1

        AtomicReferenceArray<Object> array = new AtomicReferenceArray<>(4);
        array.set(2, a); // VarHandle array element store
        Out.put("atomic.array.set", Gc.getRefCount(a)); // 2
        array.compareAndSet(2, a, b);
        Out.put("atomic.array.cas.old", Gc.getRefCount(a)); // 1
        Out.put("atomic.array.cas.new", Gc.getRefCount(b)); // 2
        array = null;
        ref = null;
        Out.put("atomic.dropped", Gc.getRefCount(b)); // 1
    }
}
