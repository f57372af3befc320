package dev.refshadow.report;

/** Class names as reports show them. */
public final class ClassNames {
    private ClassNames() {
    }

    /** The name without its package: {@code com.acme.Outer$Inner} is {@code Outer$Inner}. */
    public static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
