package dev.refshadow.agent.internal;

import jdk.internal.misc.Unsafe;

/**
 * Release writes of int fields: ordered after every earlier write of the thread, without the
 * full fence of a volatile write (on x86 a plain store). The event buffers publish with them.
 */
public final class ReleaseWrites {
    private static final Unsafe U = Unsafe.getUnsafe();

    private ReleaseWrites() {
    }

    /** The offset of {@code c}'s int field {@code name}. */
    public static long offset(Class<?> c, String name) {
        return U.objectFieldOffset(c, name);
    }

    public static void putInt(Object o, long offset, int value) {
        U.putIntRelease(o, offset, value);
    }
}
