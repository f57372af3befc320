package dev.refshadow.cli;

import dev.refshadow.report.Report;
import dev.refshadow.report.ReportFormat;
import dev.refshadow.report.ReportInputException;
import dev.refshadow.report.ReportJson;
import dev.refshadow.report.render.Progress;
import dev.refshadow.report.render.TextRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refshadow report <report.json> --format F [-o FILE]}: renders a JSON report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a JSON report as text, html, dot, sarif, junit or json (to standard output unless -o).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<report.json>", description = "a report written by the agent")
    Path input;

    @Option(names = {"-f", "--format"}, defaultValue = "text", converter = FormatConverter.class,
            description = "text, html, dot, sarif, junit or json (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE (atomically) instead")
    Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + TextRenderer.DEFAULT_TOP,
            description = "leak groups the text format shows (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "keep only the leak groups with a class or allocation site matching GLOB (repeatable), e.g. 'com.acme.*'")
    java.util.List<String> only;

    @Override
    public Integer call() throws IOException, ReportInputException {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        Report report = GroupFilter.only(ReportJson.read(input), only);
        Progress progress = Progress.to(format.formatName, spec.commandLine().getErr()::println);
        OutputTarget.write(output, spec.commandLine().getOut(),
                out -> format.renderer(top).render(report, out, progress));
        return 0;
    }
}
