package dev.refshadow.analyzer.bench;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.ObjectTable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The analyzer's half of {@code scripts/bench-collector.sh}: builds one graph in the shadow heap
 * and times full collections ({@link Analyzer#collect()}) over it, warm-up iterations first.
 *
 * <p>The graph is built exactly as the script's Python half builds it, event for event: with
 * automatic collection disabled, objects of a container class with four reference fields
 * ({@code f0..f3}), kept alive either through one holder array of N slots that is itself held
 * by one external reference (a pin, the Python side's local variable) and allocated before the
 * nodes, or, for {@code ring}, through one external reference to the first node of the ring.
 * Random edges come from the same 64-bit LCG with the same seed on both sides; the printed
 * checksum proves the graphs are the same.
 *
 * <p>Usage: {@code CollectorBench <none|edge1|edge4|ring> <N> <warm-up> <measured>}. Prints one
 * line: {@code analyzer shape=... checksum=... median_ns=... ns_per_obj=...}.
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
        Analyzer a = new Analyzer(n + 64);
        a.gc.disable();
        int nodeClass = a.defineClass("Node", ObjectTable.CONTAINER);
        int arrayClass = a.defineClass("Node[]", ObjectTable.CONTAINER);
        int site = a.site("CollectorBench.main");
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
        double build = (System.nanoTime() - t0) / 1e9;

        long[] times = new long[reps];
        for (int r = 0; r < warm + reps; r++) {
            long s = System.nanoTime();
            long collected = a.collect();
            long e = System.nanoTime() - s;
            if (collected != 0) {
                throw new IllegalStateException("collected " + collected + " objects from a live graph");
            }
            if (r >= warm) {
                times[r - warm] = e;
            }
        }
        Arrays.sort(times);
        long median = times[reps / 2];
        System.out.println(String.format(Locale.ROOT,
                "analyzer shape=%s build=%.1fs checksum=%s live=%d median_ns=%d min_ns=%d ns_per_obj=%.2f",
                shape, build, Long.toUnsignedString(checksum), a.heap.table.liveCount(), median, times[0],
                (double) median / n));
    }
}
