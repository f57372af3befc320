package dev.refshadow.analyzer.gc;

/** One entry of {@code gc.get_stats()}. */
public record GenerationStats(long collections, long collected, long uncollectable) {
}
