package dev.refshadow.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a whole run.
 *
 * @param trackedObjects containers tracked when the report was made (generations and permanent generation)
 * @param cyclicGarbage objects found unreachable by all collections (collected plus uncollectable)
 * @param collections collections of generations 0, 1 and 2
 */
public record Summary(long trackedObjects, long allocated, long discovered, long freedByRefcount,
                      long cyclicGarbage, long leakGroups, List<Long> collections, AnomalyCounts anomalies) {
    public Summary {
        collections = List.copyOf(collections);
    }

    /** Anomalies: their total and one counter per kind, keyed by the kind's report name. */
    public record AnomalyCounts(long total, Map<String, Long> byKind) {
        public AnomalyCounts {
            byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
        }
    }
}
