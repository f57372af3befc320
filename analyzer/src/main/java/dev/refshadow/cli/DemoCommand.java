package dev.refshadow.cli;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.GcState;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the seed material's "four links" example on the analyzer alone and prints what
 * CPython's gc would print for the same Python program.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in four-links example through the shadow collector.")
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Analyzer a = new Analyzer();
        a.collector.setDebugOutput(out::println);
        int link = a.defineClass("Link", CONTAINER);
        int next = a.label("Link.next");
        int thread = 0;
        a.frameEnter(thread, 4);

        out.println(">>> link1 = Link(); link2 = Link(); link3 = Link()");
        int link1 = newLocal(a, link, thread, 0);
        int link2 = newLocal(a, link, thread, 1);
        int link3 = newLocal(a, link, thread, 2);
        out.println(">>> link1.next = link2; link2.next = link3; link3.next = link1");
        a.storeField(link1, next, 0, link2);
        a.storeField(link2, next, 0, link3);
        a.storeField(link3, next, 0, link1);
        out.println(">>> link4 = Link(); link4.next = link4");
        int link4 = newLocal(a, link, thread, 3);
        a.storeField(link4, next, 0, link4);
        out.println(">>> sys.getrefcount(link1) - 1   # the variable and link3.next");
        out.println(a.getRefCount(link1));
        out.println(">>> del link2, link3, link4");
        a.storeLocal(thread, 1, 0);
        a.storeLocal(thread, 2, 0);
        a.storeLocal(thread, 3, 0);
        out.println(">>> gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)");
        a.gc.setDebug(GcState.DEBUG_STATS | GcState.DEBUG_COLLECTABLE);
        out.println(">>> gc.collect()   # link4 only: the ring is still reachable from link1");
        out.println(a.collect());
        out.println(">>> del link1");
        a.storeLocal(thread, 0, 0);
        out.println(">>> gc.collect()   # now the ring of three");
        out.println(a.collect());
        out.println(">>> gc.get_stats()");
        StringBuilder stats = new StringBuilder("[");
        a.gc.getStats().forEach(g -> stats.append(stats.length() > 1 ? ", " : "")
                .append("{'collections': ").append(g.collections())
                .append(", 'collected': ").append(g.collected())
                .append(", 'uncollectable': ").append(g.uncollectable()).append('}'));
        out.println(stats.append(']'));
    }

    private static int newLocal(Analyzer a, int classId, int thread, int slot) {
        int id = a.allocate(classId, 0);
        a.pushTemp(thread, id);
        a.storeLocal(thread, slot, id);
        a.popTemp(thread, id);
        return id;
    }
}
