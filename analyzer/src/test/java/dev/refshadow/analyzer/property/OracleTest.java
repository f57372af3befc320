package dev.refshadow.analyzer.property;

import static dev.refshadow.analyzer.property.Oracle.NULL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle on small graphs whose answers cpython-gc.md gives, or that follow from CPython's rules by hand. */
class OracleTest {
    private final Oracle oracle = new Oracle();

    /** A container held by one external reference. */
    private int newVar() {
        int o = oracle.allocate(true);
        oracle.addExternal(o);
        return o;
    }

    private int newUntracked() {
        int o = oracle.allocate(false);
        oracle.addExternal(o);
        return o;
    }

    /** {@code holder.field = target}, the field being null before. */
    private void set(int holder, String field, int target) {
        oracle.store(holder, field, NULL, target);
    }

    private int[] ring(int n) {
        int[] ring = new int[n];
        for (int i = 0; i < n; i++) {
            ring[i] = newVar();
        }
        for (int i = 0; i < n; i++) {
            set(ring[i], "next", ring[(i + 1) % n]);
        }
        return ring;
    }

    private void drop(int... objects) {
        for (int o : objects) {
            oracle.removeExternal(o);
        }
    }

    @Test
    void refcountingFreesAChainButNotARing() {
        int[] chain = {newVar(), newVar(), newVar()};
        set(chain[0], "next", chain[1]);
        set(chain[1], "next", chain[2]);
        int[] ring = ring(3);
        drop(chain);
        drop(ring);
        assertEquals(List.of(chain[0], chain[1], chain[2]), oracle.releaseByRefcount().stream().sorted().toList());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, oracle.refCounts());
        assertEquals(3, oracle.collect(2).found());
        assertEquals(0, oracle.liveCount());
    }

    @Test
    void ringOfTenWithOneExternalReference() {
        int[] ring = ring(10);
        drop(ring);
        oracle.addExternal(ring[0]);
        oracle.releaseByRefcount();
        assertEquals(0, oracle.collect(2).found());
        oracle.removeExternal(ring[0]);
        oracle.releaseByRefcount();
        assertEquals(10, oracle.collect(2).found());
    }

    @Test
    void cyclePromotedByAYoungCollectionIsFoundByTheNextGeneration() {
        int[] ring = ring(2);
        assertEquals(0, oracle.collect(0).found());
        assertEquals(1, oracle.generation(ring[0]));
        drop(ring);
        oracle.releaseByRefcount();
        assertEquals(0, oracle.collect(0).found());
        assertEquals(2, oracle.collect(1).found());
    }

    @Test
    void youngCycleThatAloneHoldsAnOldObjectFreesItWithoutCountingIt() {
        int old = newVar();
        oracle.collect(1);
        int[] ring = ring(2);
        set(ring[0], "old", old);
        drop(old);
        drop(ring);
        oracle.releaseByRefcount();
        Oracle.Outcome outcome = oracle.collect(0);
        assertEquals(2, outcome.found());
        assertTrue(outcome.freed().contains(old));
        assertEquals(0, oracle.liveCount());
    }

    @Test
    void oldGarbageHoldingAYoungCycleIsAnExternalReferenceForYoungCollections() {
        int old = newVar();
        set(old, "self", old);
        oracle.collect(1);
        int[] ring = ring(2);
        set(old, "young", ring[0]);
        drop(ring);
        drop(old);
        oracle.releaseByRefcount();
        assertEquals(0, oracle.collect(0).found(), "the old object is not examined");
        assertEquals(1, oracle.generation(ring[0]));
        assertEquals(3, oracle.collect(2).found());
    }

    @Test
    void untrackedObjectIsNeverGarbageButFreedWithTheCycleThatHoldsIt() {
        int[] ring = ring(2);
        int blob = newUntracked();
        set(ring[0], "blob", blob);
        drop(ring);
        drop(blob);
        oracle.releaseByRefcount();
        Oracle.Outcome outcome = oracle.collect(2);
        assertEquals(2, outcome.found());
        assertEquals(3, outcome.freed().size());
    }

    @Test
    void untrackedHolderIsAnExternalReferenceEvenWhenOnlyGarbageHoldsIt() {
        int[] ring = ring(2);
        int blob = newUntracked();
        int[] held = ring(2);
        set(ring[0], "blob", blob);
        set(blob, "held", held[0]);
        drop(ring);
        drop(blob);
        drop(held);
        oracle.releaseByRefcount();

        Oracle.Outcome first = oracle.collect(2);
        assertEquals(2, first.found(), "the ring only: the blob keeps the second ring reachable");
        assertFalse(oracle.isLive(blob), "the blob is freed by refcount with the ring");
        assertTrue(oracle.isLive(held[0]));
        assertEquals(2, oracle.collect(2).found(), "the second ring, now that nothing holds it");
    }

    @Test
    void edgeMultiplicityCountsEveryReference() {
        int a = newVar();
        int b = newVar();
        oracle.store(a, "[*]", NULL, b);
        oracle.store(a, "[*]", NULL, b);
        oracle.store(a, "[*]", NULL, b);
        assertEquals(4, oracle.refCounts()[b]);
        oracle.store(a, "[*]", b, NULL);
        assertEquals(3, oracle.refCounts()[b]);
        assertEquals(2, oracle.edges(a).get(new Edge(b, "[*]")));
    }
}
