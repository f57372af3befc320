package dev.refshadow.report.render;

import dev.refshadow.report.Report;
import java.io.IOException;

/** Renders a report in one output format. */
public interface Renderer {
    void render(Report report, Appendable out, Progress progress) throws IOException;
}
