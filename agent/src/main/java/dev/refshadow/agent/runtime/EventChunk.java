package dev.refshadow.agent.runtime;

import dev.refshadow.agent.internal.ReleaseWrites;

/**
 * A fixed block of events of one thread. The owner fills it with plain writes and publishes
 * each event with one release write; full chunks are linked to the next, so the owner never
 * waits for the analyzer (it may hold a lock the analyzer needs, such as a class-loading lock).
 */
final class EventChunk {
    static final int CAPACITY = 4096;

    final int[] kinds = new int[CAPACITY];
    final int[] args = new int[CAPACITY];
    /** Source site of the event (0: unknown). */
    final int[] sites = new int[CAPACITY];
    final long[] longs = new long[CAPACITY];
    final Object[] refs = new Object[CAPACITY * 3];
    /** Everything before this index is visible to the analyzer thread (written with release, read with acquire). */
    volatile int published;
    static final long PUBLISHED = ReleaseWrites.offset(EventChunk.class, "published");
    /** The chunk the owner went on with once this one was full. */
    volatile EventChunk next;
}
