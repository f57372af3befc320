package dev.refshadow.agent.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the instrumentation hands out ids for (field labels "Owner.field", source sites
 * "Class.method(File:line)"), shared by the transforming threads and the analyzer thread.
 * Never used on the barrier's fast path.
 */
public final class Symbols {
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static String[] names = new String[1024];
    private static int count = 1;

    private Symbols() {
    }

    public static synchronized int intern(String name) {
        Integer id = IDS.get(name);
        if (id != null) {
            return id;
        }
        if (count == names.length) {
            String[] grown = new String[count * 2];
            System.arraycopy(names, 0, grown, 0, count);
            names = grown;
        }
        names[count] = name;
        IDS.put(name, count);
        return count++;
    }

    /** The name of {@code id}; null for 0. */
    public static synchronized String name(int id) {
        return id > 0 && id < count ? names[id] : null;
    }
}
