package dev.refshadow.agent.runtime;

/**
 * One application thread's events: a single-producer single-consumer ring. The owning thread
 * appends with plain writes and publishes with one volatile write; the analyzer thread consumes
 * and clears the slots it read (so the buffer does not keep objects alive).
 *
 * <p>This class and everything it calls must not run instrumented code: no JDK collections,
 * no string concatenation, no lambdas (see the agent's exclusion list).
 */
public final class EventBuffer {
    static final int CAPACITY = 1 << 14;
    private static final int MASK = CAPACITY - 1;

    final Thread thread;
    /** Dense id of the thread for the analyzer (its frames). */
    final int threadIndex;
    final int[] kinds = new int[CAPACITY];
    final int[] args = new int[CAPACITY];
    /** Source site of the event (0: unknown). */
    final int[] sites = new int[CAPACITY];
    final long[] longs = new long[CAPACITY];
    final Object[] refs = new Object[CAPACITY * 3];
    /** Written only by the owner. */
    private int head;
    /** Everything before this index is visible to the analyzer thread. */
    volatile int published;
    /** Everything before this index was consumed by the analyzer thread. */
    volatile int consumed;
    /** Recording is off while > 0 (the agent's own work on this thread). */
    int paused;
    /** Set by the analyzer thread once the thread ended and its events were all applied. */
    boolean retired;

    EventBuffer(Thread thread, int threadIndex) {
        this.thread = thread;
        this.threadIndex = threadIndex;
    }

    void add(int kind, int arg, Object r0, Object r1, Object r2) {
        add(kind, arg, 0, r0, r1, r2);
    }

    void add(int kind, int arg, int site, Object r0, Object r1, Object r2) {
        int h = head;
        if (h - consumed == CAPACITY) {
            waitForSpace(h);
        }
        int i = h & MASK;
        kinds[i] = kind;
        args[i] = arg;
        sites[i] = site;
        int r = i * 3;
        refs[r] = r0;
        refs[r + 1] = r1;
        refs[r + 2] = r2;
        head = h + 1;
        published = h + 1;
    }

    void addLong(int kind, long value, int site, Object r0, Object r1, Object r2) {
        int h = head;
        if (h - consumed == CAPACITY) {
            waitForSpace(h);
        }
        longs[h & MASK] = value;
        add(kind, 0, site, r0, r1, r2);
    }

    private void waitForSpace(int h) {
        paused++;
        try {
            AnalyzerThread.wakeUp();
            while (h - consumed == CAPACITY) {
                Thread.yield();
            }
        } finally {
            paused--;
        }
    }

    /** True when the analyzer thread has applied everything published before this call. */
    boolean drainedUpTo(int mark) {
        return consumed - mark >= 0;
    }
}
