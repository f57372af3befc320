package dev.refshadow.cli;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.ReportInputException;
import dev.refshadow.report.ReportJson;
import dev.refshadow.report.render.Units;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refshadow diff <old.json> <new.json>}: new, fixed and changed leak groups, by fingerprint. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two reports by fingerprint: new, fixed and changed leak groups.",
                "Exits 0 (use 'check --baseline' to fail on new groups), 2 on bad input."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<old.json>")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "<new.json>")
    Path newFile;

    @Override
    public Integer call() throws ReportInputException {
        Map<String, LeakGroup> before = byFingerprint(ReportJson.read(oldFile));
        Map<String, LeakGroup> after = byFingerprint(ReportJson.read(newFile));
        List<LeakGroup> added = new ArrayList<>();
        List<LeakGroup[]> changed = new ArrayList<>();
        for (LeakGroup g : after.values()) {
            LeakGroup old = before.get(g.fingerprint());
            if (old == null) {
                added.add(g);
            } else if (old.objects() != g.objects() || old.instances() != g.instances()
                    || old.shallowBytes() != g.shallowBytes()) {
                changed.add(new LeakGroup[] {old, g});
            }
        }
        List<LeakGroup> fixed = before.values().stream().filter(g -> !after.containsKey(g.fingerprint())).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.println("refshadow diff: " + oldFile + " -> " + newFile + ": " + added.size() + " new, " + fixed.size()
                + " fixed, " + changed.size() + " changed, "
                + (after.size() - added.size() - changed.size()) + " unchanged");
        section(out, "new", added, "+ ");
        section(out, "fixed", fixed, "- ");
        if (!changed.isEmpty()) {
            out.println("changed:");
            for (LeakGroup[] pair : changed) {
                out.println("  ~ " + pair[1].fingerprint() + "  objects " + change(pair[0].objects(), pair[1].objects())
                        + ", instances " + change(pair[0].instances(), pair[1].instances()) + ", bytes "
                        + Units.bytes(pair[0].shallowBytes()) + " -> " + Units.bytes(pair[1].shallowBytes()));
            }
        }
        return 0;
    }

    private static void section(PrintWriter out, String title, List<LeakGroup> groups, String mark) {
        if (!groups.isEmpty()) {
            out.println(title + ":");
            groups.forEach(g -> out.println("  " + mark + GroupLine.of(g)));
        }
    }

    private static String change(long before, long after) {
        return Units.count(before) + " -> " + Units.count(after);
    }

    private static Map<String, LeakGroup> byFingerprint(Report r) {
        Map<String, LeakGroup> map = new LinkedHashMap<>();
        r.leaks().forEach(g -> map.put(g.fingerprint(), g));
        return map;
    }
}
