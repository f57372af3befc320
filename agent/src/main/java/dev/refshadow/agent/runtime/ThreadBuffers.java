package dev.refshadow.agent.runtime;

/**
 * Finds the calling thread's {@link EventBuffer}: a direct-mapped cache indexed by the thread's
 * identity hash (a native call: no instrumented code runs), and on a miss a registry under a lock.
 */
public final class ThreadBuffers {
    private static final int CACHE_SIZE = 1024;
    private static final EventBuffer[] CACHE = new EventBuffer[CACHE_SIZE];
    private static final Object LOCK = new Object();
    /** Every buffer not yet retired, guarded by LOCK. */
    private static EventBuffer[] all = new EventBuffer[64];
    private static int count;
    private static int[] freeIndices = new int[16];
    private static int freeCount;
    private static int nextIndex = 1;
    /** The thread creating a buffer: its own allocations must not ask for one. */
    private static Thread registering;
    static volatile boolean recording;

    private ThreadBuffers() {
    }

    /** The caller's buffer, or null when nothing may be recorded now (agent work, not started, shut down). */
    static EventBuffer current() {
        if (!recording) {
            return null;
        }
        Thread t = Thread.currentThread();
        EventBuffer b = CACHE[System.identityHashCode(t) & (CACHE_SIZE - 1)];
        if (b == null || b.thread != t) {
            b = lookup(t);
            if (b == null) {
                return null;
            }
        }
        return b.paused == 0 ? b : null;
    }

    private static EventBuffer lookup(Thread t) {
        if (registering == t) {
            return null;
        }
        synchronized (LOCK) {
            EventBuffer b = null;
            for (int i = 0; i < count; i++) {
                if (all[i].thread == t) {
                    b = all[i];
                    break;
                }
            }
            if (b == null) {
                b = register(t);
            }
            return b;
        }
    }

    /** Creates and caches the buffer of {@code t}; the caller holds LOCK. */
    private static EventBuffer register(Thread t) {
        registering = t;
        try {
            EventBuffer b = newBuffer(t);
            CACHE[System.identityHashCode(t) & (CACHE_SIZE - 1)] = b;
            return b;
        } finally {
            registering = null;
        }
    }

    private static EventBuffer newBuffer(Thread t) {
        int index = freeCount > 0 ? freeIndices[--freeCount] : nextIndex++;
        EventBuffer b = new EventBuffer(t, index);
        if (count == all.length) {
            EventBuffer[] grown = new EventBuffer[count * 2];
            System.arraycopy(all, 0, grown, 0, count);
            all = grown;
        }
        all[count++] = b;
        return b;
    }

    /** Gives the analyzer thread a buffer that never records. */
    static void ignore(Thread t) {
        synchronized (LOCK) {
            register(t).paused = 1;
        }
    }

    /** A snapshot of the buffers to drain (called by the analyzer thread). */
    static int snapshot(EventBuffer[] into) {
        synchronized (LOCK) {
            int n = Math.min(count, into.length);
            System.arraycopy(all, 0, into, 0, n);
            return count;
        }
    }

    /** The analyzer applied every event of this ended thread: forget it. */
    static void retire(EventBuffer b) {
        synchronized (LOCK) {
            for (int i = 0; i < count; i++) {
                if (all[i] == b) {
                    all[i] = all[--count];
                    all[count] = null;
                    break;
                }
            }
            int slot = System.identityHashCode(b.thread) & (CACHE_SIZE - 1);
            if (CACHE[slot] == b) {
                CACHE[slot] = null;
            }
            if (freeCount == freeIndices.length) {
                int[] grown = new int[freeCount * 2];
                System.arraycopy(freeIndices, 0, grown, 0, freeCount);
                freeIndices = grown;
            }
            freeIndices[freeCount++] = b.threadIndex;
            b.retired = true;
        }
    }

    /** The analyzer's index of the calling thread, or -1 when it records nothing. */
    public static int currentThreadIndex() {
        EventBuffer b = current();
        return b == null ? -1 : b.threadIndex;
    }

    /** Pauses recording on the calling thread (the agent's own work, e.g. a transformation). */
    public static EventBuffer pause() {
        EventBuffer b = current();
        if (b != null) {
            b.paused++;
        }
        return b;
    }

    public static void resume(EventBuffer b) {
        if (b != null) {
            b.paused--;
        }
    }
}
