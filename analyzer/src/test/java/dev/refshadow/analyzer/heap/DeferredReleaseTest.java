package dev.refshadow.analyzer.heap;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.Analyzer;
import org.junit.jupiter.api.Test;

/** Events of two threads applied out of order: a removal before its insertion must not free the target. */
class DeferredReleaseTest {
    private final Analyzer a = new Analyzer();
    private final int obj = a.defineClass("Obj", CONTAINER);
    private final int f = a.label("Obj.f");

    @Test
    void removalBeforeInsertionCancelsWhenReleaseIsDeferred() {
        int h = pinned();
        int x = pinned();
        int y = pinned();
        a.heap.setDeferRelease(true);
        // Thread B's "h.f = y (was x)" is applied before thread A's "h.f = x (was null)".
        a.storeField(h, f, x, y);
        a.storeField(h, f, 0, x);
        a.heap.setDeferRelease(false);
        a.heap.flushZeroCounts();
        assertTrue(a.heap.table.isLive(x), "x was held by h.f between the two stores");
        assertEquals(0, a.heap.anomalies.total());
        assertEquals(1, a.getRefCount(x), "its pin; the two h.f changes cancel");
        assertEquals(0, EdgeSet.count(a.heap.table.edges[h], x, f), "the removal and the insertion cancelled");
        assertEquals(1, EdgeSet.count(a.heap.table.edges[h], y, f));
    }

    @Test
    void withoutDeferralTheSameOrderFreesTooEarly() {
        int h = pinned();
        int x = pinned();
        int y = pinned();
        a.storeField(h, f, x, y);
        a.storeField(h, f, 0, x);
        assertEquals(1, a.heap.anomalies.count(Anomalies.Kind.FREED_OBJECT_SEEN));
    }

    private int pinned() {
        int id = a.allocate(obj, 0);
        a.pin(id);
        return id;
    }
}
