package dev.refshadow.cli;

import dev.refshadow.report.Report;
import dev.refshadow.report.TestReports;
import dev.refshadow.report.json.Json;
import dev.refshadow.report.json.JsonWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Report files for the CLI tests: written as the agent writes them, or edited as JSON. */
final class ReportFilesForCli {
    private ReportFilesForCli() {
    }

    static Path json(Report report, Path file) throws Exception {
        return TestReports.writeJson(report, file);
    }

    /** A copy of {@code source} whose JSON tree {@code edit} changed. */
    static Path edited(Path source, Path target, Consumer<Map<String, Object>> edit) throws Exception {
        Map<String, Object> tree = tree(source);
        edit.accept(tree);
        Files.writeString(target, JsonWriter.toString(tree));
        return target;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> leaks(Map<String, Object> tree) {
        return (List<Map<String, Object>>) tree.get("leaks");
    }
}
