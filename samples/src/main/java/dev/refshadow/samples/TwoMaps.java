package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.HashMap;
import java.util.Map;

/**
 * Seed example: two maps that refer to each other ({@code object_1['obj2'] = object_2;
 * object_2['obj1'] = object_1}), found under {@code DEBUG_SAVEALL}, which keeps the garbage in
 * {@code Gc.garbage()} instead of freeing it. A Python dict is one object; a {@code HashMap} is
 * three here (the map, its table, one node): {@code java.collected} counts them all, the shared
 * figure {@code garbage.maps} counts the maps. Python twin: {@code samples/python/two_maps.py}.
 */
public final class TwoMaps {
    private TwoMaps() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(TwoMaps.class);
        Gc.setDebug(Gc.DEBUG_SAVEALL);

        Map<String, Object> object1 = new HashMap<>();
        Map<String, Object> object2 = new HashMap<>();
        object1.put("obj2", object2);
        object2.put("obj1", object1);
        f.put("refcount", Gc.getRefCount(object1)); // the variable and object2's entry
        object1 = null;
        object2 = null;
        f.put("java.collected", Gc.collect()); // 2 x (HashMap, Node[] table, Node)
        f.put("garbage.maps", Figures.inGarbage(Map.class));
        f.print();
    }
}
