package escalation.cli;

import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Ctrl-C, {@code kill} and a closed terminal (SIGINT, SIGTERM, SIGHUP), handled the same way. A
 * command that can stop cleanly ({@link #listen()}) is asked to stop: it finishes nothing more,
 * writes its checkpoint and exits with {@link ExitCode#INTERRUPTED}, leaving a folder that
 * {@code --resume} finishes. A second signal within {@link #FORCE_WINDOW_NANOS} stops the process at
 * once: every file is written atomically or covered by the last checkpoint, so the folder is still
 * resumable, exactly as after {@code kill -9}. Any other command exits at once with the same code.
 * This is the one stop mechanism of every long command ({@code batch}, {@code compare},
 * {@code history}, {@code calibrate}, {@code experiment}): each listens while it works, through
 * {@link Listening}, and polls {@link Listening#requested()} between units of work.
 */
final class Interruption {
    static final long FORCE_WINDOW_NANOS = 2_000_000_000L;
    private static volatile boolean listening;
    private static volatile boolean requested;
    private static volatile long requestedAt;
    private static volatile PrintStream err = System.err;

    private Interruption() { }

    /** Handles the signals for this process (the real command line, not tests calling the commands). */
    static void install() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), s -> onSignal());
            } catch (IllegalArgumentException e) {
                // a signal this platform does not have, or one the JVM reserves
            }
        }
    }

    /** While open, a signal asks the command to stop instead of ending the process; closing it stops listening. */
    static final class Listening implements AutoCloseable {
        private Listening() { }

        /** True once a stop has been asked for. */
        boolean requested() {
            return Interruption.requested();
        }

        @Override public void close() {
            listening = false;
        }
    }

    /** A command that checks {@link Listening#requested()} starts: a signal now asks it to stop. */
    static Listening listen() {
        requested = false;
        err = System.err;
        listening = true;
        return new Listening();
    }

    /** True once a stop has been asked for. */
    static boolean requested() {
        return requested;
    }

    /** Asks the running command to stop, as a signal would (for tests of a command run in this process). */
    static void request() {
        requestedAt = System.nanoTime();
        requested = true;
    }

    private static void onSignal() {
        long now = System.nanoTime();
        if (!listening) {
            System.exit(ExitCode.INTERRUPTED);
            return;
        }
        if (requested && now - requestedAt < FORCE_WINDOW_NANOS) {
            err.println("\nStopped at once; the folder resumes from its last checkpoint.");
            err.flush();
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
        }
        if (!requested) {
            err.println("\nStopping after the work in progress; press Ctrl-C again within 2 s to stop at once.");
        }
        requestedAt = now;
        requested = true;
    }
}
