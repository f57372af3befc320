package dev.refshadow.report.leaks;

import java.util.Arrays;

/** Sets of ints as sorted arrays without duplicates: cheap to build for small components, comparable as keys. */
final class IntSets {
    private IntSets() {
    }

    /** The distinct values of {@code values[0..n)}, sorted; sorts {@code values} in place. */
    static int[] sortedDistinct(int[] values, int n) {
        Arrays.sort(values, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || values[i] != values[k - 1]) {
                values[k++] = values[i];
            }
        }
        return Arrays.copyOf(values, k);
    }
}
