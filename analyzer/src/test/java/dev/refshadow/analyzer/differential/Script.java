package dev.refshadow.analyzer.differential;

import java.util.List;

/**
 * A differential script: {@code variables} locals, all None at the start, and the ops run in
 * order. The same script becomes a CPython program ({@link PythonEmitter}) and analyzer events
 * ({@link AnalyzerInterpreter}).
 *
 * <p>The shapes the scripts use: classes {@code C0..C}{@value #MAX_FIELDS}, where {@code Cn} has
 * the {@code __slots__} {@code f0..f(n-1)} (all are GC containers, even {@code C0}: instances
 * of heap types refer to their type), arrays of 0..{@value #MAX_ARRAY_LENGTH} slots, and
 * untracked atoms ({@code object()}).
 */
record Script(long seed, int variables, List<Op> ops) {
    static final int MAX_FIELDS = 4;
    static final int MAX_ARRAY_LENGTH = 6;

    Script {
        ops = List.copyOf(ops);
    }

    /** The script of {@code seed}: the same seed always gives the same script. */
    static Script generate(long seed) {
        return new ScriptGenerator(seed).generate();
    }

    static String className(int fields) {
        return "C" + fields;
    }

    static String fieldName(int field) {
        return "f" + field;
    }

    static String variableName(int variable) {
        return "v" + variable;
    }
}
