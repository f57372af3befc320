package dev.refshadow.analyzer.property;

import dev.refshadow.analyzer.gc.GenerationStats;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting, statistics and triggering rules of {@code shared/cpython-gc.md}, modelled
 * independently of the analyzer's {@code GcState} and {@code Collector}.
 */
final class GcRules {
    static final int GENERATIONS = 3;
    static final int NO_COLLECTION = -1;

    private final int[] threshold = {700, 10, 10};
    private final int[] count = new int[GENERATIONS];
    private final long[] collections = new long[GENERATIONS];
    private final long[] collected = new long[GENERATIONS];
    private boolean enabled = true;
    /** Objects promoted into generation 2 since its last collection, and its size after it. */
    private long longLivedPending;
    private long longLivedTotal;
    private int fullCollectionsPostponed;

    void setThreshold(int... thresholds) {
        System.arraycopy(thresholds, 0, threshold, 0, thresholds.length);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * A container is allocated: count0 rises and, before the object is tracked, the automatic
     * collection is considered. Returns the generation it collects, or {@link #NO_COLLECTION}.
     */
    int containerAllocated() {
        count[0]++;
        if (!enabled || threshold[0] == 0 || count[0] <= threshold[0]) {
            return NO_COLLECTION;
        }
        for (int g = GENERATIONS - 1; g >= 0; g--) {
            if (count[g] <= threshold[g]) {
                continue;
            }
            if (g == GENERATIONS - 1 && longLivedPending < longLivedTotal / 4) {
                fullCollectionsPostponed++;
                continue;
            }
            return g;
        }
        return NO_COLLECTION;
    }

    /** Containers were freed: count0 goes down, but never below 0. */
    void containersFreed(int freed) {
        count[0] = Math.max(0, count[0] - freed);
    }

    /**
     * A collection of {@code generation} ran: counts 0..generation are zeroed (the containers it
     * frees cannot lower them further), the next generation's count goes up, the statistics of
     * {@code generation} record it, and the long-lived bookkeeping follows the survivors.
     */
    void collection(Oracle.Outcome outcome) {
        int generation = outcome.generation();
        if (generation + 1 < GENERATIONS) {
            count[generation + 1]++;
        }
        for (int g = 0; g <= generation; g++) {
            count[g] = 0;
        }
        if (generation == GENERATIONS - 2) {
            longLivedPending += outcome.survivors();
        } else if (generation == GENERATIONS - 1) {
            longLivedPending = 0;
            longLivedTotal = outcome.survivors();
        }
        collections[generation]++;
        collected[generation] += outcome.found();
    }

    /** How many times the 25 % rule held back a due collection of generation 2. */
    int fullCollectionsPostponed() {
        return fullCollectionsPostponed;
    }

    int[] counts() {
        return count.clone();
    }

    List<GenerationStats> stats() {
        List<GenerationStats> stats = new ArrayList<>();
        for (int g = 0; g < GENERATIONS; g++) {
            stats.add(new GenerationStats(collections[g], collected[g], 0));
        }
        return stats;
    }
}
