package dev.refshadow.analyzer.heap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interned names (field labels, allocation sites) with dense ids starting at 1; 0 means none. */
public class NameTable {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public NameTable() {
        names.add(null);
    }

    public int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int fresh = names.size();
        names.add(name);
        ids.put(name, fresh);
        return fresh;
    }

    /** The name of {@code id}, or null for 0. */
    public String name(int id) {
        return names.get(id);
    }

    /** Number of ids handed out, plus one for id 0. */
    public int size() {
        return names.size();
    }
}
