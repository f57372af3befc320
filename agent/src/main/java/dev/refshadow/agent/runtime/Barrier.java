package dev.refshadow.agent.runtime;

import static dev.refshadow.agent.runtime.EventKind.*;

/**
 * The entry points instrumented bytecode calls. Each one appends one event to the calling
 * thread's buffer: no lock, no hashing, no allocation on this path (a few slow paths that copy
 * array ranges are marked).
 *
 * <p>Loaded by the bootstrap class loader (the agent jar is on the boot class path), so that
 * java.base can call it. Must not call instrumented code.
 */
public final class Barrier {
    private Barrier() {
    }

    /** From {@code Object.<init>}: every constructed object passes here first. */
    public static void constructed(Object self) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(CONSTRUCTED, 0, self, null, null);
        }
    }

    /** After {@code new C; ...; invokespecial C.<init>}: the object sits on the operand stack. */
    public static void allocated(Object self, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(ALLOCATED, site, self, null, null);
        }
    }

    /** {@code Unsafe.allocateInstance} made an object whose constructor has not run (it may never run). */
    public static void allocatedInstance(Object self, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(CONSTRUCTED, site, self, null, null);
        }
    }

    public static void newArray(Object array, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(NEW_ARRAY, site, array, null, null);
        }
    }

    /**
     * A store is about to replace a value (see internal.ReferenceExchanges, internal.UnsafeStores):
     * returns the buffer to record it in, or null; the store's event must follow.
     */
    public static EventBuffer beginStore() {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.beginStore();
        }
        return b;
    }

    /** A store begun with {@link #beginStore()} changed nothing. */
    public static void endStore(EventBuffer b) {
        if (b != null) {
            b.endStore();
        }
    }

    /** {@code holder.field} was {@code oldValue} and is now {@code newValue}. */
    public static void storedField(Object holder, Object newValue, Object oldValue, int field, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(PUT_FIELD, field, site, holder, oldValue, newValue);
        }
    }

    /** The same, for a store begun with {@link #beginStore()}. */
    public static void storedField(EventBuffer b, Object holder, Object newValue, Object oldValue, int field, int site) {
        if (b != null) {
            b.add(PUT_FIELD, field, site, holder, oldValue, newValue);
            b.endStore();
        }
    }

    public static void putStatic(Object newValue, Object oldValue, int field, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(PUT_STATIC, field, site, null, oldValue, newValue);
        }
    }

    /** {@code array[i]} was {@code oldValue} and is now {@code newValue}, a store begun with {@link #beginStore()}. */
    public static void storedInArray(EventBuffer b, Object[] array, Object oldValue, Object newValue, int site) {
        if (b != null) {
            b.add(ARRAY_STORE, 0, site, array, oldValue, newValue);
            b.endStore();
        }
    }

    public static void enter(int maxLocals, int method) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(ENTER, maxLocals, method, null, null, null);
        }
    }

    public static void storeLocal(Object value, int slot, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(STORE_LOCAL, slot, site, value, null, null);
        }
    }

    public static void argument(Object value, int slot, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(ARGUMENT, slot, site, value, null, null);
        }
    }

    /** A reference store through Unsafe into {@code holder} at {@code offset} (see internal.UnsafeStores). */
    public static void unsafeStore(EventBuffer b, Object holder, long offset, Object oldValue, Object newValue, int site) {
        if (b != null) {
            b.addLong(UNSAFE_STORE, offset, site, holder, oldValue, newValue);
            b.endStore();
        }
    }

    /** A VM upcall returns {@code o} to the VM, which keeps it (see instrument.VmUpcalls). */
    public static void heldByVm(Object o) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null && o != null) {
            b.add(HELD_BY_VM, 0, o, null, null);
        }
    }

    /** The same for the appendix a link upcall leaves in {@code appendixResult[0]}. */
    public static void appendixHeldByVm(Object[] appendixResult) {
        if (appendixResult != null && appendixResult.length > 0) {
            heldByVm(appendixResult[0]);
        }
    }

    /** {@code astore} of a value fresh from {@code new} or a call: the store consumes the temporary. */
    public static void storeLocalFromTemp(Object value, int slot, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(LOCAL_FROM_TEMP, slot, site, value, null, null);
        }
    }

    /** {@code pop} of a value fresh from {@code new} or a call. */
    public static void tempDropped(Object value, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null && value != null) {
            b.add(TEMP_DROPPED, 0, site, value, null, null);
        }
    }

    /** A primitive store over a slot that may hold a reference. */
    public static void clearLocal(int slot, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(STORE_LOCAL, slot, site, null, null, null);
        }
    }

    public static void exit(int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(EXIT, 0, site, null, null, null);
        }
    }

    public static void exitReturning(Object value, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(EXIT_RETURNING, 0, site, value, null, null);
        }
    }

    public static void exitThrowing(Throwable t, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(EXIT_THROWING, 0, site, t, null, null);
        }
    }

    public static void returned(Object value) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null && value != null) {
            b.add(RETURNED, 0, value, null, null);
        }
    }

    public static void releaseTemps() {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(RELEASE_TEMPS, 0, null, null, null);
        }
    }

    /** Replaces {@code System.arraycopy}: copies, then records the slots of a reference array that changed. */
    public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length, int site) {
        if (!(dst instanceof Object[]) || length <= 0) {
            System.arraycopy(src, srcPos, dst, dstPos, length);
            return;
        }
        Object[] to = (Object[]) dst;
        Object[] before = snapshotUnlessNull(to, dstPos, length);
        System.arraycopy(src, srcPos, dst, dstPos, length);
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(ARRAY_COPY, dstPos, site, dst, before, copyRange(to, dstPos, length));
        }
    }

    /**
     * Replaces {@code Arrays.copyOf(Object[], int, Class)}, which the JIT compiles as an
     * intrinsic (its own code, and the stores in it, would no longer run): the new array through
     * {@code Array.newInstance}, which records it, then a recorded copy.
     */
    public static Object[] copyOf(Object[] original, int newLength, Class<?> newType, int site) {
        Object[] copy = (Object[]) java.lang.reflect.Array.newInstance(newType.getComponentType(), newLength);
        arraycopy(original, 0, copy, 0, Math.min(original.length, newLength), site);
        return copy;
    }

    /** The same for {@code Arrays.copyOfRange(Object[], int, int, Class)}. */
    public static Object[] copyOfRange(Object[] original, int from, int to, Class<?> newType, int site) {
        int newLength = to - from;
        if (newLength < 0) {
            throw new IllegalArgumentException(from + " > " + to);
        }
        Object[] copy = (Object[]) java.lang.reflect.Array.newInstance(newType.getComponentType(), newLength);
        arraycopy(original, from, copy, 0, Math.min(original.length - from, newLength), site);
        return copy;
    }

    /** After a call to {@code clone()}: the copy, with a snapshot of its slots when it is a reference array. */
    public static void cloned(Object copy) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null && copy != null) {
            Object[] slots = copy instanceof Object[] ? copyRange((Object[]) copy, 0, ((Object[]) copy).length) : null;
            b.add(CLONED, 0, copy, slots, null);
        }
    }

    /** {@code multianewarray}: the array and its sub-arrays, all new. */
    public static void newMultiArray(Object array, int site) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(NEW_ARRAY, site, array, null, null);
            recordSubArrays(b, array, site);
        }
    }

    /** The sub-arrays {@code multianewarray} made, as constructions stored into their parent's slots. */
    private static void recordSubArrays(EventBuffer b, Object array, int site) {
        if (!(array instanceof Object[])) {
            return;
        }
        Object[] slots = (Object[]) array;
        for (int i = 0; i < slots.length; i++) {
            Object sub = slots[i];
            if (sub != null) {
                b.add(CONSTRUCTED, site, sub, null, null);
                b.add(ARRAY_STORE, 0, site, array, null, sub);
                recordSubArrays(b, sub, site);
            }
        }
    }

    /** A {@code java.lang.ref.Reference}'s referent was set: it is weak. */
    public static void weakReferent(Object reference, Object referent) {
        EventBuffer b = ThreadBuffers.current();
        if (b != null) {
            b.add(WEAK_REFERENT, 0, reference, referent, null);
        }
    }

    /** Slow path: a copy of a[from, from + n), or null when they are all null. */
    private static Object[] snapshotUnlessNull(Object[] a, int from, int n) {
        int end = a.length < from + n ? a.length : from + n;
        for (int i = from < 0 ? 0 : from; i < end; i++) {
            if (a[i] != null) {
                return copyRange(a, from, n);
            }
        }
        return null;
    }

    private static Object[] copyRange(Object[] a, int from, int n) {
        Object[] copy = new Object[n];
        System.arraycopy(a, from, copy, 0, n);
        return copy;
    }
}
