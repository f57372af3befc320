package dev.refshadow.agent.shadow;

/** Class names as reports show them: stable across runs (no lambda or hidden-class serial numbers). */
final class ClassNames {
    private ClassNames() {
    }

    /**
     * {@code com.acme.Main$$Lambda$14/0x0000000800c03000} and {@code com.acme.Main$$Lambda/0x...}
     * both become {@code com.acme.Main$$Lambda}.
     */
    static String normalise(String name) {
        int slash = name.indexOf('/');
        String base = slash < 0 ? name : name.substring(0, slash);
        int lambda = base.indexOf("$$Lambda");
        return lambda < 0 ? base : base.substring(0, lambda + "$$Lambda".length());
    }
}
