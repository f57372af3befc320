package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The main requirement: on random graphs of up to 10,000 objects with random external
 * references, a full collection finds exactly the objects the oracle calls leaked, and leaves
 * exactly the oracle's survivors with the oracle's counts and edges.
 */
class FullCollectionPropertyTest {
    private static final String LARGE = "2001..10000";

    /** What one run showed, for the statistics. */
    private record Run(int objects, int liveAfterRefcounting, Oracle.Outcome first, Oracle.Outcome second, int survivors) {
    }

    @Property(tries = 1000)
    void fullCollectionFindsExactlyWhatRefcountingLeaks(@ForAll(supplier = GraphShapes.class) GraphShape shape) {
        Run run = runAndCompare(shape);

        Statistics.label("objects").collect(run.objects() <= 40 ? "1..40" : run.objects() <= 2000 ? "41..2000" : LARGE);
        Statistics.label("freed by refcount").collect(run.liveAfterRefcounting() < run.objects());
        Statistics.label("cyclic garbage").collect(run.first().found() > 0);
        Statistics.label("survivors").collect(run.survivors() > 0);
        Statistics.label("freed after the garbage, not counted").collect(run.first().freed().size() > run.first().found());
        Statistics.label("garbage left for the next collection").collect(run.second().found() > 0);
        // The generator must keep producing the cases the property is about.
        Statistics.label("objects").coverage(c -> c.check(LARGE).percentage(p -> p >= 25));
        Statistics.label("cyclic garbage").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("survivors").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("freed after the garbage, not counted").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("garbage left for the next collection").coverage(c -> c.check(true).percentage(p -> p >= 8));
    }

    @Example
    void tenThousandObjects() {
        runAndCompare(new GraphShape(GraphShapes.MAX_OBJECTS, 90, 4, 3, 30, 3, 10_000));
    }

    /**
     * Runs the phased program, then two full collections: the first finds the cyclic garbage; it
     * may free untracked objects that only the garbage held, and cycles only they kept reachable
     * are left for the second. After the release by refcount and after each collection, the
     * analyzer must agree with the oracle.
     */
    private static Run runAndCompare(GraphShape shape) {
        Mirror mirror = Mirror.withoutAutomaticCollection();
        ProgramGenerator.phased(shape).runOn(mirror);
        Agreement.verify(mirror);
        int liveAfterRefcounting = mirror.oracle.liveCount();

        Mirror.Collected first = mirror.collect(2);
        assertEquals(first.expected().found(), first.actual(), "collect() after the drops");
        Agreement.verify(mirror);

        Mirror.Collected second = mirror.collect(2);
        assertEquals(second.expected().found(), second.actual(), "the next collect()");
        Agreement.verify(mirror);
        return new Run(shape.objects(), liveAfterRefcounting, first.expected(), second.expected(), mirror.oracle.liveCount());
    }
}
