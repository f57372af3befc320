package dev.refshadow.report;

import java.util.List;

/**
 * A refshadow report: the contract every output format is rendered from ({@value #SCHEMA}).
 * Fields are only ever added; README.md's "Report format" lists them and
 * {@code dev/refshadow/report/refshadow-report-1.schema.json} defines them.
 *
 * @param leaks leak groups, largest first (objects, then shallow bytes, then fingerprint)
 * @param verification the comparison with the JVM's collector; null unless the agent ran with {@code verify}
 */
public record Report(ToolInfo tool, RunInfo run, Summary summary, List<Generation> generations,
                     List<LeakGroup> leaks, Verification verification) {
    public static final String SCHEMA = "refshadow-report/1";

    public Report {
        generations = List.copyOf(generations);
        leaks = List.copyOf(leaks);
    }

    /** A report without verification. */
    public Report(ToolInfo tool, RunInfo run, Summary summary, List<Generation> generations, List<LeakGroup> leaks) {
        this(tool, run, summary, generations, leaks, null);
    }

    public Report withVerification(Verification v) {
        return new Report(tool, run, summary, generations, leaks, v);
    }
}
