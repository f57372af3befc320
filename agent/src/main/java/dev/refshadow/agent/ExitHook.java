package dev.refshadow.agent;

import dev.refshadow.agent.runtime.AnalyzerThread;
import dev.refshadow.agent.runtime.Request;
import dev.refshadow.agent.shadow.Shadow;

/** At JVM exit: apply every buffer, run a final full collection, write the report. */
final class ExitHook implements Runnable {
    private final AnalyzerThread analyzer;
    private final ExitReport report;

    ExitHook(AnalyzerThread analyzer, ExitReport report) {
        this.analyzer = analyzer;
        this.report = report;
    }

    @Override
    public void run() {
        if (analyzer.crash() != null) {
            System.err.println("refshadow: the analyzer stopped early: " + analyzer.crash());
            return;
        }
        analyzer.shutdown(new Request() {
            @Override
            protected void run(Shadow shadow) {
                shadow.analyzer.heap.settleAll();
                shadow.analyzer.collect();
                report.write();
            }
        });
    }
}
