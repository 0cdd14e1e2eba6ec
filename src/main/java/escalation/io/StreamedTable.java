package escalation.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A CSV file that grows row by row (a batch's {@code runs.csv}), with a running SHA-256 and count of
 * its rows. {@link #mark()} makes every row so far durable and says how far the file goes and what
 * its bytes hash to; a resumed command reopens the file at a mark only after checking that its first
 * bytes are exactly those the mark covers, and cuts off whatever follows (a row cut in half by a crash).
 */
public final class StreamedTable implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final BufferedWriter writer;
    private long rows;

    /** How far a table goes: its data rows (the header aside), its length in bytes and the SHA-256 of those bytes. */
    public record Mark(long rows, long bytes, byte[] sha256) {
        public String hex() {
            return HexFormat.of().formatHex(sha256);
        }
    }

    /** The table's file does not hold what the mark covers. */
    public static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /** A mismatch found by a reader of a table's rows. */
    public static Mismatch mismatch(String message) {
        return new Mismatch(message);
    }

    private StreamedTable(Path file, FileChannel channel, MessageDigest digest, long rows) {
        this.file = file;
        this.channel = channel;
        this.digest = digest;
        this.rows = rows;
        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Starts the table {@code name} in {@code folder} with its header line. */
    public static StreamedTable create(ResultsFolder folder, String name, String header) throws IOException {
        folder.guard();
        Path file = folder.path().resolve(name);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        StreamedTable t = new StreamedTable(file, ch, sha256(), 0);
        t.writer.write(header);
        return t;
    }

    /**
     * Reopens the table {@code name} at {@code mark}: its header must be {@code header} and its first
     * {@code mark.bytes()} bytes must hash to the mark's SHA-256 and hold its rows; what follows is cut off.
     */
    public static StreamedTable resume(ResultsFolder folder, String name, String header, Mark mark) throws IOException, Mismatch {
        Path file = folder.path().resolve(name);
        MessageDigest digest = verified(file, header, mark);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        ch.truncate(mark.bytes());
        ch.position(mark.bytes());
        return new StreamedTable(file, ch, digest, mark.rows());
    }

    /**
     * Checks, reading only, that {@code file} starts with what {@code mark} covers (what follows is what
     * {@link #resume} would cut off): a command resuming several tables checks them all before it cuts any.
     */
    public static void verify(Path file, String header, Mark mark) throws IOException, Mismatch {
        verified(file, header, mark);
    }

    /**
     * Checks, reading only, that {@code file} holds exactly what {@code mark} covers and nothing after it:
     * its header, its rows, its bytes' SHA-256 (a finished table that a merge reads).
     */
    public static void check(Path file, String header, Mark mark) throws IOException, Mismatch {
        verified(file, header, mark);
        if (Files.size(file) != mark.bytes()) {
            throw new Mismatch(file + " holds " + (Files.size(file) - mark.bytes()) + " bytes more than the " + mark.rows()
                    + " rows recorded as finished");
        }
    }

    /** The running SHA-256 of the first {@code mark.bytes()} bytes of {@code file}, once they are checked to be what the mark covers. */
    private static MessageDigest verified(Path file, String header, Mark mark) throws IOException, Mismatch {
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Mismatch(file + " is missing (or is not a plain file); the checkpoint covers " + mark.rows() + " rows of it");
        }
        long size = Files.size(file);
        if (size < mark.bytes()) {
            throw new Mismatch(file + " is shorter (" + size + " bytes) than the " + mark.bytes() + " bytes the checkpoint covers ("
                    + mark.rows() + " rows); rows were lost since the checkpoint");
        }
        MessageDigest digest = sha256();
        long newlines = 0;
        byte[] first = new byte[Math.min(header.length() * 4 + 4, (int) Math.min(mark.bytes(), 1 << 20))];
        int firstLength = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            long left = mark.bytes();
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) throw new Mismatch(file + " ended while being read");
                digest.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') newlines++;
                    if (firstLength < first.length) first[firstLength++] = buf[i];
                }
                left -= n;
            }
        }
        byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
        if (firstLength < headerBytes.length || !Arrays.equals(Arrays.copyOf(first, headerBytes.length), headerBytes)) {
            throw new Mismatch(file + " does not start with the header this scenario's table has");
        }
        byte[] hash = ((MessageDigest) cloneOf(digest)).digest();
        if (!Arrays.equals(hash, mark.sha256())) {
            throw new Mismatch(file + ": its first " + mark.bytes() + " bytes were changed since the checkpoint (SHA-256 "
                    + HexFormat.of().formatHex(hash) + ", the checkpoint recorded " + mark.hex() + ")");
        }
        if (newlines != mark.rows() + 1) {
            throw new Mismatch(file + " holds " + (newlines - 1) + " rows where the checkpoint covers " + mark.rows());
        }
        return digest;
    }

    /**
     * Appends the rows of another table with the same header (a shard's), streamed, without its header;
     * returns how many rows were appended.
     */
    public long append(Path other) throws IOException {
        long newlines = 0;
        boolean header = true;
        char[] buf = new char[1 << 16];
        try (java.io.Reader in = Files.newBufferedReader(other, StandardCharsets.UTF_8)) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') continue;
                    if (header) {
                        header = false;
                        start = i + 1;
                    } else {
                        newlines++;
                    }
                }
                if (!header) writer.write(buf, start, n - start);
            }
        }
        rows += newlines;
        return newlines;
    }

    /** Appends one row (ending with a newline). */
    public void row(String row) throws IOException {
        writer.write(row);
        rows++;
    }

    /** Makes every row so far durable and returns how far the table goes. */
    public Mark mark() throws IOException {
        writer.flush();
        channel.force(false);
        return new Mark(rows, channel.size(), ((MessageDigest) cloneOf(digest)).digest());
    }

    public Path file() {
        return file;
    }

    @Override public void close() throws IOException {
        try {
            writer.flush();
            channel.force(false);
        } finally {
            writer.close();
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A copy of a running digest, to read its hash so far and go on. */
    static MessageDigest copy(MessageDigest d) {
        return (MessageDigest) cloneOf(d);
    }

    private static Object cloneOf(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JDK cannot be copied", e);
        }
    }
}
