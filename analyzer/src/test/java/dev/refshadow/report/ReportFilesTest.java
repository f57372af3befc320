package dev.refshadow.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesEachFormatUnderThePrefixCreatingDirectories() throws Exception {
        String prefix = dir.resolve("out/nested/refshadow-report").toString();
        List<Path> written = ReportFiles.write(SampleReports.leaky(), prefix,
                List.of("json", "text", "html", "dot", "sarif", "junit"), 2);
        assertEquals(List.of(".json", ".txt", ".html", ".dot", ".sarif", ".junit.xml").stream()
                .map(ext -> Path.of(prefix + ext)).toList(), written);
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p.toString());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals(SampleReports.leaky(), ReportJson.read(written.get(0)));
        assertTrue(Files.readString(written.get(1)).contains("2 more leak groups not shown (top 2)"));
        assertEquals(List.of(), temporaryFiles(), "no temporary file is left");
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnythingIsWritten() throws IOException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFiles.write(
                SampleReports.leaky(), dir.resolve("r").toString(), List.of("json", "pdf"), 20));
        assertEquals("unknown format 'pdf'; formats are json, text, html, dot, sarif, junit", e.getMessage());
        assertEquals(List.of(), list());
    }

    @Test
    void aFailedWriteLeavesTheOldFileWhole() throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old content");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new content");
            throw new IOException("disk full");
        }));
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    @Test
    void aWriteReplacesTheFileWhole() throws Exception {
        Path target = dir.resolve("report.txt");
        Files.writeString(target, "old content that is longer than the new one");
        AtomicFile.write(target, out -> out.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        return list().stream().filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
}
