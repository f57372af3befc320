package dev.refshadow.agent.instrument;

/**
 * The classes never instrumented, each for a stated reason. Everything else, java.base
 * included, is.
 */
public final class Exclusions {
    private Exclusions() {
    }

    /**
     * Why the class {@code internalName} (with slashes), defined by {@code loader}, is left
     * untouched, or null if it must be instrumented.
     */
    public static String reason(String internalName, ClassLoader loader) {
        if (internalName == null) {
            return "no name (hidden or anonymous class: not offered to transformers)";
        }
        if (isAgentClass(internalName, loader)) {
            return "the agent's own classes (barrier, analyzer, relocated libraries)";
        }
        if (loader == null && internalName.equals("jdk/internal/misc/Unsafe")) {
            // Its reference stores are recorded at their call sites (internal.UnsafeStores), and
            // the barrier's atomic exchanges run its methods.
            return "jdk.internal.misc.Unsafe: its reference stores are recorded where they are called";
        }
        return null;
    }

    /**
     * The agent's own classes: those of its jar, which sits on the boot class path. The same
     * package names loaded by another loader (the agent's tests, the samples) are an application's.
     */
    public static boolean isAgentClass(String internalName, ClassLoader loader) {
        return loader == null && internalName.startsWith("dev/refshadow/");
    }
}
