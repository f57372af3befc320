package dev.refshadow.analyzer.heap;

import java.util.Arrays;

/**
 * The classes of shadow objects: name and the properties the collector needs.
 * A class is a container (tracked) exactly when DESIGN.md's vocabulary says so; the agent
 * decides that from the class file, the analyzer only records it.
 */
public final class ClassTable extends NameTable {
    private int[] classFlags = new int[64];

    /**
     * Defines (or redefines) a class. {@code flags} is a combination of
     * {@link ObjectTable#CONTAINER}, {@link ObjectTable#HAS_FINALIZER} and
     * {@link ObjectTable#LEGACY_FINALIZER}.
     */
    public int define(String name, int flags) {
        int id = intern(name);
        if (id >= classFlags.length) {
            classFlags = Arrays.copyOf(classFlags, Math.max(id + 1, classFlags.length * 2));
        }
        classFlags[id] = flags & (ObjectTable.CONTAINER | ObjectTable.HAS_FINALIZER | ObjectTable.LEGACY_FINALIZER);
        return id;
    }

    /** The object flags every instance of the class starts with. */
    public int flags(int classId) {
        return classFlags[classId];
    }

    public boolean isContainer(int classId) {
        return (classFlags[classId] & ObjectTable.CONTAINER) != 0;
    }
}
