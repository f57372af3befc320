package dev.refshadow.agent.internal;

import java.lang.reflect.Field;
import jdk.internal.misc.Unsafe;

/** The offsets Unsafe uses for instance fields, to name the field an Unsafe store wrote. */
public final class FieldOffsets {
    private FieldOffsets() {
    }

    /** The offset of an instance field, or -1 if it has none. */
    public static long of(Field f) {
        try {
            return Unsafe.getUnsafe().objectFieldOffset(f);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
