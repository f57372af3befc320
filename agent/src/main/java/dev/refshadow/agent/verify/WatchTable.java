package dev.refshadow.agent.verify;

import java.util.ArrayList;
import java.util.List;

/** Watches by their object's identity (chained buckets), holding no object strongly. */
final class WatchTable {
    private Watch[] buckets = new Watch[1024];
    private int size;

    void add(Watch w) {
        if (size == buckets.length) {
            grow();
        }
        int b = w.hash & (buckets.length - 1);
        w.next = buckets[b];
        buckets[b] = w;
        size++;
    }

    /** The watch of {@code o}, null if it has none. */
    Watch find(Object o) {
        for (Watch w = buckets[System.identityHashCode(o) & (buckets.length - 1)]; w != null; w = w.next) {
            if (w.refersTo(o)) {
                return w;
            }
        }
        return null;
    }

    void remove(Watch w) {
        int b = w.hash & (buckets.length - 1);
        if (buckets[b] == w) {
            buckets[b] = w.next;
        } else {
            Watch before = buckets[b];
            while (before != null && before.next != w) {
                before = before.next;
            }
            if (before == null) {
                return;
            }
            before.next = w.next;
        }
        w.next = null;
        size--;
    }

    /** The watches whose object the JVM has reclaimed. */
    List<Watch> cleared() {
        List<Watch> out = new ArrayList<>();
        for (Watch first : buckets) {
            for (Watch w = first; w != null; w = w.next) {
                if (w.refersTo(null)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    int size() {
        return size;
    }

    private void grow() {
        Watch[] old = buckets;
        buckets = new Watch[old.length * 2];
        for (Watch first : old) {
            Watch w = first;
            while (w != null) {
                Watch next = w.next;
                int b = w.hash & (buckets.length - 1);
                w.next = buckets[b];
                buckets[b] = w;
                w = next;
            }
        }
    }
}
