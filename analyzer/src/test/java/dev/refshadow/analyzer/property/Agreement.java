package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.heap.GcList;
import dev.refshadow.analyzer.heap.ObjectTable;
import java.util.HashMap;
import java.util.Map;

/** Asserts that the analyzer's state is the state the oracle and the rules model predict. */
final class Agreement {
    /** The generation number {@link #generationsOf} gives frozen objects. */
    private static final int PERMANENT = 3;

    private Agreement() {
    }

    /**
     * After the oracle has released by refcount: the same live objects, each tracked exactly when
     * it is a container, in the oracle's generation, with the oracle's reference count and edges;
     * counts, statistics and every collection so far as predicted; no anomaly.
     */
    static void verify(Mirror mirror) {
        mirror.settle();
        Analyzer analyzer = mirror.analyzer;
        Oracle oracle = mirror.oracle;
        assertEquals(oracle.liveCount(), analyzer.heap.table.liveCount(), "live objects");
        Map<Integer, Integer> generations = generationsOf(analyzer);
        int[] rc = oracle.refCounts();
        for (int index = 0; index < oracle.size(); index++) {
            if (oracle.isLive(index)) {
                verifyObject(mirror, index, rc[index], generations);
            }
        }
        assertArrayEquals(mirror.rules.counts(), analyzer.gc.getCount(), "gc counts");
        assertEquals(mirror.rules.stats(), analyzer.gc.getStats(), "gc stats");
        assertEquals(mirror.expectedCollections(), mirror.observedCollections(), "collections run");
        assertEquals(Map.of(), nonZero(analyzer.heap.anomalies.byKind()), "anomalies");
    }

    private static void verifyObject(Mirror mirror, int index, int refCount, Map<Integer, Integer> generations) {
        Analyzer analyzer = mirror.analyzer;
        Oracle oracle = mirror.oracle;
        int id = mirror.idOf(index);
        String what = "object " + index + " (id " + id + ")";
        assertTrue(analyzer.heap.table.isLive(id), () -> what + " is live");
        assertEquals(index, mirror.indexOf(id), () -> what + " maps back to its index");
        assertEquals(oracle.isContainer(index), analyzer.isTracked(id), () -> what + " is tracked");
        assertEquals(refCount, analyzer.getRefCount(id), () -> what + " reference count");
        assertEquals(oracle.generation(index), generations.getOrDefault(id, Oracle.UNTRACKED), () -> what + " generation");
        int[] block = analyzer.heap.table.edges[id];
        Map<Edge, Integer> edges = oracle.edges(index);
        assertEquals(edges.size(), EdgeSet.size(block), () -> what + " number of distinct edges, expected " + edges);
        for (Map.Entry<Edge, Integer> e : edges.entrySet()) {
            int count = EdgeSet.count(block, mirror.idOf(e.getKey().target()), analyzer.label(e.getKey().field()));
            assertEquals(e.getValue(), count, () -> what + " edge " + e.getKey());
        }
    }

    /** The generation of every tracked id, read from the analyzer's generation lists. */
    static Map<Integer, Integer> generationsOf(Analyzer analyzer) {
        ObjectTable t = analyzer.heap.table;
        Map<Integer, Integer> generations = new HashMap<>();
        for (int g = 0; g <= PERMANENT; g++) {
            int head = g == PERMANENT ? GcList.PERMANENT : GcList.generationHead(g);
            for (int id = t.next[head]; id != head; id = t.next[id]) {
                assertNull(generations.put(id, g), "id " + id + " is in one generation list only");
            }
        }
        return generations;
    }

    private static Map<String, Long> nonZero(Map<String, Long> counters) {
        Map<String, Long> nonZero = new HashMap<>(counters);
        nonZero.values().removeIf(v -> v == 0);
        return nonZero;
    }
}
