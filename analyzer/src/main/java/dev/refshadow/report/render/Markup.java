package dev.refshadow.report.render;

/** Escaping for XML, HTML and SVG text and attribute values. */
public final class Markup {
    private Markup() {
    }

    /**
     * Escapes {@code & < > " '} and drops the control characters XML 1.0 forbids (tab, line
     * feed and carriage return stay).
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
