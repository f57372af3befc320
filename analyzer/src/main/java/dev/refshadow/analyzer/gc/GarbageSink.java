package dev.refshadow.analyzer.gc;

/** Receives what each collection found, before the garbage is deleted. */
@FunctionalInterface
public interface GarbageSink {
    GarbageSink NONE = snapshot -> { };

    void found(GarbageSnapshot snapshot);
}
