package dev.refshadow.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.TestReports;
import dev.refshadow.report.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {
    @Test
    void summaryFirstThenEachGroupAsATree() {
        String text = Rendering.of(new TextRenderer(20), TestReports.leaky());
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("refshadow "), lines.get(0));
        assertTrue(lines.get(0).contains("com.acme.Main (JVM 17.0.15, started 2025-01-02T03:04:05Z, ran 1.2 s)"));
        assertEquals("  4 leak groups, 13 objects (208 B) that reference counting alone would leak", lines.get(1));
        assertEquals("  collections: gen0 0, gen1 0, gen2 1; anomalies: 0", lines.get(3));
        String first = text.substring(text.indexOf("Leak group 1/4"), text.indexOf("Leak group 2/4"));
        assertEquals(String.join("\n",
                "Leak group 1/4: 1 instance, 5 objects, 80 B   fingerprint " + TestReports.leaky().leaks().get(0).fingerprint(),
                "  1 (16 B) <com.acme.Apple>  ROOT CYCLE",
                "     items --> 1 (16 B) <java.lang.Object[]>",
                "        [*] --> 3 (48 B) <com.acme.Zebra>",
                "           parent --> CYCLE BACK TO <com.acme.Apple>",
                "  allocated at: com.acme.Zebra.<init>(Zebra.java:3) (3); com.acme.Main.build(Main.java:10) (2)",
                "  closing write: local at com.acme.Main.run(Main.java:20) (1 of 1 instance)",
                "      at com.acme.Main.run(Main.java:20)",
                "  suggestion: make com.acme.Zebra.parent (--> com.acme.Apple) weak: Zebra.parent is a back-pointer"
                        + " to its owner; removing it breaks every cycle in 1 of 1 instance",
                "", ""), first);
        assertTrue(text.contains("  3 (48 B) <com.acme.Link>  ROOT CYCLE\n     next --> <com.acme.Link>\n"
                + "        next --> <com.acme.Link>\n           next --> CYCLE BACK TO <com.acme.Link>\n"), text);
        assertTrue(text.contains("closing write: frame-exit at com.acme.Ui.show(Ui.java:9)"), text);
    }

    @Test
    void theClosingWriteShowsItsCallStackAndHowManyOuterFramesAreLeftOut() {
        String text = Rendering.of(new TextRenderer(20), TestReports.deepStack());
        String closing = text.substring(text.indexOf("  closing write:"), text.indexOf("  suggestion:"));
        String walk = "      at com.acme.Tree.walk(Tree.java)\n";
        assertEquals("  closing write: field at com.acme.Tree.cut(Tree.java:30) (1 of 1 instance)\n"
                + "      at com.acme.Tree.cut(Tree.java:30)\n" + walk.repeat(31) + "      ... 10 more\n", closing);
    }

    @Test
    void showsOnlyTheTopGroupsAndSaysHowManyMore() {
        String text = Rendering.of(new TextRenderer(2), TestReports.leaky());
        assertTrue(text.contains("Leak group 2/4"), text);
        assertFalse(text.contains("Leak group 3/4"), text);
        assertTrue(text.endsWith("2 more leak groups not shown (top 2); the JSON and HTML reports have them all\n"), text);
        assertThrows(IllegalArgumentException.class, () -> new TextRenderer(0));
    }

    @Test
    void theVerificationFiguresFollowTheSummary() {
        String text = Rendering.of(new TextRenderer(20), TestReports.clean().withVerification(
                Verification.of("all", 30_000, 20_008, 20_000, 1, 0, 7)));
        assertTrue(text.contains("\n  verification (all): 30,000 watched, 20,008 reclaimed by the JVM; agreement 99.9950 %"
                + " (20,000 agreed, 1 kept alive outside cycles, 0 premature frees, 7 discovered)\n"), text);
        assertFalse(Rendering.of(new TextRenderer(20), TestReports.clean()).contains("verification"));
    }

    @Test
    void aCleanRunSaysSo() {
        String text = Rendering.of(new TextRenderer(20), TestReports.clean());
        assertTrue(text.contains("no reference cycles: reference counting alone would free every object"), text);
        assertFalse(text.contains("Leak group"), text);
    }

    @Test
    void longCyclesSayHowManyEdgesAreLeftOut() {
        String text = Rendering.of(new TextRenderer(1), LongCycle.report(100));
        assertTrue(text.contains("... 36 more edges ...\n"), text);
        assertTrue(text.contains("next --> CYCLE BACK TO <com.acme.Link>"), text);
    }
}
