package dev.refshadow.agent.runtime;

/**
 * A fixed block of events of one thread. The owner fills it with plain writes and publishes
 * each event with one volatile write; full chunks are linked to the next, so the owner never
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
    /** Everything before this index is visible to the analyzer thread. */
    volatile int published;
    /** The chunk the owner went on with once this one was full. */
    volatile EventChunk next;
}
