package dev.refshadow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refshadow.report.LeakGroup.ClosingWrite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The closing write's call stack: its site, then the methods of the thread's frames, innermost first. */
class ClosingWriteStackTest {
    private static final String MAIN = "com.acme.Main.main(Main.java)";
    private static final String RESET = "com.acme.Holder.reset(Holder.java)";
    private static final String ALLOC = "com.acme.Main.build(Main.java:10)";

    private static ClosingWrite closingWrite(Consumer<LeakProgram> program) {
        LeakProgram p = new LeakProgram();
        program.accept(p);
        p.collect();
        List<LeakGroup> groups = p.recorder.groups();
        assertEquals(1, groups.size(), groups.toString());
        return groups.get(0).closingWrite();
    }

    /** {@code holder.ring = <a 2-ring>}; returns the holder, held by local 0 of the current frame. */
    private static int holderOfARing(LeakProgram p) {
        int holder = p.local(0, "com.acme.Holder", ALLOC);
        int ring = p.ring(1, "com.acme.Link", 2, ALLOC);
        p.set(holder, "com.acme.Holder.ring", ring);
        p.clear(1, null);
        return holder;
    }

    /**
     * {@code holder.ring = null} at {@code site} drops a 2-ring: the holder is a local of the
     * first of {@code methods}, the thread has called the others when it writes.
     */
    private static void dropRing(LeakProgram p, String site, String... methods) {
        p.call(methods[0]);
        int holder = holderOfARing(p);
        for (int i = 1; i < methods.length; i++) {
            p.call(methods[i]);
        }
        p.set(holder, "com.acme.Holder.ring", 0, site);
    }

    private static ClosingWrite droppedIn(String site, String... methods) {
        return closingWrite(p -> dropRing(p, site, methods));
    }

    @Test
    void aWriteInALeafMethodIsItsSiteThenTheCallingFrames() {
        String leaf = "com.acme.Holder.clear(Holder.java:12)"; // clear() is a leaf: no frame of its own
        ClosingWrite w = droppedIn(leaf, MAIN, RESET);
        assertEquals("field", w.kind());
        assertEquals(List.of(leaf, RESET, MAIN), w.stack());
        assertEquals(0, w.omittedFrames());
    }

    @Test
    void aWriteInTheInnermostFrameNamesItsMethodOnceWithTheLine() {
        String site = "com.acme.Holder.reset(Holder.java:7)";
        assertEquals(List.of(site, MAIN), droppedIn(site, MAIN, RESET).stack());
    }

    @Test
    void aFrameExitIsTheReturnOfTheFrameThatHeldTheLastReference() {
        String build = "com.acme.Main.build(Main.java)";
        String returns = "com.acme.Main.build(Main.java:14)";
        ClosingWrite w = closingWrite(p -> {
            p.call(MAIN);
            p.call(build);
            p.ring(0, "com.acme.Link", 2, ALLOC);
            p.ret(returns);
        });
        assertEquals("frame-exit", w.kind());
        assertEquals(List.of(returns, MAIN), w.stack());
    }

    @Test
    void deepStacksKeepTheInnermostFramesAndCountTheOthers() {
        String walk = "com.acme.Tree.walk(Tree.java)";
        String cut = "com.acme.Tree.cut(Tree.java:30)";
        List<String> methods = new ArrayList<>(List.of(MAIN));
        methods.addAll(Collections.nCopies(40, walk));
        ClosingWrite w = droppedIn(cut, methods.toArray(String[]::new));
        List<String> expected = new ArrayList<>(List.of(cut));
        expected.addAll(Collections.nCopies(LeakGroup.MAX_STACK_FRAMES - 1, walk));
        assertEquals(expected, w.stack());
        assertEquals(40 - (LeakGroup.MAX_STACK_FRAMES - 1) + 1, w.omittedFrames(), "9 walk frames and main");
    }

    @Test
    void oneSiteReachedFromTwoCallersCountsBothInstancesAndShowsTheFirstStack() {
        String site = "com.acme.Holder.reset(Holder.java:7)";
        String other = "com.acme.Other.run(Other.java)";
        ClosingWrite w = closingWrite(p -> {
            dropRing(p, site, MAIN, RESET);
            p.ret(null);
            dropRing(p, site, other, RESET); // main -> other -> reset
        });
        assertEquals(2, w.instances());
        assertEquals(List.of(site, MAIN), w.stack());
    }

    @Test
    void framesOfUnnamedMethodsAndWritesWithoutASiteLeaveNoEntry() {
        ClosingWrite unnamed = closingWrite(p -> {
            p.ring(0, "com.acme.Link", 2, ALLOC);
            p.clear(0, "com.acme.Main.run(Main.java:20)");
        });
        assertEquals(List.of("com.acme.Main.run(Main.java:20)"), unnamed.stack());
        ClosingWrite noSite = closingWrite(p -> {
            p.call(MAIN);
            p.ring(0, "com.acme.Link", 2, ALLOC);
            p.clear(0, null);
        });
        assertEquals(List.of(MAIN), noSite.stack());
    }
}
