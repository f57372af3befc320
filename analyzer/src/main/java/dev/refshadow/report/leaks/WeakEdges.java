package dev.refshadow.report.leaks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which class-level edges, made weak, would leave a garbage component without any cycle: every
 * edge of that class-level kind is removed and the component's cycle edges are checked for a
 * topological order (Kahn's algorithm).
 *
 * <p>Only a kind present in every cyclic strongly connected component can qualify, so only those
 * are checked, back-pointer names first; the checks of one component stop after
 * {@value #WORK_BUDGET} edge visits, which bounds the cost of huge components with many kinds
 * of edge (the kinds left unchecked count as not breaking the component).
 */
final class WeakEdges {
    static final long WORK_BUDGET = 50_000_000L;

    private WeakEdges() {
    }

    /** The class-level edge ids whose removal breaks every cycle of the component. */
    static List<Integer> breakingAll(GarbageGraph g, Names names, int[] members, Scratch s) {
        List<Integer> candidates = candidates(g, names, members);
        List<Integer> breaking = new ArrayList<>();
        if (candidates.isEmpty()) {
            return breaking;
        }
        long work = members.length;
        for (int u : members) {
            work += g.offsets[u + 1] - g.offsets[u];
        }
        long checks = Math.max(1, WORK_BUDGET / work);
        for (int k = 0; k < candidates.size() && k < checks; k++) {
            if (acyclicWithout(g, members, candidates.get(k), s)) {
                breaking.add(candidates.get(k));
            }
        }
        return breaking;
    }

    /** Edge kinds present in every cyclic strongly connected component of the component, best names first. */
    private static List<Integer> candidates(GarbageGraph g, Names names, int[] members) {
        // (component, edge kind) pairs of the cycle edges, distinct
        long[] pairs = new long[16];
        int n = 0;
        for (int u : members) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (g.onCycle(u, e)) {
                    if (n == pairs.length) {
                        pairs = Arrays.copyOf(pairs, n * 2);
                    }
                    pairs[n++] = ((long) g.scc[u] << 32) | g.edgeIds[e];
                }
            }
        }
        Arrays.sort(pairs, 0, n);
        int components = 0;
        int[] kinds = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
                components++;
            }
            kinds[distinct++] = (int) pairs[i];
        }
        // a kind qualifies when every component has it
        Arrays.sort(kinds, 0, distinct);
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < distinct; ) {
            int j = i;
            while (j < distinct && kinds[j] == kinds[i]) {
                j++;
            }
            if (j - i == components) {
                result.add(kinds[i]);
            }
            i = j;
        }
        if (result.size() > 1) {
            result.sort(Comparator.comparingInt(names::backPointerRank).thenComparing(names::edgeKey));
        }
        return result;
    }

    private static boolean acyclicWithout(GarbageGraph g, int[] members, int removed, Scratch s) {
        int[] indegree = s.indegree;
        for (int u : members) {
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (g.onCycle(u, e) && g.edgeIds[e] != removed) {
                    indegree[g.targets[e]]++;
                }
            }
        }
        int head = 0;
        int tail = 0;
        for (int u : members) {
            if (indegree[u] == 0) {
                s.queue[tail++] = u;
            }
        }
        while (head < tail) {
            int u = s.queue[head++];
            for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
                if (g.onCycle(u, e) && g.edgeIds[e] != removed && --indegree[g.targets[e]] == 0) {
                    s.queue[tail++] = g.targets[e];
                }
            }
        }
        for (int u : members) {
            indegree[u] = 0;
        }
        return tail == members.length;
    }
}
