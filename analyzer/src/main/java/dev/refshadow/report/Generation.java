package dev.refshadow.report;

/** One generation of the collector: its threshold and count at report time, and its statistics. */
public record Generation(long threshold, long count, long collections, long collected, long uncollectable) {
}
