package dev.refshadow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code refshadow} command line. */
@Command(name = "refshadow",
        mixinStandardHelpOptions = true,
        versionProvider = RefshadowCli.Version.class,
        description = "Reports which objects of a JVM program reference counting alone would leak.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class RefshadowCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI and returns its exit code: 0 success, 1 check failed, 2 usage or input error. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RefshadowCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("refshadow: " + e.getMessage());
            return 2;
        });
        int code = cli.execute(args);
        return code == CommandLine.ExitCode.USAGE ? 2 : code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"refshadow " + version()};
        }
    }

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = RefshadowCli.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
