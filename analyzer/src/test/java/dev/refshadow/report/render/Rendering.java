package dev.refshadow.report.render;

import dev.refshadow.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders to a string, for assertions. */
final class Rendering {
    private Rendering() {
    }

    static String of(Renderer renderer, Report report) {
        StringBuilder sb = new StringBuilder();
        try {
            renderer.render(report, sb, Progress.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
