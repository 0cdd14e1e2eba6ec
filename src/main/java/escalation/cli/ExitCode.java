package escalation.cli;

/**
 * The exit codes of every command, one table (the README lists it, and {@code escalation --help} prints it). A folder left
 * by codes 4, 5 and 130 is finished by the command's {@code --resume}.
 */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /** An internal error: a bug, with its message. */
    public static final int INTERNAL = 1;
    /** Invalid input: a scenario, a data file, an option, or a folder that cannot be resumed. Nothing was written. */
    public static final int INVALID = 2;
    /** The results folder is in use by another process. Nothing was written. */
    public static final int BUSY = 3;
    /** Results could not be written (disk full, folder removed, no permission). */
    public static final int WRITE_FAILED = 4;
    /** Out of memory: give Java more ({@code java -Xmx4g -jar ...}). */
    public static final int OUT_OF_MEMORY = 5;
    /** Stopped by Ctrl-C, SIGTERM or SIGHUP. */
    public static final int INTERRUPTED = 130;

    private ExitCode() { }
}
