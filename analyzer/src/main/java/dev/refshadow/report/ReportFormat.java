package dev.refshadow.report;

import dev.refshadow.report.render.DotRenderer;
import dev.refshadow.report.render.HtmlRenderer;
import dev.refshadow.report.render.JunitRenderer;
import dev.refshadow.report.render.Renderer;
import dev.refshadow.report.render.SarifRenderer;
import dev.refshadow.report.render.TextRenderer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output formats, by the names the agent option {@code formats=} and the CLI's {@code --format} use. */
public enum ReportFormat {
    JSON("json", ".json"),
    TEXT("text", ".txt"),
    HTML("html", ".html"),
    DOT("dot", ".dot"),
    SARIF("sarif", ".sarif"),
    JUNIT("junit", ".junit.xml");

    public final String formatName;
    /** What {@link ReportFiles} appends to the path prefix. */
    public final String extension;

    ReportFormat(String formatName, String extension) {
        this.formatName = formatName;
        this.extension = extension;
    }

    /** The format called {@code name}; the message of the exception lists the known names. */
    public static ReportFormat named(String name) {
        for (ReportFormat f : values()) {
            if (f.formatName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; formats are " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(f -> f.formatName).collect(Collectors.joining(", "));
    }

    /** A renderer for this format; {@code topGroups} bounds the text format only. */
    public Renderer renderer(int topGroups) {
        switch (this) {
            case JSON: return (report, out, progress) -> ReportJson.write(report, out);
            case TEXT: return new TextRenderer(topGroups);
            case HTML: return new HtmlRenderer();
            case DOT: return new DotRenderer();
            case SARIF: return new SarifRenderer();
            case JUNIT: return new JunitRenderer();
            default: throw new AssertionError(this);
        }
    }
}
