package dev.refshadow.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private long now;
    private final List<String> lines = new ArrayList<>();
    private final Progress progress = new Progress("html", lines::add, () -> now);

    @Test
    void shortRenderingsStaySilent() {
        progress.start(1000);
        for (int i = 1; i <= 1000; i++) {
            now += 100_000; // 0.1 ms per group
            progress.step(i);
        }
        progress.finish();
        assertEquals(List.of(), lines);
    }

    @Test
    void longRenderingsShowAboutOneLinePerSecondAndAClosingLine() {
        progress.start(4000);
        for (int i = 1; i <= 4000; i++) {
            now += 1_000_000; // 1 ms per group: 4 s in all
            progress.step(i);
        }
        progress.finish();
        assertEquals(List.of("refshadow: html: 1,000/4,000 groups", "refshadow: html: 2,000/4,000 groups",
                "refshadow: html: 3,000/4,000 groups", "refshadow: html: 4,000/4,000 groups",
                "refshadow: html: done, 4,000 groups in 4.0 s"), lines);
    }
}
