package dev.refshadow.analyzer.gc;

/** The {@code info} argument of a gc callback. */
public record CollectionInfo(int generation, long collected, long uncollectable) {
}
