package dev.refshadow.report.render;

import dev.refshadow.report.Generation;
import dev.refshadow.report.LeakGroup.ClassCount;
import dev.refshadow.report.LeakGroup.ClosingWrite;
import dev.refshadow.report.LeakGroup.CycleEdge;
import dev.refshadow.report.LeakGroup.SiteCount;
import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.RunInfo;
import dev.refshadow.report.Summary;
import dev.refshadow.report.ToolInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A report, made by hand, of one ring of {@code n} Links (longer than a group keeps) and one group without a cycle. */
final class LongCycle {
    private LongCycle() {
    }

    static Report report(int n) {
        List<CycleEdge> edges = new ArrayList<>();
        for (int i = 0; i < LeakGroup.MAX_CYCLE_EDGES; i++) {
            edges.add(new CycleEdge("com.acme.Link", "next", "com.acme.Link", i == LeakGroup.MAX_CYCLE_EDGES - 1));
        }
        LeakGroup ring = new LeakGroup("00112233445566ff", n, 1, 16L * n, 0, false,
                List.of(new ClassCount("com.acme.Link", n, 16L * n)), n, edges,
                List.of(new SiteCount(null, n)), new ClosingWrite("unknown", null, List.of(), 0, 1), null);
        LeakGroup lone = new LeakGroup("ffeeddccbbaa9988", 1, 1, 16, 1, true,
                List.of(new ClassCount("com.acme.Legacy", 1, 16)), 0, List.of(),
                List.of(new SiteCount("com.acme.Legacy.<init>(Legacy.java:1)", 1)),
                new ClosingWrite("field", "com.acme.A.b(A.java:2)", List.of("com.acme.A.b(A.java:2)"), 0, 1), null);
        Summary summary = new Summary(0, n + 1, 0, 0, n + 1, 2, List.of(0L, 0L, 1L),
                new Summary.AnomalyCounts(0, Map.of()));
        List<Generation> gens = List.of(new Generation(700, 0, 0, 0, 0), new Generation(10, 0, 0, 0, 0),
                new Generation(10, 0, 1, n, 1));
        return new Report(new ToolInfo("refshadow", "test"), new RunInfo("Long", "17", Instant.EPOCH, 1, Map.of()),
                summary, gens, List.of(ring, lone));
    }
}
