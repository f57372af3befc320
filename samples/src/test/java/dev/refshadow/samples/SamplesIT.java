package dev.refshadow.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.agent.it.harness.Fork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every sample under the agent and compares its figures with {@code samples/expected/<Name>.txt};
 * runs every Python twin ({@code samples/python/<snake_name>.py}) under CPython and requires the same
 * gc results: the expected lines without the {@code java.*} ones (JVM-only figures) must equal the
 * Python output without its {@code python.*} lines.
 */
class SamplesIT {
    /** The seed material's examples: each must have a Python twin. */
    static final List<String> SEEDS = List.of("SelfList", "TwoMaps", "SelfReference", "FourLinks", "RefCountWalkthrough");

    static Path samplesDir() {
        return Fork.existingPath("refshadow.it.samplesDir");
    }

    static List<String> sampleNames() {
        try (Stream<Path> files = Files.list(samplesDir().resolve("expected"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> samples() {
        return Fork.jdks().stream().flatMap(jdk -> sampleNames().stream().map(name -> Arguments.of(name, jdk)));
    }

    /** Zero anomalies are required on the first JDK (JDK 17 in CI); see the issue 3 note for JDK 25. */
    static Stream<Arguments> samplesOnTheFirstJdk() {
        return Fork.jdks().stream().limit(1).flatMap(jdk -> sampleNames().stream().map(name -> Arguments.of(name, jdk)));
    }

    static Stream<String> pythonTwins() {
        return sampleNames().stream().filter(name -> Files.exists(pythonFile(name)));
    }

    static Path pythonFile(String sample) {
        return samplesDir().resolve("python").resolve(snakeCase(sample) + ".py");
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    static List<String> expected(String sample) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(samplesDir().resolve("expected").resolve(sample + ".txt"))) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> without(List<String> lines, String prefix) {
        return lines.stream().filter(l -> !l.startsWith(prefix)).toList();
    }

    static Fork.Result runSample(String sample, Path jdk) {
        return Fork.java(jdk).agent(Fork.stableCopy(Fork.existingPath("refshadow.it.agentJar"), runs().resolve("agent")), null)
                .classpath(Fork.existingPath("refshadow.it.classpath"))
                .args("dev.refshadow.samples." + sample)
                .in(runs().resolve(sample + "-" + jdk.getFileName()))
                .runOnce();
    }

    static Path runs() {
        return Path.of(System.getProperty("refshadow.it.runs", "target/sample-runs")).toAbsolutePath();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samples")
    void sampleGivesItsExpectedFigures(String sample, Path jdk) {
        Fork.Result r = runSample(sample, jdk).expectExit(0);
        assertEquals(String.join("\n", expected(sample)), String.join("\n", r.figureLines()),
                () -> sample + ": figures differ from samples/expected/" + sample + ".txt\n" + r.describe());
    }

    /**
     * The sample's report passes {@code refshadow check} against its expected baseline
     * (samples/expected/NAME.baseline.json, written by scripts/update-sample-baselines.sh): no
     * leak group of the sample's own classes or allocations that the baseline does not have.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samples")
    void sampleReportPassesCheckAgainstItsBaseline(String sample, Path jdk) {
        Fork.Result r = runSample(sample, jdk).expectExit(0);
        Path report = runs().resolve(sample + "-" + jdk.getFileName()).resolve("refshadow-report.json");
        Path baseline = Fork.existingPath("refshadow.it.samplesDir").resolve("expected/" + sample + ".baseline.json");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.refshadow.cli.RefshadowCli.execute(new String[] {"check", report.toString(),
            "--only", "dev.refshadow.samples.*", "--baseline", baseline.toString()},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertEquals(0, code, () -> sample + ": refshadow check failed\n" + out + err + "\n" + r.describe());
        expectKnownAllocationSites(sample, report);
    }

    /** Every object of the sample's own leak groups was made at a known site (the group names the line). */
    private static void expectKnownAllocationSites(String sample, Path report) {
        dev.refshadow.report.Report written;
        try {
            written = dev.refshadow.report.ReportJson.read(report);
        } catch (dev.refshadow.report.ReportInputException e) {
            throw new AssertionError(sample + ": " + e.getMessage(), e);
        }
        for (dev.refshadow.report.LeakGroup g : written.leaks()) {
            boolean own = g.classes().stream().anyMatch(c -> c.name().startsWith("dev.refshadow.samples."));
            boolean unknownSite = g.allocationSites().stream().anyMatch(site -> site.site() == null);
            assertTrue(!own || !unknownSite, () -> sample + ": a leak group with an unknown allocation site: "
                    + g.allocationSites());
        }
    }

    /** A correct program under a complete agent shows no anomaly in the exit summary. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samplesOnTheFirstJdk")
    void sampleRunsWithoutAnomalies(String sample, Path jdk) {
        Fork.Result r = runSample(sample, jdk);
        Matcher m = Pattern.compile("(\\d+) anomalies").matcher(r.stderr());
        if (!m.find() || !m.group(1).equals("0")) {
            throw new AssertionError(sample + ": the exit summary does not say 0 anomalies\n" + r.describe());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonTwins")
    void pythonTwinGivesTheSameGcResults(String sample) {
        String python = System.getProperty("refshadow.it.python", "");
        if (python.isBlank() || !Files.isExecutable(Path.of(python))) {
            throw new AssertionError("CPython 3.12 is needed for the Python twins of the samples: " + python
                    + " is not an executable (install it with 'pyenv install 3.12.1', or pass "
                    + "-Drefshadow.it.python=/path/to/python3.12)");
        }
        Fork.Result r = Fork.command(python, pythonFile(sample).toString())
                .in(runs().resolve(sample + "-python"))
                .run();
        r.expectExit(0);
        assertEquals(String.join("\n", without(expected(sample), "java.")),
                String.join("\n", without(r.figureLines(), "python.")),
                () -> sample + ": CPython's figures differ from samples/expected/" + sample + ".txt\n" + r.describe());
    }

    @Test
    void everySampleHasItsExpectedFigures() throws IOException {
        TreeSet<String> programs = new TreeSet<>();
        try (Stream<Path> files = Files.list(samplesDir().resolve("src/main/java/dev/refshadow/samples"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.readString(p).contains("public static void main(")) {
                    String file = p.getFileName().toString();
                    programs.add(file.substring(0, file.length() - ".java".length()));
                }
            }
        }
        assertEquals(programs, new TreeSet<>(sampleNames()), "samples (with a main) vs samples/expected/*.txt");
    }

    @Test
    void everySeedExampleHasAPythonTwin() {
        for (String seed : SEEDS) {
            Path twin = pythonFile(seed);
            if (!Files.exists(twin)) {
                throw new AssertionError("seed example " + seed + " has no Python twin " + twin);
            }
        }
    }
}
