package dev.refshadow.report.leaks;

import java.util.Arrays;

/**
 * Tarjan's strongly connected components, iterative (a garbage chain of millions of objects
 * must not overflow the stack).
 */
final class StrongComponents {
    final int[] componentOf;
    final boolean[] cyclic;

    StrongComponents(GarbageGraph g) {
        int n = g.size;
        componentOf = new int[n];
        Arrays.fill(componentOf, -1);
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int components = 0;
        boolean[] cyclicScratch = new boolean[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = g.offsets[root];
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < g.offsets[v + 1]) {
                    int w = g.targets[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = g.offsets[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        componentOf[w] = components;
                        size++;
                    } while (w != v);
                    cyclicScratch[components] = size > 1 || hasSelfLoop(g, v);
                    components++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        cyclic = Arrays.copyOf(cyclicScratch, components);
    }

    private static boolean hasSelfLoop(GarbageGraph g, int v) {
        for (int e = g.offsets[v]; e < g.offsets[v + 1]; e++) {
            if (g.targets[e] == v) {
                return true;
            }
        }
        return false;
    }
}
