package dev.refshadow.agent.runtime;

import java.util.HashSet;
import java.util.Set;

/**
 * The classes that declare {@code finalize()}, as the instrumentation saw their class files.
 * The shadow asks this instead of reflection, which would load classes on the analyzer thread
 * (and wait for class-loading locks that application threads hold).
 */
public final class Finalizers {
    private static final Set<String> DECLARING = new HashSet<>();

    private Finalizers() {
    }

    /** {@code internalName} (with slashes) declares an instance method {@code finalize()V}. */
    public static synchronized void declaredBy(String internalName) {
        DECLARING.add(internalName.replace('/', '.'));
    }

    /** Whether {@code type} or a superclass below Object declares {@code finalize()}. */
    public static synchronized boolean overridden(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (DECLARING.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
