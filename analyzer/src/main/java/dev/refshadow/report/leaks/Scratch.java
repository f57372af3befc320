package dev.refshadow.report.leaks;

/**
 * Work arrays sized for one snapshot and shared by the searches over its components, so that
 * examining many small components costs in proportion to their size, not the snapshot's.
 * Marks use a stamp that each search increments, so they are never cleared.
 */
final class Scratch {
    final int[] queue;
    final int[] parentNode;
    final int[] parentEdge;
    /** Zero between uses: whoever raises an entry lowers it again. */
    final int[] indegree;
    private final int[] marks;
    private int stamp;

    Scratch(int size) {
        queue = new int[size];
        parentNode = new int[size];
        parentEdge = new int[size];
        indegree = new int[size];
        marks = new int[size];
    }

    /** Starts a search: every object is unmarked. */
    void newSearch() {
        stamp++;
    }

    /** Marks {@code object}; false when it was marked already in this search. */
    boolean mark(int object) {
        if (marks[object] == stamp) {
            return false;
        }
        marks[object] = stamp;
        return true;
    }
}
