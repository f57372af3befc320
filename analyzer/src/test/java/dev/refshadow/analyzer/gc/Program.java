package dev.refshadow.analyzer.gc;

import static dev.refshadow.analyzer.heap.ObjectTable.CONTAINER;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.heap.EdgeSet;

/**
 * A tiny Python-like program over an {@link Analyzer}: variables are pinned references,
 * {@code set(holder, field, value)} reads the old value first, as bytecode would.
 */
final class Program {
    final Analyzer a = new Analyzer();
    /** A container class, as a Python instance, list, dict or tuple. */
    final int object = a.defineClass("Obj", CONTAINER);
    /** A class with no reference fields, as a Python str or int. */
    final int atom = a.defineClass("Atom", 0);

    /** {@code v = Obj()}: a new container held by one variable. */
    int newVar() {
        return newVar(object);
    }

    int newVar(int classId) {
        int id = a.allocate(classId, 0);
        a.pin(id);
        return id;
    }

    /** A new container held only by {@code holder.field}. */
    int newIn(int holder, String field) {
        int id = a.allocate(object, 0);
        a.pin(id);
        set(holder, field, id);
        a.unpin(id);
        return id;
    }

    /** {@code del v}. */
    void drop(int id) {
        a.unpin(id);
    }

    /** {@code holder.field = value} (0 for None). */
    void set(int holder, String field, int value) {
        int label = a.label("Obj." + field);
        a.storeField(holder, label, valueOf(holder, label), value);
    }

    /** What {@code holder.label} holds now, read from the shadow heap (ids are recycled). */
    int valueOf(int holder, int label) {
        int[] block = a.heap.table.edges[holder];
        for (int i = 1; block != null && i < block.length; i += EdgeSet.ENTRY) {
            if (block[i] != 0 && block[i + EdgeSet.LABEL] == label) {
                return block[i];
            }
        }
        return 0;
    }

    /** A ring of {@code n} objects, each holding the next; returns the first. */
    int ring(int n) {
        int first = newVar();
        int prev = first;
        for (int i = 1; i < n; i++) {
            prev = newIn(prev, "next");
        }
        set(prev, "next", first);
        return first;
    }
}
