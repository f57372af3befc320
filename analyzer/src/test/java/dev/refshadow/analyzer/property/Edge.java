package dev.refshadow.analyzer.property;

/** A labelled reference of the {@link Oracle}'s model: to object {@code target} through {@code field}. */
record Edge(int target, String field) {
}
