package dev.refshadow.cli;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --only GLOB}: keeps the leak groups with a member class or an allocation site that
 * matches one of the globs, e.g. {@code com.acme.*} to set an application's leaks apart from the
 * JDK's own cycles (an application's cycle of JDK classes, such as a list that contains itself,
 * is matched by where it was allocated).
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
        List<LeakGroup> kept = report.leaks().stream().filter(g -> matches(g, patterns)).toList();
        return new Report(report.tool(), report.run(), report.summary(), report.generations(), kept,
                report.verification());
    }

    private static boolean matches(LeakGroup group, List<Pattern> patterns) {
        return group.classes().stream().anyMatch(c -> matchesAny(c.name(), patterns))
                || group.allocationSites().stream().anyMatch(s -> matchesAny(s.site(), patterns));
    }

    private static boolean matchesAny(String name, List<Pattern> patterns) {
        return name != null && patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }
}
