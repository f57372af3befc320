package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refshadow.analyzer.gc.GenerationStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rules of cpython-gc.md for counts and statistics, checked step by step as before/after
 * relations: count0 follows container allocations and frees (never below 0); collect(g) zeroes
 * counts 0..g, raises count g+1, and adds one collection and what it returned to stats[g] only.
 */
class CountsAndStatsPropertyTest {
    private static final int MAX_COLLECTIONS = 20;

    @Property(tries = 200)
    void countsAndStatsFollowTheRules(@ForAll("shapes") GraphShape shape) {
        Mirror mirror = Mirror.withoutAutomaticCollection();
        for (Event event : withCollections(ProgramGenerator.interleaved(shape, 20).events(), new Random(shape.seed()))) {
            if (event instanceof Event.Collect collect) {
                assertCollectionFollowsTheRules(mirror, collect.generation());
            } else {
                assertCount0FollowsContainers(mirror, event);
            }
        }
        Agreement.verify(mirror);
    }

    @Provide
    Arbitrary<GraphShape> shapes() {
        return GraphShapes.upTo(1000);
    }

    @Example
    void collectOutsideTheGenerationsIsRefusedAndChangesNothing() {
        Mirror mirror = Mirror.withoutAutomaticCollection();
        ProgramGenerator.phased(new GraphShape(50, 100, 2, 3, 20, 5, 42)).runOn(mirror);
        int[] counts = mirror.analyzer.gc.getCount();
        List<GenerationStats> stats = mirror.analyzer.gc.getStats();
        assertThrows(IllegalArgumentException.class, () -> mirror.analyzer.collect(-1));
        assertThrows(IllegalArgumentException.class, () -> mirror.analyzer.collect(3));
        assertArrayEquals(counts, mirror.analyzer.gc.getCount());
        assertEquals(stats, mirror.analyzer.gc.getStats());
        Agreement.verify(mirror);
    }

    private static void assertCollectionFollowsTheRules(Mirror mirror, int generation) {
        int[] counts = mirror.analyzer.gc.getCount();
        List<GenerationStats> stats = mirror.analyzer.gc.getStats();
        Mirror.Collected collected = mirror.collect(generation);
        assertEquals(collected.expected().found(), collected.actual(), "collect(" + generation + ")");

        int[] expectedCounts = counts.clone();
        for (int g = 0; g <= generation; g++) {
            expectedCounts[g] = 0;
        }
        if (generation + 1 < expectedCounts.length) {
            expectedCounts[generation + 1]++;
        }
        assertArrayEquals(expectedCounts, mirror.analyzer.gc.getCount(), "counts after collect(" + generation + ")");
        List<GenerationStats> expectedStats = new ArrayList<>(stats);
        GenerationStats before = stats.get(generation);
        expectedStats.set(generation, new GenerationStats(before.collections() + 1,
                before.collected() + collected.actual(), before.uncollectable()));
        assertEquals(expectedStats, mirror.analyzer.gc.getStats(), "stats after collect(" + generation + ")");
    }

    private static void assertCount0FollowsContainers(Mirror mirror, Event event) {
        int[] counts = mirror.analyzer.gc.getCount();
        int containers = mirror.oracle.liveContainers();
        event.applyTo(mirror);
        mirror.settle();
        int allocated = event instanceof Event.Allocate allocate && allocate.kind().container ? 1 : 0;
        int freed = containers + allocated - mirror.oracle.liveContainers();
        int[] expected = counts.clone();
        expected[0] = Math.max(0, counts[0] + allocated - freed);
        assertArrayEquals(expected, mirror.analyzer.gc.getCount(), () -> "counts after " + event);
    }

    /** The events with collections of random generations inserted at random places. */
    private static List<Event> withCollections(List<Event> events, Random random) {
        List<Event> withCollections = new ArrayList<>(events);
        for (int k = random.nextInt(MAX_COLLECTIONS + 1); k > 0; k--) {
            withCollections.add(random.nextInt(withCollections.size() + 1), new Event.Collect(random.nextInt(3)));
        }
        return withCollections;
    }
}
