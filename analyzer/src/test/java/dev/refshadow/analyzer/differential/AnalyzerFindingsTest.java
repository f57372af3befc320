package dev.refshadow.analyzer.differential;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.refshadow.analyzer.Analyzer;
import org.junit.jupiter.api.Test;

/** Analyzer bugs the differential tests found, reduced to the smallest program that shows each. */
class AnalyzerFindingsTest {
    /**
     * {@code gc.freeze()} zeroes the counts of all three generations ({@code gc_freeze_impl}:
     * {@code generations[i].count = 0} for each i). CPython 3.11.7 and 3.12.1 print
     * {@code (1, 1, 0)} then {@code (0, 0, 0)} for:
     * <pre>
     * gc.collect(); gc.collect(0); x = C1(); gc.get_count(); gc.freeze(); gc.get_count()
     * </pre>
     */
    @Test
    void freezeZeroesTheCountsOfAllGenerations() {
        Analyzer analyzer = new Analyzer();
        int klass = analyzer.defineClass("C1", CONTAINER);
        analyzer.collect();
        analyzer.collect(0);
        analyzer.pin(analyzer.allocate(klass, 0));
        assertArrayEquals(new int[] {1, 1, 0}, analyzer.gc.getCount());

        analyzer.freeze();

        assertArrayEquals(new int[] {0, 0, 0}, analyzer.gc.getCount());
    }
}
