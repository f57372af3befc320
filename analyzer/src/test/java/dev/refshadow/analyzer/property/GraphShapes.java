package dev.refshadow.analyzer.property;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/** Random {@link GraphShape}s of up to {@value #MAX_OBJECTS} objects: {@code @ForAll(supplier = GraphShapes.class)}. */
final class GraphShapes implements ArbitrarySupplier<GraphShape> {
    static final int MAX_OBJECTS = 10_000;

    @Override
    public Arbitrary<GraphShape> get() {
        return upTo(MAX_OBJECTS);
    }

    /**
     * Many tiny graphs, many mid-sized ones, and large ones up to {@code maxObjects}. No edge
     * cases: jqwik would spend a third of the tries on graphs of one or two objects.
     */
    static Arbitrary<GraphShape> upTo(int maxObjects) {
        return withObjects(Arbitraries.frequencyOf(
                Tuple.of(2, uniform(1, 40)),
                Tuple.of(3, uniform(1, Math.max(1, maxObjects / 5))),
                Tuple.of(5, uniform(1, maxObjects)))
                .withoutEdgeCases());
    }

    /** Graphs of {@code min..max} objects. */
    static Arbitrary<GraphShape> between(int min, int max) {
        return withObjects(uniform(min, max).withoutEdgeCases());
    }

    private static Arbitrary<GraphShape> withObjects(Arbitrary<Integer> objects) {
        Arbitrary<Integer> containerPercent = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(100)),
                Tuple.of(1, Arbitraries.integers().between(0, 100)),
                Tuple.of(4, Arbitraries.integers().between(70, 100)));
        Arbitrary<Integer> maxSlots = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> locality = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(1, 4)),
                Tuple.of(1, Arbitraries.integers().between(1, MAX_OBJECTS)));
        Arbitrary<Integer> overwritePercent = Arbitraries.integers().between(0, 50);
        Arbitrary<Integer> externalPercent = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 5)),
                Tuple.of(1, Arbitraries.integers().between(0, 100)));
        return Combinators.combine(objects, containerPercent, maxSlots, locality, overwritePercent, externalPercent,
                Arbitraries.longs()).as(GraphShape::new);
    }

    /** Integers spread evenly over the range (jqwik's default favours small values); they still shrink towards {@code min}. */
    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }
}
