package dev.refshadow.analyzer.property;

import dev.refshadow.analyzer.heap.ShadowHeap;

/** The kinds of object a random program allocates. */
enum Kind {
    /** A container with named fields. */
    NODE("Node", true),
    /** An array of references: every slot has the same label, so edges repeat. */
    ARRAY("Object[]", true),
    /**
     * An object the collector does not track, which may still hold references (CPython's
     * untracked objects): it is never part of a cycle, and what it holds is externally referenced.
     */
    BLOB("Blob", false);

    final String className;
    final boolean container;

    Kind(String className, boolean container) {
        this.className = className;
        this.container = container;
    }

    /** The label of reference slot {@code slot} of an object of this kind. */
    String field(int slot) {
        return this == ARRAY ? ShadowHeap.ARRAY_SLOT_NAME : className + ".f" + slot;
    }
}
