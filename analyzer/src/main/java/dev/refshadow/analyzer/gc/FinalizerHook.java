package dev.refshadow.analyzer.gc;

/**
 * Runs an object's finalizer during {@code finalize_garbage} (CPython's {@code tp_finalize},
 * PEP 442). In a JVM the real {@code finalize()} runs later, on the JVM's schedule, so the agent
 * installs none; tests install one that resurrects objects, as {@code __del__} can.
 */
@FunctionalInterface
public interface FinalizerHook {
    FinalizerHook NONE = id -> { };

    void finalize(int id);
}
