package dev.refshadow.cli;

import dev.refshadow.report.ToolInfo;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code refshadow} command line. */
@Command(name = "refshadow",
        mixinStandardHelpOptions = true,
        versionProvider = RefshadowCli.Version.class,
        description = "Reports which objects of a JVM program reference counting alone would leak.",
        subcommands = {ReportCommand.class, CheckCommand.class, DiffCommand.class, RunCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class})
public final class RefshadowCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI and returns its exit code: 0 success, 1 check failed, 2 usage or input error.
     * Every error is one line on {@code err}, never a stack trace.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RefshadowCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println(prefix(command) + oneLine(e.getMessage()) + " (see '"
                    + command.getCommandSpec().qualifiedName() + " --help')");
            command.getErr().flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            command.getErr().println(prefix(command) + oneLine(message));
            command.getErr().flush();
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code == CommandLine.ExitCode.USAGE ? 2 : code;
    }

    private static String prefix(CommandLine command) {
        return command.getCommandSpec().qualifiedName() + ": ";
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
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
        return ToolInfo.buildVersion();
    }
}
