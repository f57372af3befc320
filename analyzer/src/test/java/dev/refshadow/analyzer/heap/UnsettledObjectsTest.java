package dev.refshadow.analyzer.heap;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * Events of two application threads applied out of order across threads: while the feeder is
 * not quiescent, an object recently touched waits at zero and the collector counts it as
 * referenced; once quiescent, or after two complete rounds, the shadow is exact again.
 */
class UnsettledObjectsTest {
    private static final int A = 1;
    private final Analyzer a = new Analyzer();
    private final int obj = a.defineClass("Obj", CONTAINER);
    private final int f = a.label("Obj.f");
    private final int g = a.label("Obj.g");
    private boolean quiescent;

    @Test
    void aRemovalAppliedBeforeItsInsertionDoesNotFree() {
        a.heap.setConfirming(() -> quiescent);
        int h = pinned();
        int x = heldInLocal();
        int y = pinned();
        // Thread B's "h.f = y (was x)" is applied before thread A's "h.f = x" and the end of A's local.
        a.storeField(h, f, x, y);
        assertTrue(a.heap.table.isLive(x), "x waits: another thread's increment may still come");
        a.storeField(h, f, 0, x);
        a.storeLocal(A, 0, 0);
        assertTrue(a.heap.table.isLive(x));
        assertEquals(0, EdgeSet.count(a.heap.table.edges[h], x, f), "the removal and the insertion cancelled");
        assertEquals(1, EdgeSet.count(a.heap.table.edges[h], y, f));
        quiescent = true;
        a.heap.flushZeroCounts();
        assertFalse(a.heap.table.isLive(x), "everything is in: at zero, unreachable");
        assertEquals(0, a.heap.anomalies.total());
    }

    @Test
    void withoutConfirmationTheSameOrderFreesTooEarly() {
        int h = pinned();
        int x = heldInLocal();
        int y = pinned();
        a.storeField(h, f, x, y);
        a.storeField(h, f, 0, x);
        assertEquals(1, a.heap.anomalies.count(Anomalies.Kind.FREED_OBJECT_SEEN));
    }

    @Test
    void aQuiescentFeederIsExactAtOnce() {
        quiescent = true;
        a.heap.setConfirming(() -> quiescent);
        int x = heldInLocal();
        a.storeLocal(A, 0, 0);
        assertFalse(a.heap.table.isLive(x));
    }

    @Test
    void theCollectorCountsAnUnsettledCycleAsReferenced() {
        a.heap.setConfirming(() -> quiescent);
        int x = heldInLocal();
        int z = a.allocate(obj, 0);
        a.storeField(x, f, 0, z);
        a.storeField(z, g, 0, x);
        a.storeLocal(A, 0, 0); // the cycle's last outside reference, perhaps ahead of another thread's store
        assertEquals(0, a.collect(), "touched this round while other events are pending: not garbage yet");
        completeRound();
        assertEquals(0, a.collect(), "touched in the previous round");
        completeRound();
        assertEquals(2, a.collect(), "untouched for two complete rounds: garbage");
    }

    @Test
    void aRoundWithAStoreInFlightDoesNotCount() {
        a.heap.setConfirming(() -> quiescent);
        int x = heldInLocal();
        a.storeLocal(A, 0, 0);
        for (int k = 0; k < 5; k++) {
            a.heap.beginRound(false); // some thread is between a store and its event
            a.heap.flushZeroCounts();
        }
        assertTrue(a.heap.table.isLive(x));
        completeRound();
        assertTrue(a.heap.table.isLive(x), "touched in the previous complete round");
        completeRound();
        assertFalse(a.heap.table.isLive(x));
    }

    private void completeRound() {
        a.heap.beginRound(true);
        a.heap.flushZeroCounts();
    }

    private int pinned() {
        int id = a.allocate(obj, 0);
        a.pin(id);
        return id;
    }

    private int heldInLocal() {
        a.frameEnter(A, 1);
        int id = a.allocate(obj, 0);
        a.storeLocal(A, 0, id);
        return id;
    }
}
