package dev.refshadow.agent.instrument;

/**
 * The classes never instrumented, each for a stated reason. Everything else, java.base
 * included, is.
 */
public final class Exclusions {
    private Exclusions() {
    }

    /** Internal name (with slashes) of a class to leave untouched, or null if it must be instrumented. */
    public static String reason(String internalName) {
        if (internalName == null) {
            return "no name (hidden or anonymous class: not offered to transformers)";
        }
        if (internalName.startsWith("dev/refshadow/") && !internalName.startsWith("dev/refshadow/samples/")) {
            return "the agent's own classes (barrier, analyzer, relocated libraries)";
        }
        return null;
    }
}
