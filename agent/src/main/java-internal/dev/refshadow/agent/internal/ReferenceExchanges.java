package dev.refshadow.agent.internal;

import dev.refshadow.agent.runtime.Barrier;
import dev.refshadow.agent.runtime.EventBuffer;
import dev.refshadow.agent.runtime.Symbols;
import dev.refshadow.agent.runtime.ThreadBuffers;
import jdk.internal.misc.Unsafe;

/**
 * Replaces {@code putfield} and {@code aastore} of reference values: the store is an atomic
 * exchange, so the old value recorded is exactly the one the store replaced, even when threads
 * race on the same field or slot without synchronisation (an old value read apart from the
 * store could be released twice, and a count one too low can make a live cycle look like
 * garbage).
 */
public final class ReferenceExchanges {
    private static final Unsafe U = Unsafe.getUnsafe();
    private static final int SLOT_SCALE = Unsafe.ARRAY_OBJECT_INDEX_SCALE;
    private static final long SLOT_BASE = objectArrayBase();
    /** Per field symbol: where the field lives, once resolved for the class that declares it. */
    private static FieldSlot[] fields = new FieldSlot[4096];

    /** A resolved instance field: the class named by the {@code putfield} and the field's offset. */
    private static final class FieldSlot {
        final Class<?> owner;
        final long offset;

        FieldSlot(Class<?> owner, long offset) {
            this.owner = owner;
            this.offset = offset;
        }
    }

    private ReferenceExchanges() {
    }

    /** {@code holder.field = value} where the {@code putfield} names {@code owner} and field symbol {@code field}. */
    public static void putField(Object holder, Object value, Class<?> owner, int field, int site) {
        if (holder == null) {
            throw new NullPointerException("Cannot assign field \"" + Symbols.fieldName(field) + "\" because the object is null");
        }
        FieldSlot[] table = fields;
        FieldSlot slot = field < table.length ? table[field] : null;
        if (slot == null || slot.owner != owner) {
            slot = resolve(owner, field);
        }
        EventBuffer b = Barrier.beginStore();
        Object old = U.getAndSetReference(holder, slot.offset, value);
        Barrier.storedField(b, holder, value, old, field, site);
    }

    /**
     * {@code array[index] = value} with aastore's exceptions. A plain {@code Object[]} needs no
     * store check and is exchanged atomically; typed arrays (which need the store check) keep a
     * read followed by a checked store.
     */
    public static void arrayStore(Object[] array, int index, Object value, int site) {
        Object old = array[index]; // NullPointerException, ArrayIndexOutOfBoundsException
        EventBuffer b = Barrier.beginStore();
        if (array.getClass() == Object[].class) {
            old = U.getAndSetReference(array, SLOT_BASE + (long) index * SLOT_SCALE, value);
        } else {
            try {
                array[index] = value;
            } catch (ArrayStoreException e) {
                Barrier.endStore(b);
                throw e;
            }
        }
        Barrier.storedInArray(b, array, old, value, site);
    }

    /** Slow path, once per field and declaring class: the offset of the field, searched up from {@code owner}. */
    private static FieldSlot resolve(Class<?> owner, int field) {
        var paused = ThreadBuffers.pause();
        try {
            String name = Symbols.fieldName(field); // no string built here: it would store into a String and come back
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                long offset = declaredOffset(c, name);
                if (offset >= 0) {
                    FieldSlot slot = new FieldSlot(owner, offset);
                    remember(field, slot);
                    return slot;
                }
            }
            throw new NoSuchFieldError(owner.getName() + "." + name);
        } finally {
            ThreadBuffers.resume(paused);
        }
    }

    private static long declaredOffset(Class<?> c, String name) {
        try {
            return U.objectFieldOffset(c, name);
        } catch (InternalError notDeclaredHere) {
            return -1;
        }
    }

    private static synchronized void remember(int field, FieldSlot slot) {
        FieldSlot[] table = fields;
        if (field >= table.length) {
            FieldSlot[] grown = new FieldSlot[Math.max(field + 1, table.length * 2)];
            System.arraycopy(table, 0, grown, 0, table.length);
            table = grown;
        }
        table[field] = slot;
        fields = table;
    }

    /** {@code Unsafe.arrayBaseOffset} returns an int on JDK 17 and a long on later JDKs. */
    private static long objectArrayBase() {
        try {
            Object base = Unsafe.class.getMethod("arrayBaseOffset", Class.class).invoke(U, Object[].class);
            return ((Number) base).longValue();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
