package dev.refshadow.report;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.GcState;
import dev.refshadow.analyzer.gc.GenerationStats;
import dev.refshadow.analyzer.heap.GcList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Makes a {@link Report} from the analyzer's state and what a {@link LeakRecorder} recorded. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /** Call on the analyzer thread, typically after the final collection. */
    public static Report build(Analyzer analyzer, LeakRecorder recorder, RunInfo run) {
        List<LeakGroup> leaks = recorder.groups();
        List<GenerationStats> stats = analyzer.gc.getStats();
        int[] thresholds = analyzer.gc.getThreshold();
        int[] counts = analyzer.gc.getCount();
        List<Generation> generations = new ArrayList<>();
        List<Long> collections = new ArrayList<>();
        long cyclicGarbage = 0;
        for (int g = 0; g < GcState.NUM_GENERATIONS; g++) {
            GenerationStats s = stats.get(g);
            generations.add(new Generation(thresholds[g], counts[g], s.collections(), s.collected(), s.uncollectable()));
            collections.add(s.collections());
            cyclicGarbage += s.collected() + s.uncollectable();
        }
        Map<String, Long> anomalies = analyzer.heap.anomalies.byKind();
        Summary summary = new Summary(trackedObjects(analyzer), analyzer.allocated(), analyzer.discovered(),
                analyzer.heap.freedByRefcount(), cyclicGarbage, leaks.size(), collections,
                new Summary.AnomalyCounts(analyzer.heap.anomalies.total(), anomalies));
        return new Report(ToolInfo.current(), run, summary, generations, leaks);
    }

    /** Containers in the generations and the permanent generation. */
    private static long trackedObjects(Analyzer analyzer) {
        long tracked = analyzer.getFreezeCount();
        for (int g = 0; g < GcState.NUM_GENERATIONS; g++) {
            tracked += analyzer.heap.lists.size(GcList.generationHead(g));
        }
        return tracked;
    }
}
