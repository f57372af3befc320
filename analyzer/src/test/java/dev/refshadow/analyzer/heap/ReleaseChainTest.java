package dev.refshadow.analyzer.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refshadow.analyzer.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: release by refcount is iterative, never recursive, so that chains of millions of
 * objects are freed. A recursive release would overflow the stack long before ten million.
 */
class ReleaseChainTest {
    private static final int LENGTH = 10_000_000;

    @Test
    void droppingTheHeadOfATenMillionChainFreesEveryLink() {
        Analyzer analyzer = new Analyzer(ObjectTable.FIRST_OBJECT_ID + LENGTH);
        analyzer.gc.disable();
        int node = analyzer.defineClass("Node", ObjectTable.CONTAINER);
        int next = analyzer.label("Node.next");

        int head = analyzer.allocate(node, 0);
        analyzer.pin(head);
        int last = head;
        for (int i = 1; i < LENGTH; i++) {
            int link = analyzer.allocate(node, 0);
            analyzer.storeField(last, next, 0, link);
            last = link;
        }
        assertEquals(LENGTH, analyzer.heap.table.liveCount());
        assertEquals(1, analyzer.getRefCount(last));
        long freedBefore = analyzer.heap.freedByRefcount();

        analyzer.unpin(head);

        assertEquals(0, analyzer.heap.table.liveCount());
        assertEquals(LENGTH, analyzer.heap.freedByRefcount() - freedBefore);
        assertEquals(0, analyzer.heap.lists.size(GcList.GENERATION_0), "freed objects leave their generation");
        assertArrayEquals(new int[] {0, 0, 0}, analyzer.gc.getCount(), "count0 went back down with every free");
        assertEquals(0, analyzer.heap.anomalies.total());
    }
}
