package dev.refshadow.agent.it;

import dev.refshadow.agent.it.harness.Fork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the test programs of {@code dev.refshadow.agent.it.programs} under the agent, once per JDK. */
final class Programs {
    static final String PACKAGE = "dev.refshadow.agent.it.programs.";
    private static final Pattern ANOMALIES = Pattern.compile("(\\d+) anomalies");

    private Programs() {
    }

    /** The JDKs of {@code refshadow.it.jdks}: the argument source of every parameterized IT. */
    static Stream<Path> jdks() {
        return Fork.jdks().stream();
    }

    /**
     * The first JDK of {@code refshadow.it.jdks} (the build's own, JDK 17 in CI): the zero-anomaly
     * checks run there; on JDK 25 a few freedObjectSeen anomalies remain (issue 3 note of 2026-11-21).
     */
    static Stream<Path> firstJdk() {
        return Fork.jdks().stream().limit(1);
    }

    /** The packaged agent jar, copied once per suite (see {@link Fork#stableCopy}). */
    static Path agentJar() {
        return Fork.stableCopy(Fork.existingPath("refshadow.it.agentJar"), runs().resolve("agent"));
    }

    static Path testClasses() {
        return Fork.existingPath("refshadow.it.classpath");
    }

    /** {@code java -javaagent:<agent jar> -cp <test classes> <program>}, run once per JDK and shared by the tests. */
    static Fork.Result run(String program, Path jdk) {
        return Fork.java(jdk).agent(agentJar(), null).classpath(testClasses()).args(PACKAGE + program)
                .in(runDir(program, jdk)).runOnce();
    }

    /** Where a run's stdout, stderr and report files are kept: target/it-runs/{@code <label>-<jdk>}. */
    static Path runDir(String label, Path jdk) {
        return runs().resolve(label + "-" + jdk.getFileName());
    }

    static Path runs() {
        return Path.of(System.getProperty("refshadow.it.runs", "target/it-runs")).toAbsolutePath();
    }

    /** The agent's exit summary on stderr must report zero anomalies (the text report, if any, says which). */
    static void expectNoAnomalies(Fork.Result r, String program, Path jdk) {
        Matcher m = ANOMALIES.matcher(r.stderr());
        if (!m.find()) {
            throw new AssertionError("no exit summary with an anomaly count on stderr\n" + r.describe());
        }
        if (!m.group(1).equals("0")) {
            String detail = "";
            try {
                for (String line : Files.readAllLines(runDir(program, jdk).resolve("refshadow-report.txt"))) {
                    if (line.contains("anomalies")) {
                        detail = line.strip() + "\n";
                    }
                }
            } catch (IOException e) {
                detail = "(no refshadow-report.txt: " + e + ")\n";
            }
            throw new AssertionError("the agent counted " + m.group(1) + " anomalies\n" + detail + r.describe());
        }
    }
}
