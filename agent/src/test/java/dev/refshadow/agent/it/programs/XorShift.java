package dev.refshadow.agent.it.programs;

/** A small deterministic random sequence for the threaded programs (no allocation, no JDK code). */
final class XorShift {
    private int seed;

    XorShift(int seed) {
        this.seed = seed;
    }

    int next(int bound) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed & 0x7fffffff) % bound;
    }
}
