package dev.refshadow.report;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static dev.refshadow.analyzer.heap.ObjectTable.HAS_FINALIZER;
import static dev.refshadow.analyzer.heap.ObjectTable.LEGACY_FINALIZER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LeakRecorderTest {
    private static final String ALLOC = "com.acme.Main.build(Main.java:10)";
    private static final String CLOSE = "com.acme.Main.run(Main.java:20)";

    /** Runs {@code program} on a fresh analyzer, collects, and returns the groups. */
    private static List<LeakGroup> groupsOf(Consumer<LeakProgram> program) {
        LeakProgram p = new LeakProgram();
        program.accept(p);
        p.collect();
        return p.recorder.groups();
    }

    private static LeakGroup onlyGroup(Consumer<LeakProgram> program) {
        List<LeakGroup> groups = groupsOf(program);
        assertEquals(1, groups.size(), groups.toString());
        return groups.get(0);
    }

    private static void threeRing(LeakProgram p) {
        p.ring(0, "com.acme.Link", 3, ALLOC);
        p.clear(0, CLOSE);
    }

    @Test
    void threeRingIsOneGroupWithItsThreeEdgesAndTheBackEdgeLast() {
        LeakGroup g = onlyGroup(LeakRecorderTest::threeRing);
        assertEquals(3, g.objects());
        assertEquals(1, g.instances());
        assertEquals(48, g.shallowBytes());
        assertEquals(List.of(new ClassCount("com.acme.Link", 3, 48)), g.classes());
        assertEquals(3, g.cycleLength());
        CycleEdge link = new CycleEdge("com.acme.Link", "next", "com.acme.Link", false);
        assertEquals(List.of(link, link, new CycleEdge("com.acme.Link", "next", "com.acme.Link", true)), g.edges());
        assertEquals(List.of(new SiteCount(ALLOC, 3)), g.allocationSites());
        assertTrue(g.fingerprint().matches("[0-9a-f]{16}"), g.fingerprint());
        assertFalse(g.finalizers());
        assertEquals(0, g.uncollectable());
    }

    @Test
    void closingWriteIsTheLocalStoreThatReleasedTheRing() {
        LeakGroup g = onlyGroup(LeakRecorderTest::threeRing);
        assertEquals("local", g.closingWrite().kind());
        assertEquals(CLOSE, g.closingWrite().site());
        assertEquals(List.of(CLOSE), g.closingWrite().stack());
        assertEquals(1, g.closingWrite().instances());
    }

    @Test
    void closingWriteOfAFieldStoreAndOfAFrameExit() {
        LeakGroup byField = onlyGroup(p -> {
            int holder = p.local(0, "com.acme.Holder", ALLOC);
            int ring = p.ring(1, "com.acme.Link", 2, ALLOC);
            p.set(holder, "com.acme.Holder.ring", ring);
            p.clear(1, null);
            p.set(holder, "com.acme.Holder.ring", 0, "com.acme.Holder.reset(Holder.java:7)");
        });
        assertEquals("field", byField.closingWrite().kind());
        assertEquals("com.acme.Holder.reset(Holder.java:7)", byField.closingWrite().site());

        LeakGroup byReturn = onlyGroup(p -> {
            p.ring(0, "com.acme.Link", 2, ALLOC);
            p.exitFrame("com.acme.Main.build(Main.java:14)");
        });
        assertEquals("frame-exit", byReturn.closingWrite().kind());
        assertEquals("com.acme.Main.build(Main.java:14)", byReturn.closingWrite().site());
    }

    @Test
    void fingerprintIsEqualAcrossIdenticalRunsAndSizesButDiffersForOtherShapes() {
        String first = onlyGroup(LeakRecorderTest::threeRing).fingerprint();
        String second = onlyGroup(LeakRecorderTest::threeRing).fingerprint();
        assertEquals(first, second);
        String bigger = onlyGroup(p -> {
            p.ring(0, "com.acme.Link", 7, "elsewhere(Other.java:1)");
            p.clear(0, "other(Other.java:2)");
        }).fingerprint();
        assertEquals(first, bigger, "the shape, not the size or the sites, makes the fingerprint");
        String otherClass = onlyGroup(p -> {
            p.ring(0, "com.acme.Node", 3, ALLOC);
            p.clear(0, CLOSE);
        }).fingerprint();
        String otherField = onlyGroup(p -> {
            int a = p.local(0, "com.acme.Link", ALLOC);
            p.set(a, "com.acme.Link.self", a);
            p.clear(0, CLOSE);
        }).fingerprint();
        assertNotEquals(first, otherClass);
        assertNotEquals(first, otherField);
        assertNotEquals(otherClass, otherField);
    }

    @Test
    void fingerprintIgnoresLambdaSerialNumbersAndHiddenClassAddresses() {
        String jdk17 = onlyGroup(p -> lambdaCycle(p, "com.acme.Ui$$Lambda$14/0x0000000800c03000")).fingerprint();
        String jdk21 = onlyGroup(p -> lambdaCycle(p, "com.acme.Ui$$Lambda/0x000001f2a8003c18")).fingerprint();
        String rerun = onlyGroup(p -> lambdaCycle(p, "com.acme.Ui$$Lambda$27/0x0000000800d05000")).fingerprint();
        assertEquals(jdk17, rerun);
        assertEquals(jdk17, jdk21, "JDK 17's $$Lambda$N/0x... and JDK 21's $$Lambda/0x... normalise alike");
        LeakGroup g = onlyGroup(p -> lambdaCycle(p, "com.acme.Ui$$Lambda$14/0x0000000800c03000"));
        assertTrue(g.classes().stream().anyMatch(c -> c.name().equals("com.acme.Ui$$Lambda")), g.classes().toString());
    }

    private static void lambdaCycle(LeakProgram p, String lambdaClass) {
        int button = p.local(0, "com.acme.Button", ALLOC);
        int lambda = p.local(1, lambdaClass, null);
        p.set(button, "com.acme.Button.onClick", lambda);
        p.set(lambda, lambdaClass + ".arg$1", button);
        p.clear(1, null);
        p.clear(0, CLOSE);
    }

    @Test
    void payloadsHeldOnlyByTheCycleBelongToTheSameInstance() {
        LeakGroup g = onlyGroup(p -> {
            int first = p.ring(0, "com.acme.Link", 3, ALLOC);
            int payload = p.local(5, "com.acme.Payload", "com.acme.Main.payload(Main.java:30)");
            p.set(first, "com.acme.Link.payload", payload);
            p.clear(5, null);
            p.clear(0, CLOSE);
        });
        assertEquals(4, g.objects());
        assertEquals(1, g.instances());
        assertEquals(List.of(new ClassCount("com.acme.Link", 3, 48), new ClassCount("com.acme.Payload", 1, 16)),
                g.classes());
        assertEquals(3, g.cycleLength(), "the payload is no part of the cycle");
    }

    @Test
    void separateStructuresOfOneShapeAreInstancesOfOneGroup() {
        LeakGroup g = onlyGroup(p -> {
            for (int i = 0; i < 4; i++) {
                p.ring(0, "com.acme.Link", 2 + i, ALLOC);
                p.clear(0, CLOSE);
            }
        });
        assertEquals(4, g.instances());
        assertEquals(2 + 3 + 4 + 5, g.objects());
        assertEquals(4, g.closingWrite().instances());
        assertEquals(4, g.suggestedWeakEdge().instancesBroken());
    }

    @Test
    void groupsAreLargestFirst() {
        List<LeakGroup> groups = groupsOf(p -> {
            p.ring(0, "com.acme.Small", 2, ALLOC);
            p.clear(0, CLOSE);
            p.ring(0, "com.acme.Large", 5, ALLOC);
            p.clear(0, CLOSE);
            p.bytes.put("com.acme.Heavy", 1000L);
            p.ring(0, "com.acme.Heavy", 2, ALLOC);
            p.clear(0, CLOSE);
        });
        assertEquals(List.of("com.acme.Large", "com.acme.Heavy", "com.acme.Small"),
                groups.stream().map(g -> g.classes().get(0).name()).toList());
    }

    @Test
    void suggestedWeakEdgePrefersTheParentBackPointer() {
        LeakGroup g = onlyGroup(LeakRecorderTest::parentAndChildren);
        LeakGroup.WeakEdgeSuggestion s = g.suggestedWeakEdge();
        assertEquals("com.acme.Zebra", s.from(), s.toString());
        assertEquals("parent", s.field());
        assertEquals("com.acme.Apple", s.to());
        assertEquals(1, s.instancesBroken());
        assertTrue(s.reason().contains("back-pointer"), s.reason());
        assertTrue(s.reason().contains("breaks every cycle in 1 of 1 instance"), s.reason());
    }

    /** Apple.items -> Object[] -> Zebra, Zebra.parent -> Apple: every edge breaks it; name order alone would pick Apple.items. */
    private static void parentAndChildren(LeakProgram p) {
        int apple = p.local(0, "com.acme.Apple", ALLOC);
        int items = p.local(1, "java.lang.Object[]", ALLOC);
        p.set(apple, "com.acme.Apple.items", items);
        for (int i = 0; i < 3; i++) {
            int zebra = p.local(2, "com.acme.Zebra", ALLOC);
            p.add(items, zebra);
            p.set(zebra, "com.acme.Zebra.parent", apple);
        }
        p.clear(2, null);
        p.clear(1, null);
        p.clear(0, CLOSE);
    }

    @Test
    void suggestedWeakEdgeIsTheOneThatBreaksMostInstances() {
        // Link.next -> ring, and Link.skip from the first to the third: without "skip" the ring remains.
        LeakGroup g = onlyGroup(p -> {
            int first = p.ring(0, "com.acme.Link", 3, ALLOC);
            int second = p.a.getReferents(first)[0];
            int third = p.a.getReferents(second)[0];
            p.set(first, "com.acme.Link.skip", third);
            p.clear(0, CLOSE);
        });
        assertEquals("next", g.suggestedWeakEdge().field());
        assertEquals(1, g.suggestedWeakEdge().instancesBroken());
    }

    @Test
    void whenNoSingleFieldBreaksAnInstanceTheRepresentativeCycleIsStillNamed() {
        // A.b <-> B.a and B.c <-> C.b: two cycles with no field in common.
        LeakGroup g = onlyGroup(p -> {
            int a = p.local(0, "com.acme.A", ALLOC);
            int b = p.local(1, "com.acme.B", ALLOC);
            int c = p.local(2, "com.acme.C", ALLOC);
            p.set(a, "com.acme.A.b", b);
            p.set(b, "com.acme.B.a", a);
            p.set(b, "com.acme.B.c", c);
            p.set(c, "com.acme.C.b", b);
            p.clear(2, null);
            p.clear(1, null);
            p.clear(0, CLOSE);
        });
        assertEquals(0, g.suggestedWeakEdge().instancesBroken());
        assertTrue(g.suggestedWeakEdge().reason().contains("no single field"), g.suggestedWeakEdge().reason());
        assertEquals(2, g.cycleLength());
        assertEquals("com.acme.A", g.edges().get(0).from(), "the cycle starts where the closing write let go");
        assertEquals("b", g.edges().get(0).field());
        assertTrue(g.edges().get(1).backEdge());
        assertEquals("a", g.suggestedWeakEdge().field(), "the back-edge among equally named edges");
    }

    @Test
    void longCyclesKeepTheirFirstEdgesAndTheBackEdge() {
        LeakGroup g = onlyGroup(p -> {
            p.ring(0, "com.acme.Link", 200, ALLOC);
            p.clear(0, CLOSE);
        });
        assertEquals(200, g.cycleLength());
        assertEquals(LeakGroup.MAX_CYCLE_EDGES, g.edges().size());
        assertTrue(g.edges().get(LeakGroup.MAX_CYCLE_EDGES - 1).backEdge());
        assertEquals(1, g.edges().stream().filter(CycleEdge::backEdge).count());
    }

    @Test
    void aMillionObjectRingNeedsNoDeepStack() {
        LeakGroup g = onlyGroup(p -> {
            p.ring(0, "com.acme.Link", 1_000_000, ALLOC);
            p.clear(0, CLOSE);
        });
        assertEquals(1_000_000, g.objects());
        assertEquals(1_000_000, g.cycleLength());
    }

    @Test
    void finalizersAndUncollectableObjectsAreReported() {
        LeakGroup finalized = onlyGroup(p -> {
            p.type("com.acme.Closeable", CONTAINER | HAS_FINALIZER);
            p.ring(0, "com.acme.Closeable", 2, ALLOC);
            p.clear(0, CLOSE);
        });
        assertTrue(finalized.finalizers());
        assertEquals(0, finalized.uncollectable());

        LeakGroup legacy = onlyGroup(p -> {
            p.type("com.acme.Legacy", CONTAINER | LEGACY_FINALIZER);
            p.ring(0, "com.acme.Legacy", 2, ALLOC);
            p.clear(0, CLOSE);
        });
        assertTrue(legacy.finalizers());
        assertEquals(2, legacy.uncollectable());
    }
}
