package dev.refshadow.cli;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.ReportInputException;
import dev.refshadow.report.ReportJson;
import dev.refshadow.report.render.Units;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refshadow check}: the CI gate. Exit 0 within the limits, 1 over them (with what broke
 * them), 2 on usage or input errors. Groups whose fingerprint the baseline has, and groups an
 * unexpired suppression names, do not count. Without any limit, any counted group fails.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Fail (exit 1) when a report's leaks exceed the limits; exit 0 within them, 2 on bad input.",
                "Without --max-objects and --max-groups, any leak group that counts fails."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>")
    Path input;

    @Option(names = "--max-objects", paramLabel = "N", description = "most leaked objects allowed (in counted groups)")
    Long maxObjects;

    @Option(names = "--max-groups", paramLabel = "N", description = "most leak groups allowed")
    Long maxGroups;

    @Option(names = "--baseline", paramLabel = "old.json",
            description = "an earlier report: only groups whose fingerprint it lacks count")
    Path baseline;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "count only the leak groups with a class or allocation site matching GLOB (repeatable), e.g. 'com.acme.*'")
    List<String> only;

    @Option(names = "--suppressions", paramLabel = "FILE",
            description = "lines of '" + SuppressionFile.FORM + "'; '#' starts a comment")
    Path suppressionsFile;

    @Override
    public Integer call() throws ReportInputException {
        checkLimit("--max-objects", maxObjects);
        checkLimit("--max-groups", maxGroups);
        Report report = GroupFilter.only(ReportJson.read(input), only);
        Set<String> known = baseline == null ? Set.of()
                : ReportJson.read(baseline).leaks().stream().map(LeakGroup::fingerprint).collect(Collectors.toSet());
        List<Suppression> suppressions = suppressionsFile == null ? List.of() : SuppressionFile.read(suppressionsFile);
        LocalDate today = LocalDate.now();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        Map<Suppression, List<LeakGroup>> used = new LinkedHashMap<>();
        List<LeakGroup> counted = new ArrayList<>();
        for (LeakGroup g : report.leaks()) {
            Suppression s = suppressions.stream().filter(x -> !x.expiredOn(today) && x.matches(g)).findFirst()
                    .orElse(null);
            if (s != null) {
                used.computeIfAbsent(s, x -> new ArrayList<>()).add(g);
            } else if (!known.contains(g.fingerprint())) {
                counted.add(g);
            }
        }
        for (Suppression s : suppressions) {
            if (s.expiredOn(today)) {
                err.println("refshadow check: warning: " + s.where() + ": expired on " + s.expires()
                        + ", no longer applied");
            } else if (!used.containsKey(s)) {
                err.println("refshadow check: warning: " + s.where() + ": matches no leak group (stale suppression)");
            }
        }
        used.forEach((s, groups) -> out.println("suppressed by " + s.where() + " (" + s.reason()
                + (s.expires() == null ? "" : ", until " + s.expires()) + "): "
                + Units.plural(groups.size(), "group") + ", "
                + Units.plural(LeakGroup.objectsIn(groups), "object")));
        return verdict(report, counted, known.isEmpty() ? "" : " new since " + baseline, out);
    }

    private int verdict(Report report, List<LeakGroup> counted, String qualifier, PrintWriter out) {
        long objects = LeakGroup.objectsIn(counted);
        long groupLimit = maxGroups != null ? maxGroups : maxObjects == null ? 0 : Long.MAX_VALUE;
        long objectLimit = maxObjects != null ? maxObjects : Long.MAX_VALUE;
        List<String> broken = new ArrayList<>();
        if (counted.size() > groupLimit) {
            broken.add(Units.plural(counted.size(), "leak group") + qualifier + " (limit " + groupLimit + ")");
        }
        if (objects > objectLimit) {
            broken.add(Units.plural(objects, "leaked object") + qualifier + " (limit " + objectLimit + ")");
        }
        String counts = Units.plural(counted.size(), "leak group") + qualifier + ", "
                + Units.plural(objects, "object") + " (of " + Units.plural(report.leaks().size(), "group") + " in "
                + input + ")";
        if (broken.isEmpty()) {
            out.println("refshadow check: OK: " + counts);
            return 0;
        }
        out.println("refshadow check: FAILED: " + String.join(", ", broken));
        counted.forEach(g -> out.println("  " + GroupLine.of(g)));
        return 1;
    }

    private void checkLimit(String option, Long value) {
        if (value != null && value < 0) {
            throw new ParameterException(spec.commandLine(), option + " must not be negative, got " + value);
        }
    }
}
