package dev.refshadow.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The run a report describes.
 *
 * @param command the main class or command line ({@code sun.java.command}), or what the caller names
 * @param jvmVersion {@code java.runtime.version} of the analysed JVM
 * @param start when the run started
 * @param durationMillis how long it ran until the report was made
 * @param options the agent options in force, by name
 */
public record RunInfo(String command, String jvmVersion, Instant start, long durationMillis,
                      Map<String, String> options) {
    public RunInfo {
        options = Map.copyOf(options);
    }

    /** This JVM's run from {@code start} until now, with its command from {@code sun.java.command}. */
    public static RunInfo ofThisJvm(Instant start, Map<String, String> options) {
        String command = System.getProperty("sun.java.command", "");
        return new RunInfo(command, System.getProperty("java.runtime.version", System.getProperty("java.version")),
                start, Duration.between(start, Instant.now()).toMillis(), options);
    }
}
