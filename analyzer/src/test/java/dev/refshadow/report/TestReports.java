package dev.refshadow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refshadow.report.json.Json;
import dev.refshadow.report.json.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample reports, for the tests of other packages, and the one way tests write report files. */
public final class TestReports {
    private TestReports() {
    }

    /**
     * Writes {@code report} to {@code file} (which ends in {@code .json}) as the agent does and
     * checks the file against the schema: every report a test writes is validated.
     */
    public static Path writeJson(Report report, Path file) throws IOException, JsonException {
        String prefix = file.toString().substring(0, file.toString().length() - ".json".length());
        Path written = ReportFiles.writeFormats(report, prefix, List.of(ReportFormat.JSON), 20, line -> { }).get(0);
        assertEquals(List.of(), ReportJson.schema().validate(Json.parse(Files.readString(written))), file.toString());
        return written;
    }

    /** Four groups: Apple/Zebra parent links (5 objects), three 1-rings of Self, a 3-ring of Link, a lambda listener. */
    public static Report leaky() {
        return SampleReports.leaky();
    }

    /** One group closed under 41 frames: its stack keeps 32 entries and leaves 10 frames out. */
    public static Report deepStack() {
        return SampleReports.deepStack();
    }

    public static Report clean() {
        return SampleReports.clean();
    }

    /** Light (6 objects, 96 B) first by objects, Heavy (2 objects, 2,000 B) first by bytes. */
    public static Report weighted() {
        return SampleReports.weighted();
    }

    public static Report many(int groups) {
        return SampleReports.many(groups);
    }
}
