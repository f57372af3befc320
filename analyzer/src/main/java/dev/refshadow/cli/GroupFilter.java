package dev.refshadow.cli;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --only GLOB}: keeps the leak groups with a member class whose name matches one of the
 * globs, e.g. {@code com.acme.*} to set an application's leaks apart from the JDK's own cycles.
 */
final class GroupFilter {
    private GroupFilter() {
    }

    /** The report with only the matching groups (all of them when {@code globs} is empty). */
    static Report only(Report report, List<String> globs) {
        if (globs == null || globs.isEmpty()) {
            return report;
        }
        List<Pattern> patterns = globs.stream().map(Suppression::glob).toList();
        List<LeakGroup> kept = report.leaks().stream()
                .filter(g -> g.classes().stream().anyMatch(c -> patterns.stream().anyMatch(p -> p.matcher(c.name()).matches())))
                .toList();
        return new Report(report.tool(), report.run(), report.summary(), report.generations(), kept,
                report.verification());
    }
}
