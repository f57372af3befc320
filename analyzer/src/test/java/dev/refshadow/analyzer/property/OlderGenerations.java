package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.Analyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of the generations older than the one about to be collected, as both the oracle
 * and the analyzer hold them: a young collection must leave them as they are, except where
 * refcounting frees what only the young garbage held (then the oracle's state changes too).
 */
final class OlderGenerations {
    /** One older object: the oracle's count and edges, the analyzer's id, count, raw edge block and generation. */
    private record Entry(int index, int oracleRefCount, Map<Edge, Integer> oracleEdges, int id, int refCount,
                         int[] edgeBlock, int generation) {
    }

    private final int collected;
    private final List<Entry> entries = new ArrayList<>();

    private OlderGenerations(int collected) {
        this.collected = collected;
    }

    /** Takes the snapshot before {@code collect(collected)}; the mirror must be settled. */
    static OlderGenerations capture(Mirror mirror, int collected) {
        OlderGenerations older = new OlderGenerations(collected);
        Oracle oracle = mirror.oracle;
        Analyzer analyzer = mirror.analyzer;
        Map<Integer, Integer> generations = Agreement.generationsOf(analyzer);
        int[] rc = oracle.refCounts();
        for (int index = 0; index < oracle.size(); index++) {
            if (oracle.isLive(index) && oracle.generation(index) > collected) {
                int id = mirror.idOf(index);
                int[] block = analyzer.heap.table.edges[id];
                older.entries.add(new Entry(index, rc[index], new HashMap<>(oracle.edges(index)), id,
                        analyzer.getRefCount(id), block == null ? null : block.clone(), generations.get(id)));
            }
        }
        return older;
    }

    /**
     * After the collection: the garbage it found lies in the collected generations only, and every
     * older object the oracle did not see change is, in the analyzer, bit for bit what it was.
     * Returns how many older objects did change (freed or released by refcount after the garbage).
     */
    int assertUntouchedUnlessReleased(Mirror mirror) {
        List<Mirror.CollectionRecord> collections = mirror.observedCollections();
        for (int index : collections.get(collections.size() - 1).garbage()) {
            assertTrue(mirror.oracle.generation(index) <= collected, () -> "garbage " + index + " is in a collected generation");
        }
        Map<Integer, Integer> generations = Agreement.generationsOf(mirror.analyzer);
        int[] rc = mirror.oracle.refCounts();
        int changed = 0;
        for (Entry e : entries) {
            boolean unchanged = mirror.oracle.isLive(e.index()) && rc[e.index()] == e.oracleRefCount()
                    && mirror.oracle.edges(e.index()).equals(e.oracleEdges());
            if (!unchanged) {
                changed++;
                continue;
            }
            String what = "older object " + e.index() + " (id " + e.id() + ")";
            assertEquals(e.refCount(), mirror.analyzer.getRefCount(e.id()), () -> what + " reference count");
            assertArrayEquals(e.edgeBlock(), mirror.analyzer.heap.table.edges[e.id()], () -> what + " edges");
            assertEquals(e.generation(), generations.get(e.id()), () -> what + " generation");
        }
        return changed;
    }
}
