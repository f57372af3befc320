package dev.refshadow.analyzer.gc;

/** An entry of {@code gc.callbacks}: told when a collection starts and stops. */
@FunctionalInterface
public interface GcCallback {
    /**
     * @param phase "start" or "stop"
     * @param info generation, and at "stop" the numbers collected and uncollectable
     */
    void call(String phase, CollectionInfo info);
}
