package dev.refshadow.analyzer.heap;

/**
 * Circular doubly linked lists threaded through {@link ObjectTable#next} / {@link ObjectTable#prev},
 * with a reserved id as each list's head: CPython's {@code gc_list_*} helpers.
 */
public final class GcList {
    public static final int GENERATION_0 = 1;
    public static final int GENERATION_1 = 2;
    public static final int GENERATION_2 = 3;
    public static final int PERMANENT = 4;
    /** The collector's scratch lists. */
    public static final int UNREACHABLE = 5;
    public static final int FINALIZERS = 6;
    public static final int SEEN = 7;
    public static final int STILL_UNREACHABLE = 8;

    private final ObjectTable t;

    public GcList(ObjectTable table) {
        this.t = table;
    }

    public static int generationHead(int generation) {
        return GENERATION_0 + generation;
    }

    public void init(int head) {
        t.next[head] = head;
        t.prev[head] = head;
    }

    public boolean isEmpty(int head) {
        return t.next[head] == head;
    }

    public int first(int head) {
        return t.next[head];
    }

    /** Appends {@code id} (not currently in a list) at the tail of {@code head}. */
    public void append(int id, int head) {
        int last = t.prev[head];
        t.next[last] = id;
        t.prev[id] = last;
        t.next[id] = head;
        t.prev[head] = id;
    }

    /** Unlinks {@code id} from whatever list holds it. */
    public void remove(int id) {
        int p = t.prev[id];
        int n = t.next[id];
        t.next[p] = n;
        t.prev[n] = p;
        t.next[id] = 0;
        t.prev[id] = 0;
    }

    /** Moves {@code id} from its list to the tail of {@code head}. */
    public void move(int id, int head) {
        int p = t.prev[id];
        int n = t.next[id];
        t.next[p] = n;
        t.prev[n] = p;
        append(id, head);
    }

    /** Appends all of {@code from} to the tail of {@code to}, leaving {@code from} empty. */
    public void merge(int from, int to) {
        if (isEmpty(from)) {
            return;
        }
        int toLast = t.prev[to];
        int fromFirst = t.next[from];
        int fromLast = t.prev[from];
        t.next[toLast] = fromFirst;
        t.prev[fromFirst] = toLast;
        t.next[fromLast] = to;
        t.prev[to] = fromLast;
        init(from);
    }

    public int size(int head) {
        int n = 0;
        for (int id = t.next[head]; id != head; id = t.next[id]) {
            n++;
        }
        return n;
    }
}
