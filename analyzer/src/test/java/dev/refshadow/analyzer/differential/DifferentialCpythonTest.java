package dev.refshadow.analyzer.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random scripts, the same for every version, run by CPython and by the analyzer: every line
 * must agree. A disagreement is a bug (of the analyzer or of this harness), never a tolerance.
 *
 * <p>The programs and CPython's outputs are kept in {@code target/differential/<version>/}; for
 * every script that disagrees, the analyzer's output is written next to them, with the same
 * first line, so that the two files can be diffed.
 */
class DifferentialCpythonTest {
    static final int SCRIPTS = 500;
    static final long FIRST_SEED = 1_000;
    /** Python processes run at the same time. */
    private static final int PARALLELISM = 2;
    /** Disagreements described in the failure message; all are kept on disk. */
    private static final int REPORTED = 5;

    static List<Script> scripts() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + SCRIPTS).mapToObj(Script::generate).toList();
    }

    @ParameterizedTest(name = "CPython {0}")
    @EnumSource(CpythonVersion.class)
    void randomScriptsAgreeWithCpython(CpythonVersion version) throws IOException, InterruptedException {
        List<Script> scripts = scripts();
        Path directory = Path.of("target", "differential", version.version);
        List<CpythonRunner.Output> outputs = new CpythonRunner(version, directory, PARALLELISM).run(scripts);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Script script = scripts.get(i);
            CpythonRunner.Output cpython = outputs.get(i);
            List<String> analyzer = new AnalyzerInterpreter(version.trigger, cpython.interpreter()).run(script);
            String difference = firstDifference(cpython.lines(), analyzer);
            if (difference != null) {
                disagreements.add(describe(version, script, cpython, analyzer, difference));
            }
        }
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + scripts.size() + " scripts disagree with CPython " + version + ":\n"
                    + String.join("\n", disagreements.subList(0, Math.min(REPORTED, disagreements.size()))));
        }
    }

    /**
     * Where two outputs first differ, or null when they are equal. Lines are numbered as in the
     * output files, whose first line is the interpreter line.
     */
    static String firstDifference(List<String> cpython, List<String> analyzer) {
        for (int i = 0; i < Math.max(cpython.size(), analyzer.size()); i++) {
            String expected = i < cpython.size() ? cpython.get(i) : "<end of output>";
            String actual = i < analyzer.size() ? analyzer.get(i) : "<end of output>";
            if (!expected.equals(actual)) {
                return "line " + (i + 2) + ": CPython `" + expected + "`, analyzer `" + actual + "`";
            }
        }
        return null;
    }

    /** Writes the analyzer's output next to CPython's and says where everything is. */
    private static String describe(CpythonVersion version, Script script, CpythonRunner.Output cpython,
            List<String> analyzer, String difference) throws IOException {
        Path analyzerFile = cpython.file().resolveSibling("seed-" + script.seed() + ".analyzer.txt");
        Files.write(analyzerFile, Stream.concat(Stream.of(OutputLines.interpreter(cpython.interpreter())), analyzer.stream())
                .toList(), StandardCharsets.UTF_8);
        return "CPython " + version + ", seed " + script.seed() + ": " + difference
                + "\n    script:  " + cpython.program().toAbsolutePath()
                + "\n    outputs: " + cpython.file().toAbsolutePath() + " and " + analyzerFile.toAbsolutePath();
    }
}
