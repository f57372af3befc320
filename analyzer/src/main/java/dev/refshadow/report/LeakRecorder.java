package dev.refshadow.report;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.GarbageSink;
import dev.refshadow.analyzer.gc.GarbageSnapshot;
import dev.refshadow.report.leaks.LeakGroups;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Turns what the collector finds into leak groups. Attach it with
 * {@code analyzer.collector.setGarbageSink(recorder)}; it is called on the analyzer thread,
 * before each collection deletes its garbage.
 *
 * <p>Each snapshot is split into <em>weakly</em> connected components: one component is one
 * leaked structure, its cycles together with the objects only they held (a ring of nodes and
 * the payloads hanging off it). Strongly connected components would cut the payloads off into
 * separate acyclic "leaks" and count one leaked structure with two cycles twice. So a group's
 * {@code instances} is the number of leaked structures of its shape, and {@code objects} all
 * their objects. Components are grouped by {@link dev.refshadow.report.leaks.Fingerprint}.
 *
 * <p>Not thread-safe: use it from the analyzer thread only.
 */
public final class LeakRecorder implements GarbageSink {
    private final LeakGroups groups;

    /**
     * @param shallowSize bytes of an object, by shadow id (the agent uses
     *        {@code Instrumentation.getObjectSize}); called while the object still exists
     */
    public LeakRecorder(Analyzer analyzer, IntToLongFunction shallowSize) {
        this.groups = new LeakGroups(analyzer.heap, shallowSize);
    }

    @Override
    public void found(GarbageSnapshot snapshot) {
        groups.record(snapshot);
    }

    /** The leak groups so far, largest first: by objects, then shallow bytes, then fingerprint. */
    public List<LeakGroup> groups() {
        return groups.toList();
    }
}
