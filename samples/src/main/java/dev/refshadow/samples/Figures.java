package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.List;

/**
 * A sample's figures, printed as {@code name=value} lines at the end ({@code samples/expected/}
 * holds the expected lines of each sample). {@link #put} stores without allocating, so that
 * recording a figure never disturbs the next one.
 */
final class Figures {
    private final String[] names = new String[32];
    private final long[] values = new long[32];
    private int count;

    private Figures() {
    }

    /**
     * Starts a sample: loads its nested classes, collects the garbage the JDK left in the shadow
     * before {@code main} (and the class loading left: a class file read from a directory leaves
     * a FileInputStream and its FileDescriptor pointing at each other), then switches automatic
     * collections off, so that only the sample's own {@code Gc.collect()} calls find garbage.
     */
    static Figures start(Class<?> sample) {
        load(sample);
        Gc.collect();
        Gc.disable();
        return new Figures();
    }

    private static void load(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            load(nested);
        }
    }

    Figures put(String name, long value) {
        names[count] = name;
        values[count] = value;
        count++;
        return this;
    }

    /** How many objects of {@code Gc.garbage()} (filled under {@code DEBUG_SAVEALL}) are instances of {@code type}. */
    static long inGarbage(Class<?> type) {
        List<Object> garbage = Gc.garbage();
        long n = 0;
        for (int i = 0; i < garbage.size(); i++) {
            n += type.isInstance(garbage.get(i)) ? 1 : 0;
        }
        return n;
    }

    void print() {
        for (int i = 0; i < count; i++) {
            System.out.println(names[i] + "=" + values[i]);
        }
    }
}
