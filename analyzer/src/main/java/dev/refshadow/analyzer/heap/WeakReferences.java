package dev.refshadow.analyzer.heap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weak references: a weak reference object and its referent. The referent is not counted
 * (DESIGN: weak/soft/phantom referents are not counted); the registration exists so that the
 * collector's {@code handle_weakrefs} can clear references to garbage, and queries can show them.
 */
public final class WeakReferences {
    private final Map<Integer, Integer> referentOf = new HashMap<>();
    private final Map<Integer, List<Integer>> weakRefsTo = new HashMap<>();
    private long cleared;

    public void register(int weakRef, int referent) {
        unregister(weakRef);
        if (referent == 0) {
            return;
        }
        referentOf.put(weakRef, referent);
        weakRefsTo.computeIfAbsent(referent, r -> new ArrayList<>(2)).add(weakRef);
    }

    /** The weak reference object was freed or cleared by the program. */
    public void unregister(int weakRef) {
        Integer referent = referentOf.remove(weakRef);
        if (referent != null) {
            List<Integer> refs = weakRefsTo.get(referent);
            refs.remove(Integer.valueOf(weakRef));
            if (refs.isEmpty()) {
                weakRefsTo.remove(referent);
            }
        }
    }

    public boolean hasWeakRefs(int referent) {
        return weakRefsTo.containsKey(referent);
    }

    /** The referent of {@code weakRef}, 0 when none or cleared. */
    public int referentOf(int weakRef) {
        return referentOf.getOrDefault(weakRef, 0);
    }

    /** Clears every weak reference to {@code referent}; returns how many. */
    public int clearAllTo(int referent) {
        List<Integer> refs = weakRefsTo.remove(referent);
        if (refs == null) {
            return 0;
        }
        for (int ref : refs) {
            referentOf.remove(ref);
        }
        cleared += refs.size();
        return refs.size();
    }

    /** Weak references cleared because their referent died, in total. */
    public long cleared() {
        return cleared;
    }
}
