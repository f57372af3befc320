package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * collect(0) and collect(1) on graphs spread over all three generations: they find exactly the
 * oracle's garbage among the collected generations, where older objects count as external
 * references, move the survivors on, and leave older generations alone. The one exception is
 * CPython's: an older object that only the young garbage held is freed by refcount, not counted.
 */
class YoungCollectionPropertyTest {

    @Property(tries = 300)
    void youngCollectionsLeaveOlderGenerationsAlone(@ForAll(supplier = GraphShapes.class) GraphShape shape,
                                                    @ForAll @IntRange(min = 0, max = 1) int generation) {
        Mirror mirror = Mirror.withoutAutomaticCollection();
        ProgramGenerator.phased(shape).runOn(mirror);
        Agreement.verify(mirror);
        OlderGenerations older = OlderGenerations.capture(mirror, generation);

        Mirror.Collected collected = mirror.collect(generation);
        assertEquals(collected.expected().found(), collected.actual(), "collect(" + generation + ")");
        Agreement.verify(mirror);
        int releasedOlder = older.assertUntouchedUnlessReleased(mirror);

        Statistics.label("young garbage").collect(collected.actual() > 0);
        Statistics.label("older objects released by refcount").collect(releasedOlder > 0);
        Statistics.label("young garbage").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("older objects released by refcount").coverage(c -> c.check(true).percentage(p -> p >= 15));
    }
}
