package dev.refshadow.analyzer.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Python programs of scripts, one fresh interpreter process per script (so that no
 * script sees another's objects, freelists or counts), a few processes at a time.
 */
final class CpythonRunner {
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * What one program printed ({@code file}): the interpreter's frozen objects, then the
     * script's lines.
     */
    record Output(Path program, Path file, InterpreterObjects interpreter, List<String> lines) {
    }

    private final CpythonVersion version;
    private final Path python;
    private final Path directory;
    private final int parallelism;

    /** Programs and their outputs are kept in {@code directory}. */
    CpythonRunner(CpythonVersion version, Path directory, int parallelism) {
        this.version = version;
        this.python = version.executable();
        this.directory = directory;
        this.parallelism = parallelism;
    }

    /** Runs every script; the outputs are in the scripts' order. */
    List<Output> run(List<Script> scripts) throws IOException, InterruptedException {
        clear(directory);
        Files.createDirectories(directory);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Output>> futures = new ArrayList<>();
            for (Script script : scripts) {
                futures.add(pool.submit(() -> run(script)));
            }
            List<Output> outputs = new ArrayList<>();
            for (Future<Output> future : futures) {
                outputs.add(get(future));
            }
            return outputs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Removes what an earlier run left, so that every file there belongs to this run. */
    private static void clear(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Output get(Future<Output> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Output run(Script script) throws IOException, InterruptedException {
        Path program = directory.resolve("seed-" + script.seed() + ".py");
        Path output = directory.resolve("seed-" + script.seed() + ".cpython.txt");
        Files.writeString(program, PythonEmitter.program(script), StandardCharsets.UTF_8);
        // -I: no environment variables or user site; -S: no site module (nothing imported but gc and sys).
        Process process = new ProcessBuilder(python.toString(), "-I", "-S", program.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("CPython " + version + " did not finish " + program + " in " + TIMEOUT_SECONDS + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("CPython " + version + " failed on " + program + " (exit "
                    + process.exitValue() + "):\n" + text);
        }
        List<String> lines = text.lines().toList();
        InterpreterObjects interpreter = lines.isEmpty() ? null : OutputLines.parseInterpreter(lines.get(0));
        if (interpreter == null) {
            throw new AssertionError("CPython " + version + " printed no '" + OutputLines.INTERPRETER_PREFIX
                    + "' line first for " + program + ":\n" + text);
        }
        return new Output(program, output, interpreter, lines.subList(1, lines.size()));
    }
}
