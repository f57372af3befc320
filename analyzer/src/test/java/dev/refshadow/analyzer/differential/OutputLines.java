package dev.refshadow.analyzer.differential;

import dev.refshadow.analyzer.gc.GenerationStats;
import java.util.List;

/**
 * The lines the measuring ops print, formatted on the analyzer's side. The Python program prints
 * the same text from its helpers {@code show_count}, {@code show_stats},
 * {@code show_freeze_count} and the collect statement (see {@link PythonEmitter}).
 */
final class OutputLines {
    /**
     * The first line of a CPython run: {@code interpreter N M}, the number of the interpreter's
     * own frozen objects and how many of them are immortal. It describes the run; it is not
     * compared.
     */
    static final String INTERPRETER_PREFIX = "interpreter ";

    private OutputLines() {
    }

    static String interpreter(InterpreterObjects objects) {
        return INTERPRETER_PREFIX + objects.frozen() + " " + objects.immortal();
    }

    /** The objects an {@link #interpreter} line describes; null if {@code line} is none. */
    static InterpreterObjects parseInterpreter(String line) {
        if (!line.startsWith(INTERPRETER_PREFIX)) {
            return null;
        }
        String[] counts = line.substring(INTERPRETER_PREFIX.length()).split(" ");
        return new InterpreterObjects(Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
    }

    /** {@code collect() -> 3} or {@code collect(1) -> 3}. */
    static String collect(int generation, long found) {
        String argument = generation == Op.ALL_GENERATIONS ? "" : Integer.toString(generation);
        return "collect(" + argument + ") -> " + found;
    }

    /** {@code count 4 1 0}. */
    static String count(int[] count) {
        return "count " + count[0] + " " + count[1] + " " + count[2];
    }

    /** {@code stats 3/2/0 1/0/0 0/0/0}: collections/collected/uncollectable of generations 0, 1, 2. */
    static String stats(List<GenerationStats> stats) {
        StringBuilder line = new StringBuilder("stats");
        for (GenerationStats generation : stats) {
            line.append(' ').append(generation.collections())
                    .append('/').append(generation.collected())
                    .append('/').append(generation.uncollectable());
        }
        return line.toString();
    }

    /** {@code freeze_count 12}: the script's frozen objects (the interpreter's are not counted). */
    static String freezeCount(int scriptObjects) {
        return "freeze_count " + scriptObjects;
    }
}
