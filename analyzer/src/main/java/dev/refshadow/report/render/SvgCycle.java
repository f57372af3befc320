package dev.refshadow.report.render;

import static dev.refshadow.report.render.Markup.escape;

import dev.refshadow.report.ClassNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws a {@link CycleGraph} as inline SVG: classes as boxes on a circle in cycle order, edges
 * as labelled arrows curving to their left (so that A→B and B→A stay apart), self-references as
 * loops, the back-edge in class {@code back}. The arrowheads are the markers {@value #ARROW} and
 * {@value #BACK_ARROW}, which the page defines once ({@link #markerDefinitions()}).
 */
public final class SvgCycle {
    static final String ARROW = "rs-arrow";
    static final String BACK_ARROW = "rs-arrow-back";
    private static final int BOX_HEIGHT = 26;
    private static final int CHAR_WIDTH = 7;
    private static final int MAX_LABEL = 28;
    private static final int BEND = 28;
    private static final int MARGIN = 70;

    private SvgCycle() {
    }

    /** An SVG holding the arrowhead markers, to be placed once in the page. */
    public static String markerDefinitions() {
        return "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>"
                + marker(ARROW, "edge-head") + marker(BACK_ARROW, "back-head") + "</defs></svg>";
    }

    private static String marker(String id, String cssClass) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" "
                + "markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto-start-reverse\"><path class=\"" + cssClass
                + "\" d=\"M0,0 L10,5 L0,10 z\"/></marker>";
    }

    public static String draw(CycleGraph g, String title) {
        int n = g.nodes.size();
        String[] labels = new String[n];
        double[] halfWidth = new double[n];
        double sumWidth = 0;
        double maxHalf = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = shorten(ClassNames.simpleName(g.nodes.get(i)));
            halfWidth[i] = (16 + CHAR_WIDTH * labels[i].length()) / 2.0;
            sumWidth += 2 * halfWidth[i] + 40;
            maxHalf = Math.max(maxHalf, halfWidth[i]);
        }
        double radius = n <= 1 ? 0 : Math.max(70, sumWidth / (2 * Math.PI));
        double width = 2 * radius + 2 * maxHalf + 2 * MARGIN;
        double height = 2 * radius + BOX_HEIGHT + 2 * MARGIN + (g.elided > 0 ? 20 : 0);
        double cx = width / 2;
        double cy = MARGIN + radius + BOX_HEIGHT / 2.0;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(n, 1);
            x[i] = cx + radius * Math.cos(angle);
            y[i] = cy + radius * Math.sin(angle);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"cycle\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(num(width)).append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height)).append("\"><title>").append(escape(title))
                .append("</title>");
        Map<Integer, Integer> loops = new HashMap<>();
        for (CycleGraph.Edge e : g.edges) {
            if (e.from() == e.to()) {
                int k = loops.merge(e.from(), 1, Integer::sum) - 1;
                selfLoop(svg, e, x[e.from()], y[e.from()], k);
            } else {
                arc(svg, e, x, y, halfWidth);
            }
        }
        for (int i = 0; i < n; i++) {
            svg.append("<g class=\"node\"><title>").append(escape(g.nodes.get(i))).append("</title><rect x=\"")
                    .append(num(x[i] - halfWidth[i])).append("\" y=\"").append(num(y[i] - BOX_HEIGHT / 2.0))
                    .append("\" width=\"").append(num(2 * halfWidth[i])).append("\" height=\"").append(BOX_HEIGHT)
                    .append("\" rx=\"6\"/><text x=\"").append(num(x[i])).append("\" y=\"").append(num(y[i] + 4))
                    .append("\">").append(escape(labels[i])).append("</text></g>");
        }
        if (g.elided > 0) {
            svg.append("<text class=\"note\" x=\"").append(num(cx)).append("\" y=\"").append(num(height - 10))
                    .append("\">").append(Units.plural(g.elided, "more edge")).append(" of the cycle not shown</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void arc(StringBuilder svg, CycleGraph.Edge e, double[] x, double[] y, double[] halfWidth) {
        double dx = x[e.to()] - x[e.from()];
        double dy = y[e.to()] - y[e.from()];
        double length = Math.hypot(dx, dy);
        // control point: the midpoint, pushed to the left of the direction of travel
        double mx = (x[e.from()] + x[e.to()]) / 2 + BEND * dy / length;
        double my = (y[e.from()] + y[e.to()]) / 2 - BEND * dx / length;
        double[] start = boxExit(x[e.from()], y[e.from()], halfWidth[e.from()], mx, my);
        double[] end = boxExit(x[e.to()], y[e.to()], halfWidth[e.to()], mx, my);
        String d = "M" + num(start[0]) + "," + num(start[1]) + " Q" + num(mx) + "," + num(my) + " " + num(end[0])
                + "," + num(end[1]);
        double lx = 0.25 * start[0] + 0.5 * mx + 0.25 * end[0];
        double ly = 0.25 * start[1] + 0.5 * my + 0.25 * end[1];
        edge(svg, e, d, lx, ly);
    }

    private static void selfLoop(StringBuilder svg, CycleGraph.Edge e, double x, double y, int k) {
        double top = y - BOX_HEIGHT / 2.0;
        double rise = 36 + 18 * k;
        String d = "M" + num(x - 10) + "," + num(top) + " C" + num(x - 34 - 8 * k) + "," + num(top - rise) + " "
                + num(x + 34 + 8 * k) + "," + num(top - rise) + " " + num(x + 10) + "," + num(top);
        edge(svg, e, d, x, top - rise * 0.75 - 4);
    }

    private static void edge(StringBuilder svg, CycleGraph.Edge e, String d, double lx, double ly) {
        String label = e.field() + (e.times() > 1 ? " \u00d7" + e.times() : "");
        svg.append("<g class=\"").append(e.back() ? "edge back" : "edge").append("\"><title>")
                .append(escape(e.field() + (e.back() ? " (back-edge: closes the cycle)" : ""))).append("</title>")
                .append("<path d=\"").append(d).append("\" marker-end=\"url(#")
                .append(e.back() ? BACK_ARROW : ARROW).append(")\"/><text x=\"").append(num(lx)).append("\" y=\"")
                .append(num(ly)).append("\">").append(escape(label)).append("</text></g>");
    }

    /** Where the line from a box's centre towards (tx, ty) leaves the box. */
    private static double[] boxExit(double x, double y, double halfWidth, double tx, double ty) {
        double dx = tx - x;
        double dy = ty - y;
        double scale = Math.min(dx == 0 ? Double.MAX_VALUE : halfWidth / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : (BOX_HEIGHT / 2.0) / Math.abs(dy));
        return new double[] {x + dx * scale, y + dy * scale};
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    /** A coordinate with one decimal (String.format is too slow for a thousand drawings). */
    static String num(double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        return (v < 0 && tenths != 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
    }
}
