package dev.refshadow.agent.instrument;

import dev.refshadow.agent.runtime.EventBuffer;
import dev.refshadow.agent.runtime.ThreadBuffers;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;

/** Instruments every class offered, except the {@link Exclusions}; never throws into the JVM. */
public final class RefshadowTransformer implements ClassFileTransformer {
    private final ClassFilter filter;
    public final AtomicLong instrumented = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    private volatile String firstFailure;
    /** For developing the agent: {@code -Drefshadow.dump=DIR} writes every instrumented class there. */
    private static final String DUMP_DIR = System.getProperty("refshadow.dump");

    public RefshadowTransformer(ClassFilter filter) {
        this.filter = filter;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (Exclusions.reason(className, loader) != null || !filter.accepts(className)) {
            return null;
        }

        EventBuffer paused = ThreadBuffers.pause();
        try {
            byte[] result = ClassInstrumenter.instrument(classfileBuffer);
            if (result != null) {
                instrumented.incrementAndGet();
                if (DUMP_DIR != null) {
                    dump(className, result);
                }
            }
            return result;
        } catch (Throwable t) {
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = className + ": " + t;
            }
            return null;
        } finally {
            ThreadBuffers.resume(paused);
        }
    }

    private static void dump(String className, byte[] bytes) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(DUMP_DIR, className + ".class");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, bytes);
    }

    /**
     * Runs one transformation before the transformer is installed, so that every class it
     * uses is loaded now: loading one of them from inside a transformation would re-enter the
     * transformer (ClassCircularityError).
     */
    public void warmUp() {
        try (java.io.InputStream in = Object.class.getResourceAsStream("/java/util/ArrayList.class")) {
            if (in == null || transform(null, null, "java/util/ArrayList", null, null, in.readAllBytes()) == null) {
                throw new IllegalStateException("refshadow: the instrumentation self-test failed: " + firstFailure);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        instrumented.set(0);
        failed.set(0);
    }

    /** The first class that could not be instrumented, with the reason; null if none. */
    public String firstFailure() {
        return firstFailure;
    }
}
