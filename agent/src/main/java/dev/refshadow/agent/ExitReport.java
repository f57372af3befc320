package dev.refshadow.agent;

import dev.refshadow.agent.instrument.RefshadowTransformer;
import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.agent.verify.Verifier;
import dev.refshadow.report.LeakRecorder;
import dev.refshadow.report.Report;
import dev.refshadow.report.ReportBuilder;
import dev.refshadow.report.ReportFiles;
import dev.refshadow.report.RunInfo;
import dev.refshadow.report.Verification;
import dev.refshadow.report.render.Units;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What the agent writes when the JVM exits: the report files and a short summary on stderr. */
final class ExitReport {
    private final AgentOptions options;
    private final Shadow shadow;
    private final RefshadowTransformer transformer;
    private final Instant startedAt;
    private final LeakRecorder recorder;
    /** Null unless the agent runs with {@code verify}. */
    private final Verifier verifier;

    ExitReport(AgentOptions options, Instrumentation inst, Shadow shadow, RefshadowTransformer transformer,
               Instant startedAt, Verifier verifier) {
        this.options = options;
        this.verifier = verifier;
        this.shadow = shadow;
        this.transformer = transformer;
        this.startedAt = startedAt;
        this.recorder = new LeakRecorder(shadow.analyzer, new ShallowSizes(inst, shadow));
    }

    /** Starts recording what each collection finds. */
    void attach() {
        shadow.analyzer.collector.setGarbageSink(recorder);
    }

    /** Runs on the analyzer thread after the final collection. */
    void write() {
        Verification verification = verifier == null ? null : verifier.finish(shadow.analyzer);
        Report report = ReportBuilder.build(shadow.analyzer, recorder, RunInfo.ofThisJvm(startedAt, options.given()))
                .withVerification(verification);
        StringBuilder line = new StringBuilder("refshadow: ")
                .append(report.summary().cyclicGarbage()).append(" objects of cyclic garbage in ")
                .append(report.summary().leakGroups()).append(" leak groups; ")
                .append(report.summary().allocated()).append(" allocated, ")
                .append(report.summary().discovered()).append(" discovered, ")
                .append(report.summary().anomalies().total()).append(" anomalies");
        if (verification != null) {
            line.append("; verification: ").append(Units.percent(verification.agreement())).append(" agreement, ")
                    .append(verification.reclaimedByJvm()).append(" watched objects reclaimed by the JVM");
        }
        for (dev.refshadow.analyzer.heap.Anomalies.Kind kind : dev.refshadow.analyzer.heap.Anomalies.Kind.values()) {
            for (String example : shadow.analyzer.heap.anomalies.examples(kind)) {
                line.append("\n  anomaly ").append(kind.reportName).append(": ").append(example);
            }
        }
        if (transformer.failed.get() > 0) {
            line.append("; ").append(transformer.failed.get()).append(" classes not instrumented (first: ")
                    .append(transformer.firstFailure()).append(')');
        }
        try {
            List<Path> files = ReportFiles.write(report, options.reportPrefix(), options.formats(), options.top());
            line.append("; report: ").append(files.get(0));
        } catch (IOException | RuntimeException e) {
            line.append("; the report could not be written: ").append(e.getMessage());
        }
        System.err.println(line);
    }

    /** Shallow sizes from the JVM, asked while the garbage objects still exist. */
    private static final class ShallowSizes implements java.util.function.IntToLongFunction {
        private final Instrumentation inst;
        private final Shadow shadow;

        ShallowSizes(Instrumentation inst, Shadow shadow) {
            this.inst = inst;
            this.shadow = shadow;
        }

        @Override
        public long applyAsLong(int id) {
            Object o = shadow.objectOf(id);
            return o == null ? 0 : inst.getObjectSize(o);
        }
    }
}
