package escalation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escalation} command: a front door with one subcommand per job. */
@Command(name = "escalation", mixinStandardHelpOptions = true, versionProvider = EscalationCommand.Version.class,
        description = "Agent-based simulator of conflict escalation: Iran, its proxies, Israel and the United States.",
        exitCodeListHeading = "%nExit codes (every command):%n", exitCodeList = {
                " 0:done",
                " 1:internal error (a bug; please report it with its message)",
                " 2:invalid input: a scenario, data file, option, or a folder that cannot be resumed; nothing was written",
                " 3:the results folder is in use by another process; nothing was written",
                " 4:results could not be written (disk full, folder removed, permission); resumable where the folder remains",
                " 5:out of memory (give Java more: java -Xmx4g -jar ...); resumable",
                "130:stopped by Ctrl-C, SIGTERM or SIGHUP; resumable with --resume (143 or 129 when the signal came while Java was still starting)"},
        subcommands = {ValidateCommand.class, RunCommand.class, BatchCommand.class, CompareCommand.class,
                ExperimentCommand.class, BenchCommand.class, HistoryCommand.class, CalibrateCommand.class, GuiCommand.class,
                ClassroomCommand.class, MergeCommand.class, SlurmCommand.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class EscalationCommand implements Runnable {
    /** Exit code for an invalid scenario or command line. */
    public static final int INVALID = ExitCode.INVALID;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** With no subcommand: the usage, on standard error, and the exit code for an invalid command line. */
    @Override public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, e.g. 'escalation run FILE'");
    }

    public static void main(String[] args) {
        Interruption.install();
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            code = MemoryShortage.tellAny();
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        // Outputs are the same under every locale: numbers in SVG, CSV and JSON are written with ASCII digits
        // and a decimal point, and ids are compared without Turkish dotless i's.
        Locale.setDefault(Locale.ROOT);
        MemoryShortage.forget();
        CommandLine cl = new CommandLine(new EscalationCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("escalation: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return INVALID;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof java.io.IOException io) {
                c.getErr().println("escalation: " + io.getMessage());
                return ExitCode.WRITE_FAILED;
            }
            c.getErr().println("escalation: internal error: " + (ex.getMessage() == null ? ex.toString() : ex.toString()));
            StackTraceElement[] at = ex.getStackTrace();
            if (at.length > 0) c.getErr().println("escalation: at " + at[0] + " (please report this with the command that caused it)");
            return ExitCode.INTERNAL;
        });
        // Every subcommand answers -V with the version, not with nothing.
        for (CommandLine sub : cl.getSubcommands().values()) sub.getCommandSpec().versionProvider(new Version());
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return MemoryShortage.tellAny();
        }
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        /** The git commit the build was made from, or "unknown" for a build outside a git checkout. */
        static String commit() throws IOException {
            Properties p = new Properties();
            try (InputStream in = EscalationCommand.class.getResourceAsStream("/escalation/version.properties")) {
                if (in != null) p.load(in);
            }
            String id = p.getProperty("commit", "");
            if (id.isEmpty() || id.startsWith("${")) return "unknown";
            return id;
        }

        @Override public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = EscalationCommand.class.getResourceAsStream("/escalation/version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"escalation " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
