package dev.refshadow.agent.internal;

import dev.refshadow.agent.runtime.Barrier;
import jdk.internal.misc.Unsafe;

/**
 * Replaces the call sites of {@code jdk.internal.misc.Unsafe}'s four native reference stores.
 * Every other reference store of Unsafe, sun.misc.Unsafe, VarHandles, atomics, reflection and
 * serialization ends in one of them, so each store is recorded exactly once. Each method does
 * what the replaced call did, then records the holder, field offset, old and new value.
 *
 * <p>Compiled apart from the rest of the agent: it needs {@code jdk.internal.misc}, which the
 * agent exports to itself at start-up.
 */
public final class UnsafeStores {
    private UnsafeStores() {
    }

    public static void putReference(Unsafe u, Object o, long offset, Object x, int site) {
        if (o == null) {
            u.putReference(null, offset, x);
            return;
        }
        Object old = u.getReferenceVolatile(o, offset);
        u.putReference(o, offset, x);
        Barrier.unsafeStore(o, offset, old, x, site);
    }

    public static void putReferenceVolatile(Unsafe u, Object o, long offset, Object x, int site) {
        if (o == null) {
            u.putReferenceVolatile(null, offset, x);
            return;
        }
        Object old = u.getReferenceVolatile(o, offset);
        u.putReferenceVolatile(o, offset, x);
        Barrier.unsafeStore(o, offset, old, x, site);
    }

    public static boolean compareAndSetReference(Unsafe u, Object o, long offset, Object expected, Object x,
                                                 int site) {
        boolean swapped = u.compareAndSetReference(o, offset, expected, x);
        if (swapped && o != null && expected != x) {
            Barrier.unsafeStore(o, offset, expected, x, site);
        }
        return swapped;
    }

    public static Object compareAndExchangeReference(Unsafe u, Object o, long offset, Object expected, Object x,
                                                     int site) {
        Object witness = u.compareAndExchangeReference(o, offset, expected, x);
        if (witness == expected && o != null && expected != x) {
            Barrier.unsafeStore(o, offset, expected, x, site);
        }
        return witness;
    }
}
