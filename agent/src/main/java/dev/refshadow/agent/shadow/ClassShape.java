package dev.refshadow.agent.shadow;

import java.lang.reflect.Field;

/** What the shadow needs to know of a class: its analyzer class, its reference fields, how it is held. */
final class ClassShape {
    final int classId;
    final boolean container;
    final boolean isArray;
    /** Instance reference fields (inherited included), readable; {@code Reference.referent} excluded. */
    final Field[] referenceFields;
    final int[] labels;
    /** Unsafe's offset of each reference field (parallel to {@link #referenceFields}). */
    final long[] offsets;
    /** Instances are constructed by code that records no stores (hidden classes): read their fields once built. */
    final boolean readFieldsAfterConstruction;
    /** The VM holds instances (Class, ClassLoader): never garbage. */
    final boolean pinned;

    ClassShape(int classId, boolean container, boolean isArray, Field[] referenceFields, int[] labels,
               long[] offsets, boolean readFieldsAfterConstruction, boolean pinned) {
        this.offsets = offsets;
        this.classId = classId;
        this.container = container;
        this.isArray = isArray;
        this.referenceFields = referenceFields;
        this.labels = labels;
        this.readFieldsAfterConstruction = readFieldsAfterConstruction;
        this.pinned = pinned;
    }

    /** The label of the reference field at Unsafe offset {@code offset}, 0 if unknown. */
    int labelAt(long offset) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] == offset) {
                return labels[i];
            }
        }
        return 0;
    }
}
