package dev.refshadow.report.render;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's representative cycle on one line, {@code Apple.items → Object[][*] → Zebra.parent → Apple},
 * with simple class names; empty for a group without a cycle.
 */
public final class CyclePath {
    private CyclePath() {
    }

    public static String text(LeakGroup g) {
        return String.join("", steps(g));
    }

    /**
     * The pieces of the line: the start class, one {@code .field → Class} per edge (a note for
     * the edges a long cycle left out stands before the back-edge), the back-edge's step last.
     */
    public static List<String> steps(LeakGroup g) {
        List<String> steps = new ArrayList<>();
        if (g.edges().isEmpty()) {
            return steps;
        }
        steps.add(ClassNames.simpleName(g.edges().get(0).from()));
        int elided = g.cycleLength() - g.edges().size();
        for (CycleEdge e : g.edges()) {
            if (e.backEdge() && elided > 0) {
                steps.add(" \u2026 " + Units.plural(elided, "more edge") + " \u2026 " + ClassNames.simpleName(e.from()));
            }
            steps.add((e.field().startsWith("[") ? "" : ".") + e.field() + " \u2192 " + ClassNames.simpleName(e.to()));
        }
        return steps;
    }
}
