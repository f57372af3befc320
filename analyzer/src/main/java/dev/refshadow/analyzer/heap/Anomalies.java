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
        JVM_COLLECTED_LIVE("jvmCollectedLive"),
        /** An event the analyzer failed to apply (an internal error; the event was skipped). */
        EVENT_FAILED("eventFailed");

        public final String reportName;

        Kind(String reportName) {
            this.reportName = reportName;
        }
    }

    private static final int EXAMPLES_PER_KIND = 5;
    private final long[] counts = new long[Kind.values().length];
    private final Map<Kind, java.util.List<String>> examples = new java.util.EnumMap<>(Kind.class);

    public void record(Kind kind) {
        counts[kind.ordinal()]++;
    }

    /** Records an anomaly with a description of where it happened (the first few are kept). */
    public void record(Kind kind, String example) {
        record(kind);
        java.util.List<String> list = examples.computeIfAbsent(kind, k -> new java.util.ArrayList<>());
        if (list.size() < EXAMPLES_PER_KIND) {
            list.add(example);
        }
    }

    /** The first few described occurrences of {@code kind}. */
    public java.util.List<String> examples(Kind kind) {
        return examples.getOrDefault(kind, java.util.List.of());
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
