package dev.refshadow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The program that wrote a report. */
public record ToolInfo(String name, String version) {
    /** This build of refshadow. */
    public static ToolInfo current() {
        return new ToolInfo("refshadow", buildVersion());
    }

    /** The version Maven filtered into {@code version.properties}. */
    public static String buildVersion() {
        Properties p = new Properties();
        try (InputStream in = ToolInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
