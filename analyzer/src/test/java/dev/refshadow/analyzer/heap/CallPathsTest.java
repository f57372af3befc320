package dev.refshadow.analyzer.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CallPathsTest {
    @Test
    void aPathIsItsMethodCalledFromItsCaller() {
        CallPaths paths = new CallPaths();
        int main = paths.enter(0, 7);
        int run = paths.enter(main, 8);
        assertEquals(main, paths.enter(0, 7), "the same call from the same path is the same node");
        assertEquals(run, paths.enter(main, 8));
        assertNotEquals(run, paths.enter(0, 8), "the same method called from elsewhere is another path");
        assertEquals(8, paths.method(run));
        assertEquals(main, paths.caller(run));
        assertEquals(2, paths.depth(run));
        assertEquals(0, paths.caller(main));
        assertEquals(0, paths.depth(0), "node 0 is the empty path");
    }

    @Test
    void pathsSurviveTheGrowthOfTheirTables() {
        CallPaths paths = new CallPaths();
        int[] nodes = new int[50_000];
        int caller = 0;
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = paths.enter(i % 3 == 0 ? 0 : caller, i % 100);
            caller = nodes[i];
        }
        caller = 0;
        for (int i = 0; i < nodes.length; i++) {
            int expectedCaller = i % 3 == 0 ? 0 : caller;
            assertEquals(nodes[i], paths.enter(expectedCaller, i % 100));
            assertEquals(expectedCaller, paths.caller(nodes[i]));
            assertEquals(i % 100, paths.method(nodes[i]));
            caller = nodes[i];
        }
    }
}
