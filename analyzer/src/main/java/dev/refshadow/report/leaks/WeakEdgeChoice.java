package dev.refshadow.report.leaks;

import dev.refshadow.report.ClassNames;
import dev.refshadow.report.LeakGroup.WeakEdgeSuggestion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses a leak group's suggested weak edge: the class-level edge whose removal breaks the
 * cycles of the most instances; among equals, back-pointer names first
 * ({@link BackPointers}), then the first in name order. When no single edge breaks any
 * instance entirely, the best-named edge of the representative cycle is suggested, its back-edge
 * among equals.
 */
final class WeakEdgeChoice {
    private WeakEdgeChoice() {
    }

    static WeakEdgeSuggestion choose(Map<EdgeKey, Long> instancesBroken, long instances, Cycle representative) {
        Comparator<Map.Entry<EdgeKey, Long>> better = Comparator
                .comparing((Map.Entry<EdgeKey, Long> e) -> -e.getValue())
                .thenComparingInt(e -> BackPointers.rank(e.getKey().field()))
                .thenComparing(Map.Entry::getKey);
        Map.Entry<EdgeKey, Long> best = instancesBroken.entrySet().stream()
                .filter(e -> e.getValue() > 0).min(better).orElse(null);
        if (best != null) {
            EdgeKey k = best.getKey();
            return suggestion(k, "removing it breaks every cycle in " + best.getValue() + " of " + instances
                    + (instances == 1 ? " instance" : " instances"), best.getValue());
        }
        if (representative.length() == 0) {
            return null;
        }
        List<EdgeKey> edges = representative.edges();
        EdgeKey chosen = edges.get(edges.size() - 1);
        for (EdgeKey e : edges) {
            if (BackPointers.rank(e.field()) < BackPointers.rank(chosen.field())) {
                chosen = e;
            }
        }
        return suggestion(chosen, "no single field breaks every cycle of an instance: several must become weak,"
                + " starting with this edge of the representative cycle", 0);
    }

    private static WeakEdgeSuggestion suggestion(EdgeKey k, String effect, long broken) {
        String kind = BackPointers.describe(BackPointers.rank(k.field()));
        String what = kind == null ? "" : ClassNames.simpleName(k.from()) + "." + k.field() + " is " + kind + "; ";
        return new WeakEdgeSuggestion(k.from(), k.field(), k.to(), what + effect, broken);
    }
}
