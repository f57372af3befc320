package dev.refshadow.analyzer.gc;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.HAS_FINALIZER;
import static dev.refshadow.analyzer.heap.ObjectTable.LEGACY_FINALIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of CPython's {@code Lib/test/test_gc.py} listed in shared/cpython-gc.md, with
 * CPython's measured results (instances are {@code __slots__} objects: no dicts to count).
 */
class CpythonScenariosTest {
    private final Program p = new Program();

    @Test
    void listContainingItself() {
        int l = p.newVar();
        p.set(l, "item0", l);
        p.drop(l);
        assertEquals(1, p.a.collect());
    }

    @Test
    void dictHoldingItself() {
        int d = p.newVar();
        p.set(d, "value1", d);
        p.drop(d);
        assertEquals(1, p.a.collect());
    }

    @Test
    void tupleAndListHoldingEachOther() {
        int t = p.newVar();
        int l = p.newVar();
        p.set(l, "item0", t);
        p.set(t, "item0", l);
        p.drop(t);
        p.drop(l);
        assertEquals(2, p.a.collect());
    }

    @Test
    void instanceHoldingItself() {
        int a = p.newVar();
        p.set(a, "a", a);
        p.drop(a);
        assertEquals(1, p.a.collect());
    }

    @Test
    void boundMethodStoredInItsInstance() {
        int self = p.newVar();
        int method = p.newIn(self, "init");
        p.set(method, "im_self", self);
        p.drop(self);
        assertEquals(2, p.a.collect());
    }

    @Test
    void functionAndItsGlobals() {
        int globals = p.newVar();
        int function = p.newIn(globals, "f");
        p.set(function, "globals", globals);
        p.drop(globals);
        assertEquals(2, p.a.collect());
    }

    @Test
    void saveAllKeepsGarbageInGcGarbageUntracked() {
        p.a.gc.setDebug(GcState.DEBUG_SAVEALL);
        int l = p.newVar();
        p.set(l, "item0", l);
        p.drop(l);
        assertEquals(1, p.a.collect());
        assertArrayEquals(new int[] {l}, p.a.garbage());
        assertFalse(p.a.isTracked(l), "CPython's delete_garbage untracks what DEBUG_SAVEALL keeps");
        assertEquals(2, p.a.getRefCount(l), "its own reference and gc.garbage's");
        p.a.gc.setDebug(0);
        p.a.clearGarbage();
        assertEquals(0, p.a.collect(), "untracked, it is never collected again");
    }

    @Test
    void getCountCountsContainerAllocations() {
        p.a.collect();
        assertArrayEquals(new int[] {0, 0, 0}, p.a.gc.getCount());
        p.newVar();
        assertArrayEquals(new int[] {1, 0, 0}, p.a.gc.getCount());
        p.newVar(p.atom);
        assertArrayEquals(new int[] {1, 0, 0}, p.a.gc.getCount(), "atoms are not containers");
    }

    @Test
    void collectGenerationsTrickleObjectsAndCounts() {
        p.a.collect();
        p.newVar();
        p.a.collect(0);
        assertEquals(List.of(1, 0), counts12());
        p.a.collect(1);
        assertEquals(List.of(0, 1), counts12());
        p.a.collect(2);
        assertEquals(List.of(0, 0), counts12());
    }

    @Test
    void getStatsCountsOnlyTheCollectedGeneration() {
        List<GenerationStats> before = p.a.gc.getStats();
        p.a.collect(0);
        List<GenerationStats> after0 = p.a.gc.getStats();
        assertEquals(before.get(0).collections() + 1, after0.get(0).collections());
        assertEquals(before.get(2).collections(), after0.get(2).collections());
        p.a.collect(2);
        List<GenerationStats> after2 = p.a.gc.getStats();
        assertEquals(after0.get(0).collections(), after2.get(0).collections());
        assertEquals(after0.get(2).collections() + 1, after2.get(2).collections());
    }

    @Test
    void freezeMovesEverythingToThePermanentGenerationAndBack() {
        int a = p.newVar();
        p.set(a, "a", a);
        p.a.freeze();
        assertTrue(p.a.getFreezeCount() > 0);
        p.drop(a);
        assertEquals(0, p.a.collect(), "frozen objects are never scanned");
        p.a.unfreeze();
        assertEquals(0, p.a.getFreezeCount());
        assertEquals(1, p.a.collect(), "unfrozen into generation 2, the cycle is found");
    }

    @Test
    void resurrectionDoesNotBlockCleanupOfOtherObjects() {
        int selfLoop = p.object;
        int resurrecting = p.a.defineClass("Z", CONTAINER | HAS_FINALIZER);
        int zs = p.newVar();
        List<Integer> resurrected = new ArrayList<>();
        p.a.collector.setFinalizerHook(id -> {
            p.set(zs, "item" + resurrected.size(), id);
            resurrected.add(id);
        });
        p.a.collect();

        for (int i = 0; i < 100; i++) {
            selfLoop(selfLoop);
        }
        assertEquals(100, collectAndCheckStats(100));

        selfLoop(resurrecting);
        assertEquals(0, collectAndCheckStats(0), "Z is merely resurrected");

        for (int i = 0; i < 100; i++) {
            selfLoop(selfLoop);
        }
        selfLoop(resurrecting);
        assertEquals(100, collectAndCheckStats(100));

        for (int i = 0; i < resurrected.size(); i++) {
            p.set(zs, "item" + i, 0);
        }
        assertEquals(2, collectAndCheckStats(2), "finalizers run once: the two Z die now");
    }

    private void selfLoop(int classId) {
        int x = p.newVar(classId);
        p.set(x, "me", x);
        p.drop(x);
    }

    private long collectAndCheckStats(long expectedCollected) {
        GenerationStats before = p.a.gc.getStats().get(2);
        long found = p.a.collect();
        GenerationStats after = p.a.gc.getStats().get(2);
        assertEquals(expectedCollected, after.collected() - before.collected());
        assertEquals(0, after.uncollectable() - before.uncollectable());
        return found;
    }

    @Test
    void ringOfAThousand() {
        p.drop(p.ring(1000));
        assertEquals(1000, p.a.collect());
    }

    @Test
    void ringWithOneExternalReference() {
        int first = p.ring(10);
        assertEquals(0, p.a.collect());
        p.drop(first);
        assertEquals(10, p.a.collect());
    }

    @Test
    void cyclePromotedByYoungCollectionIsFoundByTheOlderOne() {
        int a = p.newVar();
        p.set(a, "a", a);
        p.a.collect(0);
        p.drop(a);
        assertEquals(0, p.a.collect(0));
        assertEquals(1, p.a.collect(1));
    }

    @Test
    void youngCycleOnlyHolderOfOldObjectCountsOnlyTheCycle() {
        int old = p.newVar();
        p.a.collect();
        int young = p.newVar();
        p.set(young, "me", young);
        p.set(young, "old", old);
        p.drop(old);
        p.drop(young);
        long freedBefore = p.a.heap.freedByRefcount();
        assertEquals(1, p.a.collect(0));
        assertFalse(p.a.heap.table.isLive(old), "freed by refcount when the cycle was cleared");
        assertEquals(freedBefore + 1, p.a.heap.freedByRefcount());
    }

    @Test
    void thresholdsFiveTwoTwoCollectGenerationsInCpythonsOrder() {
        // A large long-lived population, as an interpreter has, so that the 25 % rule holds gen 2 back.
        int keep = p.newVar();
        for (int i = 0; i < 1000; i++) {
            p.newIn(keep, "old" + i);
        }
        p.a.collect();
        List<Integer> generations = new ArrayList<>();
        p.a.gc.callbacks().add((phase, info) -> {
            if (phase.equals("start")) {
                generations.add(info.generation());
            }
        });
        p.a.gc.setThreshold(5, 2, 2);
        for (int i = 0; i < 100; i++) {
            p.newIn(keep, "young" + i);
        }
        assertEquals(List.of(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1), generations.subList(0, 12));
        assertFalse(generations.contains(2), "generation 2 waits for 25 % of its population: " + generations);
    }

    @Test
    void legacyFinalizerMakesItsCycleUncollectable() {
        int legacy = p.a.defineClass("WithTpDel", CONTAINER | LEGACY_FINALIZER);
        int x = p.newVar(legacy);
        int y = p.newIn(x, "y");
        p.set(y, "x", x);
        p.drop(x);
        assertEquals(2, p.a.collect());
        GenerationStats stats = p.a.gc.getStats().get(2);
        assertEquals(2, stats.uncollectable());
        assertEquals(0, stats.collected());
        assertArrayEquals(new int[] {x}, p.a.garbage(), "only the object with tp_del goes to gc.garbage");
        assertTrue(p.a.heap.table.isLive(y));
    }

    @Test
    void callbacksSeeStartAndStopWithTheirCounts() {
        List<String> calls = new ArrayList<>();
        p.a.gc.callbacks().add((phase, info) -> calls.add(phase + " " + info));
        p.drop(p.ring(3));
        p.a.collect(1);
        assertEquals(List.of("start CollectionInfo[generation=1, collected=0, uncollectable=0]",
                "stop CollectionInfo[generation=1, collected=3, uncollectable=0]"), calls);
    }

    @Test
    void collectDuringACollectionReturnsZero() {
        List<Long> nested = new ArrayList<>();
        p.a.gc.callbacks().add((phase, info) -> nested.add(p.a.collect()));
        p.drop(p.ring(3));
        assertEquals(3, p.a.collect());
        assertEquals(List.of(0L, 0L), nested);
    }

    @Test
    void debugStatsAndCollectablePrintCpythonsLines() {
        List<String> lines = new ArrayList<>();
        p.a.collector.setDebugOutput(lines::add);
        p.a.gc.setDebug(GcState.DEBUG_STATS | GcState.DEBUG_COLLECTABLE);
        int a = p.newVar();
        p.set(a, "a", a);
        p.drop(a);
        p.a.collect(0);
        assertEquals("gc: collecting generation 0...", lines.get(0));
        assertEquals("gc: objects in each generation: 1 0 0", lines.get(1));
        assertEquals("gc: objects in permanent generation: 0", lines.get(2));
        assertEquals("gc: collectable <Obj #" + a + ">", lines.get(3));
        assertTrue(lines.get(4).startsWith("gc: done, 1 unreachable, 0 uncollectable, "), lines.get(4));
    }

    @Test
    void referrersAndReferents() {
        int a = p.newVar();
        int b = p.newIn(a, "b");
        p.set(b, "back", a);
        assertArrayEquals(new int[] {b}, p.a.getReferents(a));
        assertArrayEquals(new int[] {a}, p.a.getReferrers(b));
        assertArrayEquals(new int[] {b}, p.a.getReferrers(a));
    }

    @Test
    void onlyContainersAreTracked() {
        int atom = p.newVar(p.atom);
        int obj = p.newVar();
        assertFalse(p.a.isTracked(atom));
        assertTrue(p.a.isTracked(obj));
        p.set(obj, "s", atom);
        assertEquals(2, p.a.getRefCount(atom));
    }

    @Test
    void weakReferencesToGarbageAreCleared() {
        int ref = p.newVar();
        int target = p.newVar();
        p.set(target, "me", target);
        p.a.setWeakReferent(ref, target);
        assertEquals(target, p.a.heap.weakReferences.referentOf(ref));
        assertEquals(2, p.a.getRefCount(target), "the weak referent is not counted");
        p.drop(target);
        assertEquals(1, p.a.collect());
        assertEquals(0, p.a.heap.weakReferences.referentOf(ref));
        assertEquals(1, p.a.collector.weakReferencesCleared());
    }

    @Test
    void collectRejectsBadGenerations() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> p.a.collect(3));
        assertEquals("invalid generation 3: must be 0, 1 or 2", e.getMessage());
    }

    private List<Integer> counts12() {
        int[] c = p.a.gc.getCount();
        return List.of(c[1], c[2]);
    }
}
