package dev.refshadow.report;

import dev.refshadow.report.render.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a report's files: the entry point for the agent at exit.
 *
 * <pre>{@code
 * LeakRecorder recorder = new LeakRecorder(analyzer, id -> instrumentation.getObjectSize(objectOf(id)));
 * analyzer.collector.setGarbageSink(recorder);
 * ... at exit, on the analyzer thread, after the final collection:
 * Report report = ReportBuilder.build(analyzer, recorder, RunInfo.ofThisJvm(start, options.given()));
 * List<Path> written = ReportFiles.write(report, options.reportPrefix(), options.formats(), options.top());
 * }</pre>
 *
 * Each format is written to {@code prefix + extension} ({@code refshadow-report.json},
 * {@code .txt}, {@code .html}, {@code .dot}, {@code .sarif}, {@code .junit.xml}), atomically
 * ({@link AtomicFile}); missing directories of the prefix are created. Renderings that take more
 * than a second report their progress on stderr.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes the report in each of {@code formats} (names as in {@link ReportFormat}: json,
     * text, html, dot, sarif, junit) and returns the paths written, in the order given.
     *
     * @param topGroups how many groups the text format shows (the others show all)
     * @throws IllegalArgumentException for an unknown format name, before anything is written
     */
    public static List<Path> write(Report report, String prefix, Collection<String> formats, int topGroups)
            throws IOException {
        List<ReportFormat> parsed = new ArrayList<>();
        for (String name : formats) {
            parsed.add(ReportFormat.named(name));
        }
        return writeFormats(report, prefix, parsed, topGroups, line -> System.err.println(line));
    }

    /** As {@link #write}, with typed formats and progress lines sent to {@code progress}. */
    public static List<Path> writeFormats(Report report, String prefix, Collection<ReportFormat> formats,
                                          int topGroups, Consumer<String> progress) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : new LinkedHashSet<>(formats)) {
            Path path = Path.of(prefix + format.extension);
            AtomicFile.write(path, out -> format.renderer(topGroups)
                    .render(report, out, Progress.to(format.formatName, progress)));
            written.add(path);
        }
        return written;
    }
}
