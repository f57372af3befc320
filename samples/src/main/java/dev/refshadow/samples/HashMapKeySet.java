package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.HashMap;
import java.util.Map;

/**
 * A HashMap is acyclic until {@code keySet()} (or {@code values()}, {@code entrySet()}) is
 * called: the map caches the view, and the view, an inner class, points back at the map. Dropped
 * after that, the map, its view, its table and its nodes are cyclic garbage.
 */
public final class HashMapKeySet {
    private HashMapKeySet() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(HashMapKeySet.class);

        Map<String, Integer> plain = scores();
        plain = null;
        f.put("plain.collected", Gc.collect()); // nothing: freed by reference counting

        Map<String, Integer> viewed = scores();
        f.put("name.letters", letters(viewed));
        viewed = null;
        f.put("viewed.collected", Gc.collect()); // HashMap, KeySet, table, 3 nodes
        f.print();
    }

    static Map<String, Integer> scores() {
        Map<String, Integer> m = new HashMap<>();
        m.put("ada", 3);
        m.put("grace", 5);
        m.put("linus", 2);
        return m;
    }

    static long letters(Map<String, Integer> m) {
        long n = 0;
        for (String name : m.keySet()) {
            n += name.length();
        }
        return n;
    }
}
