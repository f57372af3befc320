package dev.refshadow.agent;

import dev.refshadow.agent.instrument.RefshadowTransformer;
import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.analyzer.Analyzer;
import java.lang.instrument.Instrumentation;

/** What the agent writes when the JVM exits: the report files and a short summary on stderr. */
final class ExitReport {
    private final AgentOptions options;
    private final Instrumentation inst;
    private final Shadow shadow;
    private final RefshadowTransformer transformer;
    private final long startedAt;
    private long cyclicGarbage;

    ExitReport(AgentOptions options, Instrumentation inst, Shadow shadow, RefshadowTransformer transformer,
               long startedAt) {
        this.options = options;
        this.inst = inst;
        this.shadow = shadow;
        this.transformer = transformer;
        this.startedAt = startedAt;
    }

    /** Starts recording what each collection finds. */
    void attach() {
        shadow.analyzer.collector.setGarbageSink(snapshot -> cyclicGarbage += snapshot.size());
    }

    /** Runs on the analyzer thread after the final collection. */
    void write() {
        Analyzer a = shadow.analyzer;
        StringBuilder line = new StringBuilder("refshadow: ")
                .append(a.allocated()).append(" allocated, ")
                .append(a.discovered()).append(" discovered, ")
                .append(a.heap.freedByRefcount()).append(" freed by refcount, ")
                .append(cyclicGarbage).append(" cyclic garbage, ")
                .append(a.heap.anomalies.total()).append(" anomalies ").append(a.heap.anomalies.byKind())
                .append("; ").append(transformer.instrumented.get()).append(" classes instrumented");
        if (transformer.failed.get() > 0) {
            line.append(", ").append(transformer.failed.get()).append(" failed (first: ")
                    .append(transformer.firstFailure()).append(')');
        }
        System.err.println(line);
    }
}
