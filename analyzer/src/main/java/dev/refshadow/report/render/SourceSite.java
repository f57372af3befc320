package dev.refshadow.report.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site in stack-trace form, {@code com.acme.Main.run(Main.java:12)}, taken apart.
 *
 * @param line 0 when unknown
 */
public record SourceSite(String className, String method, String file, int line) {
    private static final Pattern FRAME =
            Pattern.compile("^([\\w$.]+)\\.([\\w$<>]+)\\(([^:()]+?)(?::(\\d+))?\\)$");

    /** The parsed site, or null when it is not in stack-trace form. */
    public static SourceSite parse(String site) {
        if (site == null) {
            return null;
        }
        Matcher m = FRAME.matcher(site.strip());
        if (!m.matches()) {
            return null;
        }
        return new SourceSite(m.group(1), m.group(2), m.group(3), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
    }

    /** Whether the frame names a source file ({@code Unknown Source} and {@code Native Method} do not). */
    public boolean hasSourceFile() {
        return file.contains(".");
    }

    /** The source path by Java convention: the class's package as directories, then the file. */
    public String sourcePath() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? file : className.substring(0, dot).replace('.', '/') + "/" + file;
    }

    public String qualifiedMethod() {
        return className + "." + method;
    }
}
