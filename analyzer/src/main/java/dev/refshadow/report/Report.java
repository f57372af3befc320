package dev.refshadow.report;

import java.util.List;

/**
 * A refshadow report: the contract every output format is rendered from ({@value #SCHEMA}).
 * Fields are only ever added; README.md's "Report format" lists them and
 * {@code dev/refshadow/report/refshadow-report-1.schema.json} defines them.
 *
 * @param leaks leak groups, largest first (objects, then shallow bytes, then fingerprint)
 */
public record Report(ToolInfo tool, RunInfo run, Summary summary, List<Generation> generations,
                     List<LeakGroup> leaks) {
    public static final String SCHEMA = "refshadow-report/1";

    public Report {
        generations = List.copyOf(generations);
        leaks = List.copyOf(leaks);
    }
}
