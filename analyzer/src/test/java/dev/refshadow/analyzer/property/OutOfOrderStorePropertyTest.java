package dev.refshadow.analyzer.property;

import static dev.refshadow.analyzer.property.Oracle.NULL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Per-thread buffers lose the order of stores, so the analyzer keeps signed edge multisets: a
 * store whose old value's edge does not exist yet leaves a count of -1 that the later insertion
 * cancels. Applied in any order, the stores of a program must give the heap of program order.
 */
class OutOfOrderStorePropertyTest {

    @Property(tries = 200)
    void storesInAnyOrderGiveTheHeapOfProgramOrder(@ForAll(supplier = GraphShapes.class) GraphShape shape) {
        Reordering reordering = new Reordering(ProgramGenerator.phased(shape).events(), new Random(shape.seed()));
        Mirror mirror = Mirror.withoutAutomaticCollection();
        new Program(reordering.events).runOn(mirror);
        Agreement.verify(mirror);

        Mirror.Collected collected = mirror.collect(2);
        assertEquals(collected.expected().found(), collected.actual(), "collect()");
        Agreement.verify(mirror);

        Statistics.label("removals before their insertion").collect(reordering.removalsFirst > 0);
        Statistics.label("removals before their insertion").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    /**
     * The smallest case: {@code h.f = y} (replacing x) arrives before {@code h.f = x} (replacing
     * null). x has a second reference, as every old value has one in {@link Reordering}.
     */
    @Example
    void removalBeforeInsertionCancels() {
        Mirror mirror = Mirror.withoutAutomaticCollection();
        new Program(List.of(new Event.Allocate(0, Kind.NODE), new Event.Allocate(1, Kind.NODE),
                new Event.Allocate(2, Kind.NODE), new Event.Pin(1),
                new Event.Store(0, "Node.f0", 1, 2),
                new Event.Store(0, "Node.f0", NULL, 1),
                new Event.Unpin(1))).runOn(mirror);
        Agreement.verify(mirror);
        assertEquals(Map.of(new Edge(2, "Node.f0"), 1), mirror.oracle.edges(0));
        assertEquals(1, mirror.analyzer.getRefCount(mirror.idOf(1)), "x: its static only");
    }

    /**
     * The program with its stores (contiguous in a phased program) shuffled. First, each object
     * is pinned once more for every store that names it as the old value, so that no count
     * reaches 0 while an insertion is still to come; those pins are dropped after the stores.
     */
    private static final class Reordering {
        final List<Event> events = new ArrayList<>();
        /** Stores applied while the edge they remove did not exist yet. */
        final int removalsFirst;

        Reordering(List<Event> program, Random random) {
            List<Event> before = new ArrayList<>();
            List<Event.Store> stores = new ArrayList<>();
            List<Event> after = new ArrayList<>();
            for (Event e : program) {
                if (e instanceof Event.Store store) {
                    assertEquals(List.of(), after, "the stores are contiguous");
                    stores.add(store);
                } else {
                    (stores.isEmpty() ? before : after).add(e);
                }
            }
            Map<Integer, Integer> headroom = new HashMap<>();
            for (Event.Store s : stores) {
                if (s.oldValue() != NULL) {
                    headroom.merge(s.oldValue(), 1, Integer::sum);
                }
            }
            Collections.shuffle(stores, random);
            events.addAll(before);
            headroom.forEach((index, pins) -> events.addAll(Collections.nCopies(pins, new Event.Pin(index))));
            events.addAll(stores);
            headroom.forEach((index, pins) -> events.addAll(Collections.nCopies(pins, new Event.Unpin(index))));
            events.addAll(after);
            removalsFirst = countRemovalsFirst(stores);
        }

        private static int countRemovalsFirst(List<Event.Store> stores) {
            Map<Integer, Map<Edge, Integer>> edgesByHolder = new HashMap<>();
            int removalsFirst = 0;
            for (Event.Store s : stores) {
                Map<Edge, Integer> edges = edgesByHolder.computeIfAbsent(s.holder(), h -> new HashMap<>());
                edges.merge(new Edge(s.newValue(), s.field()), 1, Integer::sum);
                if (s.oldValue() != NULL && edges.merge(new Edge(s.oldValue(), s.field()), -1, Integer::sum) < 0) {
                    removalsFirst++;
                }
            }
            return removalsFirst;
        }
    }
}
