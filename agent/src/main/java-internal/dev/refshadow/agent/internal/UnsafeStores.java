package dev.refshadow.agent.internal;

import dev.refshadow.agent.runtime.Barrier;
import dev.refshadow.agent.runtime.EventBuffer;
import jdk.internal.misc.Unsafe;

/**
 * Replaces the call sites of every reference store of {@code jdk.internal.misc.Unsafe}: its
 * natives and the Java wrappers around them (release, opaque, acquire, weak CAS, get-and-set).
 * The wrappers must be replaced at their call sites too: the JIT compiles them as intrinsics,
 * so code inside them never runs once the caller is compiled. sun.misc.Unsafe, VarHandles,
 * atomics, reflection and serialization all end in these calls, so each store is recorded
 * exactly once. Each method does what the replaced call did, then records the holder, field
 * offset, old and new value. Plain and ordered puts become atomic exchanges (a stronger
 * ordering, which is always allowed) so that the old value is exactly the one replaced.
 *
 * <p>Compiled apart from the rest of the agent: it needs {@code jdk.internal.misc}, which the
 * agent exports to itself at start-up. Unsafe itself is never instrumented (see Exclusions).
 */
public final class UnsafeStores {
    private UnsafeStores() {
    }

    public static void putReference(Unsafe u, Object o, long offset, Object x, int site) {
        if (o == null) {
            u.putReference(null, offset, x); // an absolute address: nothing the shadow knows
            return;
        }
        EventBuffer b = Barrier.beginStore();
        exchanged(b, o, offset, u.getAndSetReference(o, offset, x), x, site);
    }

    public static void putReferenceVolatile(Unsafe u, Object o, long offset, Object x, int site) {
        putReference(u, o, offset, x, site);
    }

    public static void putReferenceRelease(Unsafe u, Object o, long offset, Object x, int site) {
        putReference(u, o, offset, x, site);
    }

    public static void putReferenceOpaque(Unsafe u, Object o, long offset, Object x, int site) {
        putReference(u, o, offset, x, site);
    }

    public static Object getAndSetReference(Unsafe u, Object o, long offset, Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return exchanged(b, o, offset, u.getAndSetReference(o, offset, x), x, site);
    }

    public static Object getAndSetReferenceAcquire(Unsafe u, Object o, long offset, Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return exchanged(b, o, offset, u.getAndSetReferenceAcquire(o, offset, x), x, site);
    }

    public static Object getAndSetReferenceRelease(Unsafe u, Object o, long offset, Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return exchanged(b, o, offset, u.getAndSetReferenceRelease(o, offset, x), x, site);
    }

    public static boolean compareAndSetReference(Unsafe u, Object o, long offset, Object expected, Object x,
                                                 int site) {
        EventBuffer b = Barrier.beginStore();
        return swapped(b, o, offset, expected, x, u.compareAndSetReference(o, offset, expected, x), site);
    }

    public static boolean weakCompareAndSetReference(Unsafe u, Object o, long offset, Object expected, Object x,
                                                     int site) {
        EventBuffer b = Barrier.beginStore();
        return swapped(b, o, offset, expected, x, u.weakCompareAndSetReference(o, offset, expected, x), site);
    }

    public static boolean weakCompareAndSetReferencePlain(Unsafe u, Object o, long offset, Object expected,
                                                          Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return swapped(b, o, offset, expected, x, u.weakCompareAndSetReferencePlain(o, offset, expected, x), site);
    }

    public static boolean weakCompareAndSetReferenceAcquire(Unsafe u, Object o, long offset, Object expected,
                                                            Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return swapped(b, o, offset, expected, x, u.weakCompareAndSetReferenceAcquire(o, offset, expected, x), site);
    }

    public static boolean weakCompareAndSetReferenceRelease(Unsafe u, Object o, long offset, Object expected,
                                                            Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return swapped(b, o, offset, expected, x, u.weakCompareAndSetReferenceRelease(o, offset, expected, x), site);
    }

    public static Object compareAndExchangeReference(Unsafe u, Object o, long offset, Object expected, Object x,
                                                     int site) {
        EventBuffer b = Barrier.beginStore();
        return witnessed(b, o, offset, expected, x, u.compareAndExchangeReference(o, offset, expected, x), site);
    }

    public static Object compareAndExchangeReferenceAcquire(Unsafe u, Object o, long offset, Object expected,
                                                            Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return witnessed(b, o, offset, expected, x, u.compareAndExchangeReferenceAcquire(o, offset, expected, x), site);
    }

    public static Object compareAndExchangeReferenceRelease(Unsafe u, Object o, long offset, Object expected,
                                                            Object x, int site) {
        EventBuffer b = Barrier.beginStore();
        return witnessed(b, o, offset, expected, x, u.compareAndExchangeReferenceRelease(o, offset, expected, x), site);
    }

    /** Records an exchange that replaced {@code old} with {@code x}, ending the store; returns {@code old}. */
    private static Object exchanged(EventBuffer b, Object o, long offset, Object old, Object x, int site) {
        if (o != null && old != x) {
            Barrier.unsafeStore(b, o, offset, old, x, site);
        } else {
            Barrier.endStore(b);
        }
        return old;
    }

    /** Records a compare-and-exchange if it succeeded, ending the store; returns the witness. */
    private static Object witnessed(EventBuffer b, Object o, long offset, Object expected, Object x, Object witness,
                                    int site) {
        swapped(b, o, offset, expected, x, witness == expected, site);
        return witness;
    }

    /** Records a compare-and-set if it succeeded, ending the store; returns {@code succeeded}. */
    private static boolean swapped(EventBuffer b, Object o, long offset, Object expected, Object x, boolean succeeded,
                                   int site) {
        if (succeeded) {
            exchanged(b, o, offset, expected, x, site);
        } else {
            Barrier.endStore(b);
        }
        return succeeded;
    }
}
