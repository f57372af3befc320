package dev.refshadow.report.leaks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Fingerprint} of each component, computed once per shape: components are keyed by
 * their sets of class-name ids and class-level edge ids, and only a shape not seen before is
 * hashed.
 */
final class ShapeFingerprints {
    private static final class Shape {
        final int[] classKeys;
        final int[] edgeIds;
        final int hash;

        Shape(int[] classKeys, int[] edgeIds) {
            this.classKeys = classKeys;
            this.edgeIds = edgeIds;
            this.hash = 31 * Arrays.hashCode(classKeys) + Arrays.hashCode(edgeIds);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape && Arrays.equals(classKeys, ((Shape) o).classKeys)
                    && Arrays.equals(edgeIds, ((Shape) o).edgeIds);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Names names;
    private final Map<Shape, String> fingerprints = new HashMap<>();
    private int[] classBuffer = new int[16];
    private int[] edgeBuffer = new int[16];

    ShapeFingerprints(Names names) {
        this.names = names;
    }

    String of(GarbageGraph g, int[] members) {
        if (classBuffer.length < members.length) {
            classBuffer = new int[members.length];
        }
        int edges = 0;
        for (int k = 0; k < members.length; k++) {
            int u = members[k];
            classBuffer[k] = names.classKey(g.snapshot.classIds[u]);
            int out = g.offsets[u + 1] - g.offsets[u];
            if (edgeBuffer.length < edges + out) {
                edgeBuffer = Arrays.copyOf(edgeBuffer, Math.max(edges + out, edgeBuffer.length * 2));
            }
            System.arraycopy(g.edgeIds, g.offsets[u], edgeBuffer, edges, out);
            edges += out;
        }
        Shape shape = new Shape(IntSets.sortedDistinct(classBuffer, members.length),
                IntSets.sortedDistinct(edgeBuffer, edges));
        return fingerprints.computeIfAbsent(shape, s -> Fingerprint.of(classNames(g, members), edgeKeys(s)));
    }

    private Set<String> classNames(GarbageGraph g, int[] members) {
        Set<String> classes = new TreeSet<>();
        for (int u : members) {
            classes.add(names.className(g.snapshot.classIds[u]));
        }
        return classes;
    }

    private Set<EdgeKey> edgeKeys(Shape shape) {
        Set<EdgeKey> edges = new TreeSet<>();
        for (int id : shape.edgeIds) {
            edges.add(names.edgeKey(id));
        }
        return edges;
    }
}
