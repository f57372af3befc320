package dev.refshadow.agent.verify;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.GcState;
import dev.refshadow.analyzer.heap.Anomalies;
import dev.refshadow.report.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judging rules, offline: the JVM's reclamation of a watched object is simulated by
 * clearing its watch, as the JVM's collector does.
 */
class VerifierTest {
    private final Analyzer a = new Analyzer();
    private final int node = a.defineClass("Node", CONTAINER);
    private final int next = a.label("Node.next");
    private final Verifier verifier = Verifier.forOption("true");
    private final WatchingObjectIds ids = new WatchingObjectIds(verifier);

    VerifierTest() {
        a.heap.setFreeListener(ids::remove);
    }

    /** A new object with an id, held by a static field. */
    private int held(Object o) {
        int id = a.allocate(node, a.site("Test.held(Test.java:1)"));
        ids.put(o, id);
        a.storeStatic(0, id);
        return id;
    }

    private void reclaimByJvm(int id) {
        verifier.watchOf(id).clear();
    }

    @Test
    void freedByRefcountBeforeTheJvmReclaimsItAgrees() {
        Object o = new Object();
        int id = held(o);
        assertEquals(id, ids.get(o));
        Watch w = verifier.watchOf(id);
        a.storeStatic(id, 0);
        w.clear();
        Verification v = verifier.finish(a);
        assertEquals(1, v.reclaimedByJvm());
        assertEquals(1, v.agreed());
        assertEquals(1.0, v.agreement());
    }

    @Test
    void freedLaterThanTheJvmReclaimedItAgrees() {
        int id = held(new Object());
        reclaimByJvm(id);
        verifier.sweep();
        a.storeStatic(id, 0); // the releasing event was still in a buffer
        Verification v = verifier.finish(a);
        assertEquals(1, v.agreed());
        assertEquals(0, v.keptAliveOutsideCycles());
    }

    @Test
    void foundAsCyclicGarbageAgrees() {
        int x = held(new Object());
        int y = held(new Object());
        a.storeField(x, next, 0, y);
        a.storeField(y, next, 0, x);
        a.storeStatic(x, 0);
        a.storeStatic(y, 0);
        reclaimByJvm(x);
        reclaimByJvm(y);
        verifier.sweep();
        a.collect();
        Verification v = verifier.finish(a);
        assertEquals(2, v.agreed());
        assertEquals(1.0, v.agreement());
    }

    @Test
    void aCycleKeptInGcGarbageAgrees() {
        a.gc.setDebug(GcState.DEBUG_SAVEALL);
        int x = held(new Object());
        a.storeField(x, next, 0, x);
        a.storeStatic(x, 0);
        a.collect();
        reclaimByJvm(x);
        Verification v = verifier.finish(a);
        assertEquals(1, v.agreed());
        assertEquals(0, v.keptAliveOutsideCycles());
    }

    @Test
    void stillHeldAtExitIsKeptAliveAndAnAnomaly() {
        int kept = held(new Object());
        int freed = held(new Object());
        reclaimByJvm(kept);
        reclaimByJvm(freed);
        a.storeStatic(freed, 0);
        Verification v = verifier.finish(a);
        assertEquals(2, v.reclaimedByJvm());
        assertEquals(1, v.keptAliveOutsideCycles());
        assertEquals(0.5, v.agreement());
        assertEquals(1, a.heap.anomalies.count(Anomalies.Kind.JVM_COLLECTED_LIVE));
        assertEquals(List.of("Node allocated at Test.held(Test.java:1) (count 1)"),
                a.heap.anomalies.examples(Anomalies.Kind.JVM_COLLECTED_LIVE));
    }

    @Test
    void discoveredObjectsAreNotJudged() {
        int id = a.discover(node, 0);
        ids.put(new Object(), id);
        a.pin(id);
        reclaimByJvm(id);
        Verification v = verifier.finish(a);
        assertEquals(1, v.discovered());
        assertEquals(0, v.keptAliveOutsideCycles());
        assertEquals(1.0, v.agreement());
    }

    @Test
    void heldOnlyThroughADiscoveredObjectIsNotJudged() {
        int pinned = a.discover(node, 0);
        Object stillThere = new Object();
        ids.put(stillThere, pinned);
        a.pin(pinned);
        int x = held(new Object());
        int y = held(new Object());
        a.storeField(pinned, next, 0, x);
        a.storeStatic(x, 0);
        a.storeField(x, next, 0, y); // y is also held by a static: kept alive
        reclaimByJvm(x);
        reclaimByJvm(y);
        Verification v = verifier.finish(a);
        assertEquals(1, v.discovered());
        assertEquals(1, v.keptAliveOutsideCycles());
        assertSame(stillThere, ids.object(pinned));
    }

    @Test
    void aFreedObjectReachingABarrierIsAPrematureFree() {
        Object o = new Object();
        int id = held(o);
        Watch w = verifier.watchOf(id);
        a.storeStatic(id, 0);
        assertEquals(0, ids.get(o), "the shadow freed it: it is unknown, and will be discovered anew");
        assertEquals(0, ids.get(o), "counted once");
        w.clear();
        Verification v = verifier.finish(a);
        assertEquals(1, v.prematureFrees());
        assertEquals(0, v.agreed(), "a premature free never agrees");
        assertEquals(0.0, v.agreement());
    }

    @Test
    void aFreedIdForgetsItsObject() {
        Object o = new Object();
        int id = held(o);
        assertSame(o, ids.object(id));
        a.storeStatic(id, 0);
        assertNull(ids.object(id), "the id may be reused for another object");
        assertNull(verifier.watchOf(id));
    }

    @Test
    void aWatchedIdBeyondTheStrongTableIsFreed() {
        int leaf = a.defineClass("Leaf", 0);
        while (a.allocate(leaf, 0) < 1 << 17) {
            // ids past the strong table's first capacity: only watched objects got them
        }
        Object o = new Object();
        int id = held(o);
        assertSame(o, ids.object(id));
        a.storeStatic(id, 0);
        assertNull(ids.object(id));
    }

    @Test
    void aSampleWatchesOneObjectInN() {
        Verifier sampling = Verifier.forOption("sample:3");
        WatchingObjectIds sampled = new WatchingObjectIds(sampling);
        Object[] objects = new Object[7];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = new Object();
            sampled.put(objects[i], a.allocate(node, 0));
        }
        for (Object o : objects) {
            assertTrue(sampled.get(o) != 0, "watched or not, every object keeps its id");
        }
        Verification v = sampling.finish(a);
        assertEquals("sample:3", v.mode());
        assertEquals(3, v.watched(), "the 1st, 4th and 7th");
    }

    @Test
    void theShadowNeverDiscoversAWatch() {
        Shadow shadow = new Shadow(a, ids);
        int id = held(new Object());
        Watch w = verifier.watchOf(id);
        assertEquals(0, shadow.idOf(w), "the Reference Handler passes watches through its locals: they read as null");
        assertEquals(0, a.discovered());
    }

    @Test
    void verifyFalseWatchesNothing() {
        assertNull(Verifier.forOption("false"));
        assertEquals("all", Verifier.forOption("true").finish(a).mode());
    }
}
