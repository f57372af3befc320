package dev.refshadow.agent.it.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a program in its own process, with a timeout, and parses the {@code name=value} lines it
 * prints. Shared by the agent's integration tests and the samples' (the samples module compiles
 * this package from the agent's test sources).
 *
 * <p>Configuration (system properties, set by failsafe in the poms):
 * <ul>
 * <li>{@code refshadow.it.jdks}: comma-separated JDK homes to run under (default: this JVM's
 * {@code java.home}). A JDK that was asked for and is missing fails the tests that use it.</li>
 * <li>{@code refshadow.it.timeout}: seconds per forked run (default 300).</li>
 * </ul>
 */
public final class Fork {
    /** A figure line: {@code name=value}, names made of letters, digits, {@code _ . - [ ]}. */
    private static final Pattern FIGURE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.\\[\\]-]*)=(.*)");
    private static final Map<String, CompletableFuture<Result>> ONCE = new ConcurrentHashMap<>();
    private static final Set<Path> COPIED = new HashSet<>();

    private final List<String> command = new ArrayList<>();
    private Path workDir;
    private Duration timeout = Duration.ofSeconds(Long.getLong("refshadow.it.timeout", 300));

    private Fork(List<String> command) {
        this.command.addAll(command);
    }

    /** The JDKs of {@code refshadow.it.jdks}; unchecked, so that each test can fail on a missing one. */
    public static List<Path> jdks() {
        String value = System.getProperty("refshadow.it.jdks", "");
        List<Path> jdks = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                jdks.add(Path.of(s.trim()));
            }
        }
        if (jdks.isEmpty()) {
            jdks.add(Path.of(System.getProperty("java.home")));
        }
        return jdks;
    }

    /** A path from a required system property that must exist. */
    public static Path existingPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + property + " is not set (failsafe sets it in the pom)");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new AssertionError(property + " = " + path + " does not exist");
        }
        return path;
    }

    /**
     * A copy of the agent jar in {@code dir}, made once per test JVM: a rebuild of the jar while the
     * suite runs cannot break the forked programs. The copy keeps the file name, which the jar's
     * {@code Boot-Class-Path} refers to.
     */
    public static synchronized Path stableCopy(Path jar, Path dir) {
        Path copy = dir.resolve(jar.getFileName());
        if (!COPIED.contains(copy)) {
            try {
                Files.createDirectories(dir);
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new AssertionError("cannot copy " + jar + " to " + dir + ": " + e, e);
            }
            COPIED.add(copy);
        }
        return copy;
    }

    /** {@code <jdk>/bin/java}; fails (never skips) when that JDK is not there. */
    public static Fork java(Path jdk) {
        Path java = jdk.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new AssertionError("JDK " + jdk + " was requested (refshadow.it.jdks=" + System.getProperty(
                    "refshadow.it.jdks") + ") but " + java + " does not exist or is not executable");
        }
        return new Fork(List.of(java.toString()));
    }

    public static Fork command(String... command) {
        return new Fork(Arrays.asList(command));
    }

    /** Adds {@code -javaagent:<jar>[=<options>]}. */
    public Fork agent(Path jar, String options) {
        return args("-javaagent:" + jar + (options == null || options.isEmpty() ? "" : "=" + options));
    }

    public Fork classpath(Path... entries) {
        List<String> parts = new ArrayList<>();
        for (Path p : entries) {
            parts.add(p.toString());
        }
        return args("-cp", String.join(File.pathSeparator, parts));
    }

    public Fork args(String... args) {
        command.addAll(Arrays.asList(args));
        return this;
    }

    /** The working directory (created if needed); files the program writes land there. */
    public Fork in(Path dir) {
        this.workDir = dir;
        return this;
    }

    public Fork timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Runs the command once per JVM (tests that check different figures of one run share it). */
    public Result runOnce() {
        String key = String.join("\u0000", command) + "\u0000" + workDir;
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> shared = ONCE.putIfAbsent(key, mine);
        if (shared != null) {
            return shared.join();
        }
        try {
            mine.complete(run());
        } catch (Throwable t) {
            mine.completeExceptionally(t);
        }
        return mine.join();
    }

    public Result run() {
        long start = System.nanoTime();
        try {
            Path dir = workDir != null ? workDir : Files.createTempDirectory("refshadow-it");
            Files.createDirectories(dir);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Result result = new Result(command, finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start));
            if (!finished) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s\n" + result.describe());
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** What a run printed; figure lookups fail with the whole run described. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {
        /** The {@code name=value} lines of stdout, in order (a repeated name keeps its last value). */
        public Map<String, String> figures() {
            Map<String, String> figures = new LinkedHashMap<>();
            for (String line : stdout.split("\\R")) {
                Matcher m = FIGURE.matcher(line.strip());
                if (m.matches()) {
                    figures.put(m.group(1), m.group(2));
                }
            }
            return figures;
        }

        /** stdout's figure lines, as printed. */
        public List<String> figureLines() {
            List<String> lines = new ArrayList<>();
            for (String line : stdout.split("\\R")) {
                if (FIGURE.matcher(line.strip()).matches()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        }

        public String figure(String name) {
            String value = figures().get(name);
            if (value == null) {
                throw new AssertionError("the program printed no figure '" + name + "'\n" + describe());
            }
            return value;
        }

        /** Asserts {@code name=expected}; the message names the figure and shows the run. */
        public Result expect(String name, Object expected) {
            String actual = figure(name);
            if (!actual.equals(String.valueOf(expected))) {
                throw new AssertionError(name + ": expected " + expected + " but was " + actual + "\n" + describe());
            }
            return this;
        }

        public Result expectExit(int code) {
            if (exitCode != code) {
                throw new AssertionError("exit code: expected " + code + " but was " + exitCode + "\n" + describe());
            }
            return this;
        }

        /** The non-blank lines of stderr. */
        public List<String> stderrLines() {
            List<String> lines = new ArrayList<>();
            for (String line : stderr.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }

        public String describe() {
            return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + ", "
                    + elapsed.toMillis() + " ms\n--- stdout ---\n" + tail(stdout) + "--- stderr ---\n" + tail(stderr);
        }

        private static String tail(String s) {
            int max = 6000;
            String t = s.length() <= max ? s : "[... " + (s.length() - max) + " chars]\n" + s.substring(s.length() - max);
            return t.endsWith("\n") || t.isEmpty() ? t : t + "\n";
        }
    }
}
