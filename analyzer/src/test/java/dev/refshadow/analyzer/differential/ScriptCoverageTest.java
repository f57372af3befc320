package dev.refshadow.analyzer.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.analyzer.Analyzer;
import dev.refshadow.analyzer.gc.GenerationStats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The differential scripts exercise what they are meant to: automatic collections of every
 * generation, garbage found in every generation, and runs where the 3.11 and 3.12 trigger
 * timings lead to different outputs. Run on the analyzer alone, so that a change to the
 * generator cannot quietly make {@link DifferentialCpythonTest} weaker. The bounds are about
 * half of what the current seeds give.
 */
class ScriptCoverageTest {
    /** A typical CPython 3.12 interpreter population, for the unfreezes. */
    private static final InterpreterObjects INTERPRETER = new InterpreterObjects(4600, 375);

    @Test
    void scriptsAreDeterministic() {
        Script script = Script.generate(DifferentialCpythonTest.FIRST_SEED);
        assertEquals(PythonEmitter.program(script), PythonEmitter.program(Script.generate(script.seed())));
    }

    @Test
    void scriptsUseEveryOp() {
        Set<Class<?>> kinds = new HashSet<>();
        DifferentialCpythonTest.scripts().forEach(script -> script.ops().forEach(op -> kinds.add(op.getClass())));
        assertEquals(Set.of(Op.class.getPermittedSubclasses()), kinds);
    }

    @Test
    void scriptsTripAutomaticCollectionsAndFindGarbageInEveryGeneration() {
        int[] withAutomaticCollections = new int[3];
        int[] withGarbage = new int[3];
        int timingSensitive = 0;
        for (Script script : DifferentialCpythonTest.scripts()) {
            AnalyzerInterpreter at311 = new AnalyzerInterpreter(Analyzer.Trigger.AT_ALLOCATION, INTERPRETER);
            List<String> lines311 = at311.run(script);
            List<String> lines312 = new AnalyzerInterpreter(Analyzer.Trigger.AT_SAFEPOINT, INTERPRETER).run(script);
            if (!lines311.equals(lines312)) {
                timingSensitive++;
            }
            long[] explicit = explicitCollections(script);
            List<GenerationStats> stats = at311.analyzer().gc.getStats();
            for (int g = 0; g < 3; g++) {
                withAutomaticCollections[g] += stats.get(g).collections() > explicit[g] ? 1 : 0;
                withGarbage[g] += stats.get(g).collected() > 0 ? 1 : 0;
            }
        }
        assertAtLeast(200, withAutomaticCollections[0], "scripts with automatic collections of generation 0");
        assertAtLeast(120, withAutomaticCollections[1], "scripts with automatic collections of generation 1");
        assertAtLeast(35, withAutomaticCollections[2], "scripts with automatic collections of generation 2");
        for (int g = 0; g < 3; g++) {
            assertAtLeast(80, withGarbage[g], "scripts collecting garbage in generation " + g);
        }
        assertAtLeast(50, timingSensitive, "scripts whose output depends on the trigger timing");
    }

    private static long[] explicitCollections(Script script) {
        long[] explicit = new long[3];
        for (Op op : script.ops()) {
            if (op instanceof Op.Collect collect) {
                explicit[collect.generation() == Op.ALL_GENERATIONS ? 2 : collect.generation()]++;
            }
        }
        return explicit;
    }

    private static void assertAtLeast(int expected, int actual, String what) {
        assertTrue(actual >= expected, what + ": " + actual + ", expected at least " + expected);
    }
}
