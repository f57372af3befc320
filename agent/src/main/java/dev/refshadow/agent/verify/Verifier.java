package dev.refshadow.agent.verify;

import static dev.refshadow.analyzer.heap.ObjectTable.DISCOVERED;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.Anomalies;
import dev.refshadow.analyzer.heap.ObjectTable;
import dev.refshadow.report.Verification;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Verification mode ({@code verify=true}, {@code verify=sample:N}): the JVM's collector is
 * ground truth. Watched objects are held weakly (see {@link WatchingObjectIds}); when the JVM
 * reclaims one, the shadow must have freed it by refcount or found it as cyclic garbage, and an
 * object the shadow freed must never reach a barrier again. Reclaimed objects are found by
 * sweeping the watches (their references are cleared), each time the table has doubled, so that
 * the watches of reclaimed objects do not pile up.
 *
 * <p>An object the JVM reclaims while the shadow still holds it is not judged at once: its
 * thread's last events may not be applied yet, and a cycle is found only by the next collection
 * of its generation. It agrees if the shadow frees it later; what the shadow still holds at exit,
 * after the final collection, was kept alive, unless it is in {@code gc.garbage} (a reported
 * cycle) or the shadow discovered it or holds it only through discovered objects (pinned: not
 * judged). Analyzer thread only.
 */
public final class Verifier {
    private final String mode;
    private final int sampleEvery;
    private final WatchTable table = new WatchTable();
    /** The watch of each live shadow id that has one. */
    private Watch[] byId = new Watch[1024];
    private long offered;
    /** Table size at which the next sweep runs. */
    private int sweepAt = 1024;
    private long watched;
    private long reclaimedByJvm;
    private long agreed;
    private long keptAliveOutsideCycles;
    private long prematureFrees;
    private long discovered;

    Verifier(String mode, int sampleEvery) {
        this.mode = mode;
        this.sampleEvery = sampleEvery;
    }

    /** The verifier the agent option {@code verify} asks for ({@code true}, {@code sample:N}); null for {@code false}. */
    public static Verifier forOption(String verify) {
        if (verify.equals("false")) {
            return null;
        }
        if (verify.equals("true")) {
            return new Verifier("all", 1);
        }
        return new Verifier(verify, Integer.parseInt(verify.substring("sample:".length())));
    }

    /** Whether the next object to get an id is watched: one in N. */
    boolean sampleNext() {
        return offered++ % sampleEvery == 0;
    }

    /** Watches {@code o}, which gets shadow id {@code id}. */
    void watch(Object o, int id) {
        if (table.size() >= sweepAt) {
            sweep();
            sweepAt = Math.max(sweepAt, 2 * table.size());
        }
        Watch w = new Watch(o, id);
        table.add(w);
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
        }
        byId[id] = w;
        watched++;
    }

    /**
     * The shadow id of a watched object, 0 if it has none. An object the shadow already freed
     * reaching a barrier again is a premature free: it is counted, then forgotten (the shadow will
     * discover it anew).
     */
    int idOf(Object o) {
        Watch w = o == null ? null : table.find(o);
        if (w == null) {
            return 0;
        }
        if (!w.freed) {
            return w.id;
        }
        prematureFrees++;
        table.remove(w);
        return 0;
    }

    /** The watched object of a live id, null if the id has no watch or the JVM reclaimed the object. */
    Object object(int id) {
        Watch w = watchOf(id);
        return w == null ? null : w.get();
    }

    /** The shadow freed {@code id}. */
    void freed(int id) {
        Watch w = watchOf(id);
        if (w == null) {
            return;
        }
        byId[id] = null; // the id may be reused for another object
        w.freed = true;
        if (w.reclaimed) {
            agree(); // the JVM was first: the last events or the cycle pass reached the shadow later
        }
    }

    /** Takes in the watches whose object the JVM reclaimed since the last sweep. */
    void sweep() {
        for (Watch w : table.cleared()) {
            reclaimed(w);
        }
    }

    private void reclaimed(Watch w) {
        w.reclaimed = true;
        table.remove(w);
        if (w.freed) {
            agree();
        }
    }

    private void agree() {
        reclaimedByJvm++;
        agreed++;
    }

    /**
     * At exit, after the final collection: runs the JVM's collector, judges every watched object
     * it reclaimed and returns the figures. Objects kept alive are also {@code jvmCollectedLive}
     * anomalies.
     */
    public Verification finish(Analyzer analyzer) {
        System.gc();
        sweep();
        BitSet inGarbage = new BitSet();
        for (int id : analyzer.garbage()) {
            inGarbage.set(id);
        }
        BitSet heldWithoutPins = PinReach.heldWithoutDiscoveryPins(analyzer.heap.table);
        for (int id = 0; id < byId.length; id++) {
            Watch w = byId[id];
            if (w != null && w.reclaimed) {
                judgeHeld(analyzer, id, inGarbage.get(id), heldWithoutPins.get(id));
            }
        }
        return Verification.of(mode, watched, reclaimedByJvm, agreed, keptAliveOutsideCycles, prematureFrees,
                discovered);
    }

    /** An object the JVM reclaimed and the shadow still holds at exit. */
    private void judgeHeld(Analyzer analyzer, int id, boolean inGarbage, boolean heldWithoutPins) {
        ObjectTable t = analyzer.heap.table;
        reclaimedByJvm++;
        if (inGarbage) {
            agreed++;
        } else if ((t.flags[id] & DISCOVERED) != 0 || !heldWithoutPins) {
            discovered++; // pinned, or held by pinned objects: the shadow cannot know their references
        } else {
            keptAliveOutsideCycles++;
            analyzer.heap.anomalies.record(Anomalies.Kind.JVM_COLLECTED_LIVE, analyzer.heap.classes.name(t.classId[id])
                    + " allocated at " + analyzer.heap.sites.name(t.siteId[id]) + " (count " + t.rc[id] + ")");
        }
    }

    Watch watchOf(int id) {
        return id < byId.length ? byId[id] : null;
    }
}
