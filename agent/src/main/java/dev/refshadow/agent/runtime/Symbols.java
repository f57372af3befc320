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
    /** For field labels: the field's simple name (read by the barrier's slow path, which must not allocate). */
    private static String[] fieldNames = new String[1024];
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

    /** The label {@code "pkg.Owner.name"} of a field, remembering its simple name. */
    public static synchronized int internField(String owner, String name) {
        int id = intern(owner.replace('/', '.') + "." + name);
        if (id >= fieldNames.length) {
            String[] grown = new String[Math.max(id + 1, fieldNames.length * 2)];
            System.arraycopy(fieldNames, 0, grown, 0, fieldNames.length);
            fieldNames = grown;
        }
        fieldNames[id] = name;
        return id;
    }

    /** The simple name of field label {@code id}, as given to {@link #internField}. */
    public static synchronized String fieldName(int id) {
        return id < fieldNames.length ? fieldNames[id] : null;
    }

    /** The name of {@code id}; null for 0. */
    public static synchronized String name(int id) {
        return id > 0 && id < count ? names[id] : null;
    }
}
