package dev.refshadow.analyzer.differential;

/**
 * The CPython interpreter's own objects that its prelude froze ({@code frozen}), of which
 * {@code immortal} are immortal (CPython 3.12; 0 in 3.11). See {@link AnalyzerInterpreter}.
 */
record InterpreterObjects(int frozen, int immortal) {
}
