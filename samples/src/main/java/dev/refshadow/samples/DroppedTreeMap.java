package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.TreeMap;

/**
 * A TreeMap dropped with three entries: the map is freed by reference counting, but every
 * entry points at its parent, and the parent at its children. With one entry there is no cycle.
 */
public final class DroppedTreeMap {
    private DroppedTreeMap() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(DroppedTreeMap.class);

        TreeMap<String, Integer> one = new TreeMap<>();
        one.put("a", 1);
        one = null;
        f.put("one.entry.collected", Gc.collect());

        TreeMap<String, Integer> ages = new TreeMap<>();
        ages.put("ada", 36);
        ages.put("grace", 85);
        ages.put("linus", 28);
        ages = null;
        f.put("three.entries.collected", Gc.collect()); // the three entries
        f.print();
    }
}
