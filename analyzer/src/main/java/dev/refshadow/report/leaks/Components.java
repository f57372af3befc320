package dev.refshadow.report.leaks;

import java.util.Arrays;

/**
 * The weakly connected components of a garbage graph: each is one leaked structure, its cycles
 * together with everything that only they held. Components are numbered in the order of their
 * first object in the snapshot; {@link #members} lists each component's objects in snapshot
 * order, component {@code c} at {@code starts[c] .. starts[c+1]-1}.
 */
final class Components {
    public final int count;
    public final int[] starts;
    public final int[] members;

    public Components(GarbageGraph g) {
        int n = g.size;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int from = 0; from < n; from++) {
            for (int e = g.offsets[from]; e < g.offsets[from + 1]; e++) {
                union(parent, from, g.targets[e]);
            }
        }
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int[] sizes = new int[n + 1];
        int c = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (number[root] < 0) {
                number[root] = c++;
            }
            sizes[number[root] + 1]++;
        }
        count = c;
        starts = new int[c + 1];
        for (int k = 0; k < c; k++) {
            starts[k + 1] = starts[k] + sizes[k + 1];
        }
        members = new int[n];
        int[] fill = Arrays.copyOf(starts, c);
        for (int i = 0; i < n; i++) {
            members[fill[number[find(parent, i)]]++] = i;
        }
    }

    public int size(int component) {
        return starts[component + 1] - starts[component];
    }

    private static int find(int[] parent, int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[i] != root) {
            int next = parent[i];
            parent[i] = root;
            i = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
