package escalation.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a command says when Java runs out of memory, made while memory is still free. Building the
 * message after the {@link OutOfMemoryError} can itself run out of memory (the workers still hold the
 * heap), and the user would then get the bare message without the resume command. So the notice is
 * encoded before the work starts, and a small reserve of heap is let go just before it is written.
 */
final class MemoryShortage {
    /** Heap held back from the start and freed when memory runs out, so that the notice can be written. */
    private static volatile byte[] reserve = new byte[256 * 1024];

    private static final String GIVE_MORE = "escalation: out of memory; give Java more (java -Xmx4g -jar escalation.jar ...)";

    private static final byte[] BARE = (GIVE_MORE + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);

    /** The notice of the command now running, once its folder can be resumed; null before. */
    private static volatile byte[] current;

    private final byte[] notice;

    private MemoryShortage(String text) {
        notice = (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The notice of a command whose results folder {@code dir} can be finished with {@code escalation COMMAND
     * --resume DIR}: made once the folder holds its first checkpoint, and from then on also the notice of an
     * out-of-memory error caught anywhere in the process ({@link #tellAny}).
     */
    static MemoryShortage resumable(Path dir, String command) {
        MemoryShortage m = new MemoryShortage(GIVE_MORE + " and finish with: escalation " + command + " --resume " + dir);
        current = m.notice;
        return m;
    }

    /** Forgets the notice of an earlier command (tests run several in one process). */
    static void forget() {
        current = null;
    }

    /** Writes this notice to standard error; returns {@link ExitCode#OUT_OF_MEMORY}. */
    int tell() {
        return write(notice);
    }

    /** Writes the notice of the command now running, or the bare one before its folder can be resumed; returns {@link ExitCode#OUT_OF_MEMORY}. */
    static int tellAny() {
        byte[] c = current;
        return write(c == null ? BARE : c);
    }

    /** Writes the notice of a command that leaves nothing to resume; returns {@link ExitCode#OUT_OF_MEMORY}. */
    static int tellBare() {
        return write(BARE);
    }

    private static int write(byte[] bytes) {
        reserve = null;
        try {
            // Bytes, not text: no encoder and no buffer to allocate on the way to standard error.
            System.err.write(bytes, 0, bytes.length);
            System.err.flush();
        } catch (OutOfMemoryError e) {
            // Memory is still short: the exit code says it.
        }
        return ExitCode.OUT_OF_MEMORY;
    }
}
