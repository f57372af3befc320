package dev.refshadow.analyzer.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link EdgeSet} against a {@code HashMap<(target, label), count>} model: packed linear blocks up
 * to {@value EdgeSet#LINEAR_MAX} entries, indexed blocks beyond (entries in insertion order, an
 * open-addressing index with tombstones), signed counts, entries removed when their count
 * returns to 0.
 */
class EdgeSetTest {
    private static final int COUNT_TO_SAMPLE = 32;

    private record Key(int target, int label) {
    }

    /** {@code EdgeSet.add(block, target, label, delta)}. */
    private record Add(int target, int label, int delta) {
        Key key() {
            return new Key(target, label);
        }
    }

    @Property(tries = 500)
    void behavesLikeASignedMultiset(@ForAll("additions") List<Add> additions) {
        int peak = applyAndCompare(additions);
        Statistics.label("peak entries").collect(peak <= EdgeSet.LINEAR_MAX ? "linear" : "indexed");
        Statistics.label("peak entries").coverage(c -> c.check("indexed").percentage(p -> p >= 20));
    }

    /** Thousands of entries: a growing phase, then additions and removals mixed. */
    @Property(tries = 40)
    void behavesLikeASignedMultisetWithThousandsOfEntries(@ForAll @IntRange(min = 1000, max = 5000) int keys,
                                                          @ForAll long seed) {
        Random random = new Random(seed);
        List<Add> additions = new ArrayList<>();
        for (int i = 0; i < 4 * keys; i++) {
            boolean growing = i < 2 * keys;
            int delta = random.nextInt(10) < (growing ? 7 : 5) ? 1 : -1;
            additions.add(new Add(1 + random.nextInt(keys), 1 + random.nextInt(3), random.nextInt(20) == 0 ? 3 * delta : delta));
        }
        assertTrue(applyAndCompare(additions) >= 1000, "thousands of entries at the peak");
    }

    /** Applies the additions to a block and to the model, comparing after each; returns the peak number of entries. */
    private static int applyAndCompare(List<Add> additions) {
        int[] block = null;
        Map<Key, Integer> model = new HashMap<>();
        int peak = 0;
        for (Add add : additions) {
            block = EdgeSet.add(block, add.target(), add.label(), add.delta());
            addToModel(model, add.key(), add.delta());
            assertEquals(model.getOrDefault(add.key(), 0), EdgeSet.count(block, add.target(), add.label()), () -> "after " + add);
            assertEquals(model.size(), EdgeSet.size(block), () -> "size after " + add);
            peak = Math.max(peak, model.size());
        }
        assertSameContents(model, block);
        return peak;
    }

    @Property(tries = 100)
    void removingEveryEntryInAnyOrderEmptiesTheBlock(@ForAll @IntRange(min = 1, max = 5000) int entries, @ForAll long seed) {
        Random random = new Random(seed);
        int[] block = null;
        Map<Key, Integer> model = new HashMap<>();
        while (model.size() < entries) {
            Key key = new Key(1 + random.nextInt(4 * entries), random.nextInt(3));
            int count = random.nextBoolean() ? 1 + random.nextInt(3) : -1 - random.nextInt(3);
            if (!model.containsKey(key)) {
                block = EdgeSet.add(block, key.target(), key.label(), count);
                model.put(key, count);
            }
        }
        assertSameContents(model, block);
        List<Key> keys = new ArrayList<>(model.keySet());
        Collections.shuffle(keys, random);
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            block = EdgeSet.add(block, key.target(), key.label(), -model.remove(key));
            assertEquals(0, EdgeSet.count(block, key.target(), key.label()), () -> key + " removed");
            assertEquals(model.size(), EdgeSet.size(block), () -> "size after removing " + key);
            if (i % 64 == 0) {
                assertSameContents(model, block);
            }
        }
        assertSameContents(model, block);
    }

    @Example
    void removalFromALinearBlockKeepsItPacked() {
        int[] block = null;
        for (int target = 1; target <= 5; target++) {
            block = EdgeSet.add(block, target, 7, 1);
        }
        block = EdgeSet.add(block, 2, 7, -1);
        assertSameContents(Map.of(new Key(1, 7), 1, new Key(3, 7), 1, new Key(4, 7), 1, new Key(5, 7), 1), block);
    }

    /**
     * Found by {@link #behavesLikeASignedMultiset}, shrunk: the ninth edge turns the block into an
     * indexed one; an insertion took the first index slot its probe passed whose tag differed,
     * not only a tombstone, so it overwrote the slot of (2, 2), which could no longer be found.
     */
    @Example
    void anEdgeAddedToAnIndexedBlockLeavesTheOthersFindable() {
        int[][] edges = {{1, 1}, {1, 2}, {1, 3}, {2, 1}, {2, 2}, {2, 3}, {3, 1}, {3, 3}, {3, 2}};
        int[] block = null;
        Map<Key, Integer> model = new HashMap<>();
        for (int[] edge : edges) {
            block = EdgeSet.add(block, edge[0], edge[1], 1);
            model.put(new Key(edge[0], edge[1]), 1);
        }
        assertSameContents(model, block);
    }

    /** Sequences over key spaces from a few keys (many repeats) to hundreds (indexed blocks). */
    @Provide
    Arbitrary<List<Add>> additions() {
        Arbitrary<Integer> keySpace = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(1, 12)),
                Tuple.of(1, Arbitraries.integers().between(1, 200)));
        Arbitrary<Integer> delta = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(1)),
                Tuple.of(7, Arbitraries.just(-1)),
                Tuple.of(2, Arbitraries.integers().between(-4, 4)));
        return keySpace.flatMap(keys -> Combinators.combine(Arbitraries.integers().between(1, keys),
                Arbitraries.integers().between(1, 3), delta).as(Add::new)
                .list().ofMaxSize(400).withSizeDistribution(RandomDistribution.uniform()));
    }

    private static void addToModel(Map<Key, Integer> model, Key key, int delta) {
        int count = model.getOrDefault(key, 0) + delta;
        if (count == 0) {
            model.remove(key);
        } else {
            model.put(key, count);
        }
    }

    /** The block holds exactly the model, every entry findable, in a well-formed layout. */
    private static void assertSameContents(Map<Key, Integer> model, int[] block) {
        assertEquals(model, contents(block));
        assertEquals(model.size(), EdgeSet.size(block));
        for (Map.Entry<Key, Integer> e : model.entrySet()) {
            assertEquals(e.getValue(), EdgeSet.count(block, e.getKey().target(), e.getKey().label()), () -> "find " + e);
        }
        // countTo scans the whole block: a sample of targets keeps this linear.
        Map<Integer, Integer> byTarget = new HashMap<>();
        model.forEach((key, count) -> byTarget.merge(key.target(), count, Integer::sum));
        byTarget.entrySet().stream().limit(COUNT_TO_SAMPLE).forEach(e ->
                assertEquals(e.getValue(), EdgeSet.countTo(block, e.getKey()), () -> "countTo " + e.getKey()));
        if (block != null) {
            assertWellFormed(block);
        }
    }

    /**
     * What the analyzer's loops rely on: every edge lies below {@code end(block)}, where an empty
     * entry is 0 in all three ints and the last entry is not empty; no entry has a count of 0;
     * a linear block is packed.
     */
    private static void assertWellFormed(int[] block) {
        int end = EdgeSet.end(block);
        int entries = 0;
        for (int i = 1; i < block.length; i += EdgeSet.ENTRY) {
            if (block[i] != 0) {
                assertTrue(i < end, "every edge lies below end(block)");
                assertNotEquals(0, block[i + EdgeSet.COUNT], "no entry with a count of 0");
                entries++;
            } else if (i < end) {
                assertEquals(0, block[i + EdgeSet.LABEL] | block[i + EdgeSet.COUNT], "an empty entry is all 0");
            }
        }
        assertTrue(end == 1 || block[end - EdgeSet.ENTRY] != 0, "trailing empty entries are given back");
        if (EdgeSet.capacity(block) <= EdgeSet.LINEAR_MAX) {
            assertEquals(1 + entries * EdgeSet.ENTRY, end, "a linear block is packed");
        }
    }

    private static Map<Key, Integer> contents(int[] block) {
        Map<Key, Integer> contents = new HashMap<>();
        for (int i = 1; block != null && i < block.length; i += EdgeSet.ENTRY) {
            if (block[i] != 0) {
                Integer previous = contents.put(new Key(block[i], block[i + EdgeSet.LABEL]), block[i + EdgeSet.COUNT]);
                assertEquals(null, previous, "each edge has one entry");
            }
        }
        return contents;
    }
}
