package dev.refshadow.cli;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.render.CyclePath;
import dev.refshadow.report.render.Units;
import java.util.List;

/** A leak group on one line, for the check and diff commands. */
final class GroupLine {
    /** Steps of a cycle shown before the rest is abbreviated to its count and the back-edge. */
    static final int STEPS_SHOWN = 5;

    private GroupLine() {
    }

    static String of(LeakGroup g) {
        return g.fingerprint() + "  " + Units.plural(g.objects(), "object") + ", " + Units.plural(g.instances(), "instance")
                + ", " + Units.bytes(g.shallowBytes()) + ": " + shape(g)
                + (g.suggestedWeakEdge() == null ? ""
                        : "; make " + ClassNames.simpleName(g.suggestedWeakEdge().from()) + "." + g.suggestedWeakEdge().field()
                                + " weak");
    }

    private static String shape(LeakGroup g) {
        List<String> steps = CyclePath.steps(g);
        if (steps.isEmpty()) {
            return ClassNames.simpleName(g.classes().get(0).name());
        }
        if (steps.size() <= STEPS_SHOWN + 2) {
            return String.join("", steps);
        }
        int hidden = g.cycleLength() - STEPS_SHOWN - 1;
        return String.join("", steps.subList(0, STEPS_SHOWN + 1)) + " \u2026 " + Units.plural(hidden, "more edge")
                + " \u2026 " + steps.get(steps.size() - 1);
    }
}
