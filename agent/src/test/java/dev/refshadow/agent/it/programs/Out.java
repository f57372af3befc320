package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.util.List;

/**
 * The figures of a test program. {@link #put} records without allocating (no string
 * concatenation or boxing between two measurements); {@link #print} writes {@code name=value}
 * lines at the end, also when the program fails half-way.
 */
final class Out {
    private static final String[] NAMES = new String[256];
    private static final long[] VALUES = new long[256];
    private static int count;

    private Out() {
    }

    /**
     * Flushes the cyclic garbage the JDK's start-up left in the shadow: measurements start clean.
     * The program passes its classes (class literals load them) so that they are loaded before:
     * loading a class from a directory leaves cyclic garbage of its own (FileInputStream and its
     * FileDescriptor point at each other).
     */
    static void begin(Class<?>... preloaded) {
        Gc.collect();
    }

    static void put(String name, long value) {
        NAMES[count] = name;
        VALUES[count] = value;
        count++;
    }

    static void put(String name, boolean value) {
        put(name, value ? 1 : 0);
    }

    static void print() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(NAMES[i]).append('=').append(VALUES[i]).append('\n');
        }
        System.out.print(sb);
        System.out.flush();
    }

    /**
     * A full collection under {@code DEBUG_SAVEALL}: how many of the garbage objects it found are
     * instances of {@code type}. Used where JDK code run by the scenario may add cyclic garbage of
     * its own (lambda linkage, serialization caches, other threads).
     */
    static long collectCounting(Class<?> type) {
        int debug = Gc.getDebug();
        Gc.setDebug(Gc.DEBUG_SAVEALL);
        long before = instances(Gc.garbage(), type);
        Gc.collect();
        long after = instances(Gc.garbage(), type);
        Gc.setDebug(debug);
        return after - before;
    }

    /** Instances of {@code type} in the garbage list so far (with DEBUG_SAVEALL, every garbage object found). */
    static long garbageCount(Class<?> type) {
        return instances(Gc.garbage(), type);
    }

    private static long instances(List<Object> objects, Class<?> type) {
        long n = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i) != null && objects.get(i).getClass() == type) {
                n++;
            }
        }
        return n;
    }
}
