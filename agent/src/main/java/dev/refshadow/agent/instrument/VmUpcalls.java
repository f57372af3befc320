package dev.refshadow.agent.instrument;

import java.util.Set;

/**
 * The Java methods the VM calls to link {@code invokedynamic}, dynamic constants and method
 * handle constants. The VM keeps what they return (in the caller's constant pool, out of any
 * Java field), so the shadow must count that as an external reference: otherwise every linked
 * call site would look like garbage once linking returns.
 */
final class VmUpcalls {
    private static final String OWNER = "java/lang/invoke/MethodHandleNatives";
    private static final Set<String> METHODS = Set.of(
            "linkCallSite", "linkDynamicConstant", "linkMethod", "linkMethodHandleConstant", "findMethodHandleType");

    private VmUpcalls() {
    }

    static boolean isUpcall(String owner, String method) {
        return owner.equals(OWNER) && METHODS.contains(method);
    }
}
