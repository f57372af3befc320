package dev.refshadow.analyzer.gc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** CPython's {@code GCState}: thresholds, counts, switches and statistics of the collector. */
public final class GcState {
    public static final int NUM_GENERATIONS = 3;

    public static final int DEBUG_STATS = 1;
    public static final int DEBUG_COLLECTABLE = 2;
    public static final int DEBUG_UNCOLLECTABLE = 4;
    public static final int DEBUG_SAVEALL = 32;
    public static final int DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

    final int[] threshold = {700, 10, 10};
    /** count[0]: containers allocated minus freed; count[1], count[2]: collections of the younger generation. */
    final int[] count = new int[NUM_GENERATIONS];
    boolean enabled = true;
    boolean collecting;
    int debug;
    /** Objects promoted into generation 2 since its last collection, and its size then (the 25 % rule). */
    long longLivedPending;
    long longLivedTotal;
    final long[] collections = new long[NUM_GENERATIONS];
    final long[] collected = new long[NUM_GENERATIONS];
    final long[] uncollectable = new long[NUM_GENERATIONS];
    /** CPython's gc.garbage: ids, each holding one count. */
    final IntList garbage = new IntList();
    final List<GcCallback> callbacks = new ArrayList<>();

    public int[] getCount() {
        return count.clone();
    }

    public int[] getThreshold() {
        return threshold.clone();
    }

    /** {@code gc.set_threshold(t0[, t1[, t2]])}: generations not given keep their threshold. */
    public void setThreshold(int... thresholds) {
        if (thresholds.length < 1 || thresholds.length > NUM_GENERATIONS) {
            throw new IllegalArgumentException("setThreshold takes 1 to 3 thresholds, got " + thresholds.length);
        }
        for (int t : thresholds) {
            if (t < 0) {
                throw new IllegalArgumentException("thresholds must not be negative: " + Arrays.toString(thresholds));
            }
        }
        System.arraycopy(thresholds, 0, threshold, 0, thresholds.length);
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isCollecting() {
        return collecting;
    }

    public int getDebug() {
        return debug;
    }

    public void setDebug(int flags) {
        debug = flags;
    }

    public List<GenerationStats> getStats() {
        List<GenerationStats> stats = new ArrayList<>(NUM_GENERATIONS);
        for (int g = 0; g < NUM_GENERATIONS; g++) {
            stats.add(new GenerationStats(collections[g], collected[g], uncollectable[g]));
        }
        return stats;
    }

    public List<GcCallback> callbacks() {
        return callbacks;
    }

    /** A container was allocated: CPython's {@code generations[0].count++}. */
    public void containerAllocatedHook() {
        count[0]++;
    }

    /** A container was freed: CPython's {@code PyObject_GC_Del} lowers count0 while it is above 0. */
    public void containerFreedHook() {
        if (count[0] > 0) {
            count[0]--;
        }
    }

    /** {@code gc.freeze()} zeroes the count of every generation, as {@code gc_freeze_impl} does. */
    public void freezeHook() {
        Arrays.fill(count, 0);
    }

    public int[] garbageIds() {
        return garbage.toArray();
    }

    /** The references of gc.garbage were released by the caller. */
    public void garbageCleared() {
        garbage.clear();
    }
}
