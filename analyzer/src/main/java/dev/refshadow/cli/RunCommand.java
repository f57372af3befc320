package dev.refshadow.cli;

import dev.refshadow.report.ReportInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refshadow run [agent options] -- <java args>}: starts {@code java} with the agent
 * attached and exits with the program's own exit code. The agent jar is {@code --agent}, else
 * {@code refshadow-agent.jar} beside the CLI jar, else {@code ../../agent/target/refshadow-agent.jar}
 * from the CLI jar's directory (the build tree: {@code analyzer/target} to {@code agent/target}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a Java program with the refshadow agent attached; exits with the program's exit code.",
                "Example: refshadow run --report out/leaks --formats json:html -- -cp app.jar com.acme.Main"})
final class RunCommand implements Callable<Integer> {
    static final String AGENT_JAR = "refshadow-agent.jar";

    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "PATH", description = "the agent jar")
    Path agent;

    @Option(names = "--java", paramLabel = "PATH", description = "the java launcher (default: this JVM's)")
    Path java;

    @Option(names = "--report", paramLabel = "PREFIX", description = "report path prefix (agent default: refshadow-report)")
    String report;

    @Option(names = "--formats", paramLabel = "F[:F...]", description = "json, text, html, dot, sarif, junit")
    String formats;

    @Option(names = "--thresholds", paramLabel = "T0[:T1[:T2]]", description = "collector thresholds")
    String thresholds;

    @Option(names = "--top", paramLabel = "N", description = "leak groups in the text report")
    String top;

    @Option(names = "--locals", paramLabel = "true|false", description = "count local variables")
    String locals;

    @Option(names = "--include", paramLabel = "GLOB[:GLOB...]", description = "classes to instrument")
    String include;

    @Option(names = "--exclude", paramLabel = "GLOB[:GLOB...]", description = "classes not to instrument")
    String exclude;

    @Option(names = "--verify", paramLabel = "true|false|sample:N", description = "compare with the JVM's GC")
    String verify;

    @Parameters(paramLabel = "<java args>", arity = "1..*", description = "the java command's arguments, after --")
    List<String> javaArgs;

    @Override
    public Integer call() throws ReportInputException, IOException, InterruptedException {
        Path agentJar = agentJar();
        Path launcher = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(launcher) || Files.isDirectory(launcher)) {
            throw new ReportInputException(launcher, "is not an executable java launcher");
        }
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.add("-javaagent:" + agentJar + agentOptions());
        command.addAll(javaArgs);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    /** {@code =key=value,...} for the options given, or nothing. */
    String agentOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("report", report);
        options.put("formats", formats);
        options.put("thresholds", thresholds);
        options.put("top", top);
        options.put("locals", locals);
        options.put("include", include);
        options.put("exclude", exclude);
        options.put("verify", verify);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (e.getValue().contains(",")) {
                throw new ParameterException(spec.commandLine(), "--" + e.getKey() + " must not contain ',': '"
                        + e.getValue() + "' (lists are separated by ':')");
            }
            sb.append(sb.length() == 0 ? "=" : ",").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private Path agentJar() throws ReportInputException {
        if (agent != null) {
            if (!Files.isRegularFile(agent)) {
                throw new ReportInputException(agent, Files.isDirectory(agent) ? "is a directory, not the agent jar"
                        : "no such file (--agent names the refshadow agent jar)");
            }
            return agent;
        }
        Path cliDir = cliJarDirectory();
        for (Path candidate : List.of(cliDir.resolve(AGENT_JAR),
                cliDir.resolve("../../agent/target/" + AGENT_JAR).normalize())) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ReportInputException(cliDir.resolve("../../agent/target/" + AGENT_JAR).normalize(),
                "no such file: build the agent (mvn -B package) or give --agent PATH");
    }

    private static Path cliJarDirectory() {
        try {
            Path location = Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? location : location.getParent();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
