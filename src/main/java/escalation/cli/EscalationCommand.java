package escalation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escalation} command: a front door with one subcommand per job. */
@Command(name = "escalation", mixinStandardHelpOptions = true, versionProvider = EscalationCommand.Version.class,
        description = "Agent-based simulator of conflict escalation: Iran, its proxies, Israel and the United States.",
        subcommands = {ValidateCommand.class, RunCommand.class, BatchCommand.class, CompareCommand.class,
                BenchCommand.class, HistoryCommand.class, CalibrateCommand.class, GuiCommand.class, ClassroomCommand.class,
                CommandLine.HelpCommand.class})
public final class EscalationCommand implements Runnable {
    /** Exit code for an invalid scenario or command line. */
    public static final int INVALID = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new EscalationCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("escalation: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return INVALID;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("escalation: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
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
