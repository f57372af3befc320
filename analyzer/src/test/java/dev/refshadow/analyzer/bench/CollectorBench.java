package dev.refshadow.analyzer.bench;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.ObjectTable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The analyzer's half of {@code scripts/bench-collector.sh}: builds one graph in the shadow heap
 * and times full collections ({@link Analyzer#collect()}) over it, warm-up collections first (at
 * least {@code <warm-up>} of them and one second).
 *
 * <p>The graph is built exactly as the script's Python half builds it, event for event, with
 * automatic collection disabled: N objects of a container class with four reference fields
 * ({@code f0..f3}), kept alive
 * <ul>
 * <li>for {@code none}, {@code edge1}, {@code edge4}: by one holder array of N slots (Python: a
 * list), allocated before the nodes and itself held by one external reference (a pin; Python: a
 * module global); slot i holds node i; then each node gets 0, 1 or 4 random edges, field
 * {@code f0}, then {@code f1}..., to nodes drawn by the same 64-bit LCG with the same seed;
 * <li>for {@code ring}: by one external reference to the first node of a ring, node i's
 * {@code f0} holding node i + 1 and the last node's the first.
 * </ul>
 * The printed checksum of the random edges is computed the same way on both sides.
 *
 * <p>Usage: {@code CollectorBench <none|edge1|edge4|ring> <N> <warm-up> <measured>}. Prints one
 * line: {@code analyzer shape=... checksum=... median_ns=... ns_per_obj=... times_ns=t1,t2,...},
 * where ns_per_obj is the median collection time divided by N and times_ns lists every measured
 * collection.
 */
public final class CollectorBench {
    static final long LCG_MUL = 6364136223846793005L;
    static final long LCG_ADD = 1442695040888963407L;
    static final long SEED = 42;

    private CollectorBench() {
    }

    public static void main(String[] args) {
        String shape = args[0];
        int n = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);

        long t0 = System.nanoTime();
        long[] checksum = new long[1];
        Analyzer a = build(shape, n, checksum);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;

        // Warm-up: at least `warm` collections and one second, so that the JIT is done even when
        // its compiler thread has to share a busy machine.
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        for (int r = 0; r < warm || System.nanoTime() < warmUntil; r++) {
            collectLive(a);
        }
        long[] times = new long[reps];
        StringBuilder all = new StringBuilder();
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            collectLive(a);
            times[r] = System.nanoTime() - s;
            all.append(r == 0 ? "" : ",").append(times[r]);
        }
        Arrays.sort(times);
        long median = times[reps / 2];
        System.out.println(String.format(Locale.ROOT,
                "analyzer shape=%s checksum=%s live=%d build_s=%.1f median_ns=%d ns_per_obj=%.2f times_ns=%s",
                shape, Long.toUnsignedString(checksum[0]), a.heap.table.liveCount(), buildSeconds, median,
                (double) median / n, all));
    }

    private static void collectLive(Analyzer a) {
        long collected = a.collect();
        if (collected != 0) {
            throw new IllegalStateException("collected " + collected + " objects from a live graph");
        }
    }

    /**
     * Builds the graph of {@code shape} over {@code n} nodes in a new analyzer, automatic
     * collection disabled; {@code checksumOut[0]} receives the checksum of the random edges.
     */
    public static Analyzer build(String shape, int n, long[] checksumOut) {
        Analyzer a = new Analyzer(n + 64);
        a.gc.disable();
        int nodeClass = a.defineClass("Node", ObjectTable.CONTAINER);
        int arrayClass = a.defineClass("Node[]", ObjectTable.CONTAINER);
        int site = a.site("CollectorBench.build");
        int[] field = new int[4];
        for (int k = 0; k < 4; k++) {
            field[k] = a.label("Node.f" + k);
        }
        long checksum = 0;
        if (shape.equals("ring")) {
            int first = a.allocate(nodeClass, site);
            a.pin(first);
            int prev = first;
            for (int i = 1; i < n; i++) {
                int node = a.allocate(nodeClass, site);
                a.storeField(prev, field[0], 0, node);
                prev = node;
            }
            a.storeField(prev, field[0], 0, first);
        } else {
            int edges = switch (shape) {
                case "none" -> 0;
                case "edge1" -> 1;
                case "edge4" -> 4;
                default -> throw new IllegalArgumentException("unknown shape " + shape);
            };
            int holder = a.allocate(arrayClass, site);
            a.pin(holder);
            int[] nodes = new int[n];
            for (int i = 0; i < n; i++) {
                nodes[i] = a.allocate(nodeClass, site);
                a.storeArray(holder, 0, nodes[i]);
            }
            long x = SEED;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < edges; k++) {
                    x = x * LCG_MUL + LCG_ADD;
                    int target = (int) Long.remainderUnsigned(x >>> 33, n);
                    checksum = checksum * 31 + target;
                    a.storeField(nodes[i], field[k], 0, nodes[target]);
                }
            }
        }
        checksumOut[0] = checksum;
        return a;
    }
}
