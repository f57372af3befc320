package dev.refshadow.agent.verify;

import static dev.refshadow.analyzer.heap.ObjectTable.DISCOVERED;
import static dev.refshadow.analyzer.heap.ObjectTable.FIRST_OBJECT_ID;

import dev.refshadow.analyzer.gc.IntList;
import dev.refshadow.analyzer.heap.EdgeSet;
import dev.refshadow.analyzer.heap.ObjectTable;
import java.util.BitSet;

/**
 * The live shadow objects held by something other than the pins of discovered objects: those
 * reachable from an object with references its holders in the shadow heap do not explain
 * (statics, locals, temporaries, what the VM holds), a discovered object's own pin excepted.
 * A discovered object stays pinned after the JVM reclaimed it, and so does what it holds.
 */
final class PinReach {
    private PinReach() {
    }

    static BitSet heldWithoutDiscoveryPins(ObjectTable t) {
        int n = t.highWater();
        int[] external = new int[n];
        for (int id = FIRST_OBJECT_ID; id < n; id++) {
            if (t.isLive(id)) {
                external[id] += t.rc[id] - ((t.flags[id] & DISCOVERED) != 0 ? 1 : 0);
                forEachTarget(t, id, (target, count) -> external[target] -= count);
            }
        }
        BitSet reached = new BitSet(n);
        IntList work = new IntList();
        for (int id = FIRST_OBJECT_ID; id < n; id++) {
            if (external[id] > 0 && t.isLive(id)) {
                reached.set(id);
                work.add(id);
            }
        }
        while (work.size() > 0) {
            forEachTarget(t, work.removeLast(), (target, count) -> {
                if (!reached.get(target)) {
                    reached.set(target);
                    work.add(target);
                }
            });
        }
        return reached;
    }

    private interface EdgeVisitor {
        void visit(int target, int count);
    }

    private static void forEachTarget(ObjectTable t, int holder, EdgeVisitor visitor) {
        int[] block = t.edges[holder];
        if (block == null) {
            return;
        }
        for (int i = 1, end = EdgeSet.end(block); i < end; i += EdgeSet.ENTRY) {
            if (block[i] != 0 && block[i + EdgeSet.COUNT] > 0) {
                visitor.visit(block[i], block[i + EdgeSet.COUNT]);
            }
        }
    }
}
