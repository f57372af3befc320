package dev.refshadow.analyzer.heap;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of events the shadow heap could not apply cleanly: what escaped instrumentation. */
public final class Anomalies {
    /** The kinds of anomaly, with the names reports use. */
    public enum Kind {
        /** A reference count would have gone below zero. */
        NEGATIVE_REFCOUNT("negativeRefcount"),
        /** An event named an object the shadow had already freed. */
        FREED_OBJECT_SEEN("freedObjectSeen"),
        /** A temporary was consumed that was never pushed. */
        UNKNOWN_TEMPORARY("unknownTemporary"),
        /** A frame exit without a matching frame enter. */
        UNBALANCED_FRAME("unbalancedFrame"),
        /** The JVM reclaimed an object the shadow held live outside any cycle. */
        JVM_COLLECTED_LIVE("jvmCollectedLive");

        public final String reportName;

        Kind(String reportName) {
            this.reportName = reportName;
        }
    }

    private final long[] counts = new long[Kind.values().length];

    public void record(Kind kind) {
        counts[kind.ordinal()]++;
    }

    public long count(Kind kind) {
        return counts[kind.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** Counter per kind, in declaration order, keyed by report name. */
    public Map<String, Long> byKind() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            map.put(kind.reportName, counts[kind.ordinal()]);
        }
        return map;
    }
}
