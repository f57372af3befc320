package dev.refshadow.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refshadow.report.LeakGroup;
import dev.refshadow.report.Report;
import dev.refshadow.report.TestReports;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {
    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void isSelfContainedAndForbidsFetching() {
        String html = Rendering.of(new HtmlRenderer(), TestReports.leaky());
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), html);
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//").matcher(html).find(), "fetches something");
        assertFalse(html.contains("@import") || html.contains("url(http"), "fetches something");
        assertTrue(html.contains("<style>") && html.contains("<script>"));
        assertEquals(0, count(html, "<link\\b"));
    }

    @Test
    void summaryComesFirstThenOneBlockPerGroupWithItsData() {
        Report report = TestReports.leaky();
        String html = Rendering.of(new HtmlRenderer(), report);
        assertTrue(html.indexOf("id=\"summary\"") < html.indexOf("id=\"leaks\""));
        assertTrue(html.contains("4 leak groups: 13 objects (208 B) that reference counting alone would leak"));
        assertEquals(report.leaks().size(), count(html, "<details class=\"group\""));
        LeakGroup first = report.leaks().get(0);
        assertTrue(html.contains("<details class=\"group\" id=\"g-" + first.fingerprint()
                + "\" data-rank=\"1\" data-objects=\"5\" data-bytes=\"80\" data-instances=\"1\""), html);
        assertTrue(html.contains("Apple.items \u2192 Object[][*] \u2192 Zebra<span class=\"back-label\">.parent \u2192 Apple"
                + " (back-edge)</span>"), html);
        assertTrue(html.contains("make <code>com.acme.Zebra.parent</code>"), html);
        assertTrue(html.contains("local at <code>com.acme.Main.run(Main.java:20)</code>"), html);
    }

    @Test
    void drawsEachCycleWithTheBackEdgeHighlighted() {
        String html = Rendering.of(new HtmlRenderer(), TestReports.leaky());
        assertEquals(4, count(html, "<svg class=\"cycle\""));
        // Apple/Zebra: three classes, three edges, one of them the back-edge
        String svg = html.substring(html.indexOf("<svg class=\"cycle\""), html.indexOf("</svg>",
                html.indexOf("<svg class=\"cycle\"")));
        assertEquals(3, count(svg, "<g class=\"node\">"));
        assertEquals(3, count(svg, "<g class=\"edge"));
        assertEquals(1, count(svg, "<g class=\"edge back\">"));
        assertTrue(svg.contains("<g class=\"edge back\"><title>parent (back-edge: closes the cycle)</title>"), svg);
        assertTrue(svg.contains("marker-end=\"url(#rs-arrow-back)\""), svg);
        assertTrue(svg.contains(">Zebra</text>") && svg.contains(">Object[]</text>"), svg);
        // the 3-ring of one class: a self-loop taken three times
        assertTrue(html.contains(">next \u00d73</text>"), html);
    }

    @Test
    void theClosingWriteShowsItsCallStack() {
        String html = Rendering.of(new HtmlRenderer(), TestReports.deepStack());
        assertEquals(1, count(html, "<code class=\"frame\">at com\\.acme\\.Tree\\.cut\\(Tree\\.java:30\\)</code>"));
        assertEquals(31, count(html, "<code class=\"frame\">at com\\.acme\\.Tree\\.walk\\(Tree\\.java\\)</code>"));
        assertEquals(1, count(html, "<code class=\"frame\">\\.\\.\\. 10 more</code>"), html);
    }

    @Test
    void escapesNames() {
        String html = Rendering.of(new HtmlRenderer(), TestReports.leaky());
        assertTrue(html.contains("com.acme.Zebra.&lt;init&gt;(Zebra.java:3)"), html);
        assertFalse(html.contains("Zebra.<init>"), html);
    }

    @Test
    void groupsWithoutACycleAndElidedCyclesRender() {
        String html = Rendering.of(new HtmlRenderer(), LongCycle.report(100));
        assertEquals(2, count(html, "<details class=\"group\""));
        assertEquals(1, count(html, "<svg class=\"cycle\""));
        assertTrue(html.contains("36 more edges of the cycle not shown"), html);
        assertTrue(html.contains("\u2026 36 more edges \u2026 Link"), html);
        assertTrue(html.contains("1 object uncollectable"), html);
    }
}
