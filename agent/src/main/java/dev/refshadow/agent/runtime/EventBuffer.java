package dev.refshadow.agent.runtime;

import dev.refshadow.agent.internal.ReleaseWrites;

/**
 * One application thread's events: a chain of {@link EventChunk}s, appended to by the owning
 * thread and consumed (and cleared, so that nothing is kept alive) by the analyzer thread.
 *
 * <p>This class and everything it calls must not run instrumented code: no JDK collections,
 * no string concatenation, no lambdas (see the agent's exclusion list).
 */
public final class EventBuffer {
    /** Chunks the owner may run ahead of the analyzer before it waits for it. */
    private static final int CHUNKS_AHEAD_BEFORE_WAITING = 64;
    /**
     * The owner waits while the analyzer makes progress; if it makes none for this long, the
     * analyzer may be waiting for a lock the owner holds (class loading), so the owner goes on.
     */
    private static final long MAX_STALL_NANOS = 100_000_000L;

    final Thread thread;
    /** Dense id of the thread for the analyzer (its frames). */
    final int threadIndex;
    /** Owner's side. */
    private EventChunk writing = new EventChunk();
    private int head;
    private int chunksWritten;
    /** Analyzer's side. */
    EventChunk reading = writing;
    int readIndex;
    volatile int chunksRead;
    /**
     * 1 from just before a store replaces a value until its event is published: the analyzer
     * must not count a round as complete while another thread's earlier store may be unpublished
     * (see ShadowHeap's unsettled objects).
     */
    volatile int storing;
    private static final long STORING = ReleaseWrites.offset(EventBuffer.class, "storing");
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
        if (h == EventChunk.CAPACITY) {
            nextChunk();
            h = 0;
        }
        EventChunk c = writing;
        c.kinds[h] = kind;
        c.args[h] = arg;
        c.sites[h] = site;
        int r = h * 3;
        c.refs[r] = r0;
        c.refs[r + 1] = r1;
        c.refs[r + 2] = r2;
        head = h + 1;
        ReleaseWrites.putInt(c, EventChunk.PUBLISHED, h + 1);
    }

    /** A store is about to replace a value, see {@link #storing}. */
    void beginStore() {
        ReleaseWrites.putInt(this, STORING, 1);
    }

    /** The store's event was added: ordered after its publication. */
    void endStore() {
        ReleaseWrites.putInt(this, STORING, 0);
    }

    void addLong(int kind, long value, int site, Object r0, Object r1, Object r2) {
        if (head == EventChunk.CAPACITY) {
            nextChunk();
        }
        writing.longs[head] = value;
        add(kind, 0, site, r0, r1, r2);
    }

    /** Slow path: links a fresh chunk; waits a little first if the analyzer is far behind. */
    private void nextChunk() {
        paused++;
        try {
            if (chunksWritten - chunksRead > CHUNKS_AHEAD_BEFORE_WAITING) {
                AnalyzerThread.wakeUp();
                long progressAt = System.nanoTime();
                int read = chunksRead;
                while (chunksWritten - chunksRead > CHUNKS_AHEAD_BEFORE_WAITING / 2) {
                    Thread.yield();
                    if (chunksRead != read) {
                        read = chunksRead;
                        progressAt = System.nanoTime();
                    } else if (System.nanoTime() - progressAt > MAX_STALL_NANOS) {
                        break;
                    }
                }
            }
            EventChunk fresh = new EventChunk();
            writing.next = fresh;
            writing = fresh;
            head = 0;
            chunksWritten++;
        } finally {
            paused--;
        }
    }

    /** True when every published event was consumed. */
    boolean drained() {
        EventChunk c = reading;
        return readIndex == c.published && (readIndex < EventChunk.CAPACITY || c.next == null);
    }
}
