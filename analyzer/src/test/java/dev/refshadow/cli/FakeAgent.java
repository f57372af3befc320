package dev.refshadow.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for the agent in {@link RunCommandTest}: writes its options to {@code -Dfake.agent.out}. */
public final class FakeAgent {
    private FakeAgent() {
    }

    public static void premain(String options) {
        try {
            Files.writeString(Path.of(System.getProperty("fake.agent.out")), String.valueOf(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The program: exits with the status given. */
    public static void main(String[] args) {
        System.exit(Integer.parseInt(args[0]));
    }
}
