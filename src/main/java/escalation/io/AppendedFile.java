package escalation.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file that grows as results stream in (a table or a binary record of each unit of work), with a
 * running SHA-256 of its bytes: {@link #mark} makes every byte so far durable and says how far the file
 * goes and what those bytes hash to. A resumed command reopens the file at a mark only after checking
 * that its first bytes are exactly those the mark covers, and cuts off whatever follows, so that what was
 * written after the checkpoint is written again, byte for byte the same. The length counts every byte
 * handed over, flushed or not.
 */
public final class AppendedFile implements AutoCloseable {
    private final FileChannel channel;
    private final MessageDigest digest;
    private final OutputStream out;
    private long length;
    private boolean closed;

    private AppendedFile(Path file, long keep, MessageDigest digest) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        channel.truncate(keep);
        channel.position(channel.size());
        length = channel.size();
        this.digest = digest;
        out = new BufferedOutputStream(new DigestOutputStream(Channels.newOutputStream(channel), digest), 1 << 16);
    }

    /** Starts the file afresh (empty). */
    public static AppendedFile create(Path file) throws IOException {
        return new AppendedFile(file, 0, StreamedTable.sha256());
    }

    /**
     * Reopens the file at {@code mark}: its first {@code mark.bytes()} bytes must hash to the mark's
     * SHA-256; what follows is cut off.
     */
    public static AppendedFile resume(Path file, StreamedTable.Mark mark) throws IOException, StreamedTable.Mismatch {
        return new AppendedFile(file, mark.bytes(), verified(file, mark));
    }

    /** Checks, reading only, that {@code file} holds exactly the bytes {@code mark} covers and nothing after them. */
    public static void check(Path file, StreamedTable.Mark mark) throws IOException, StreamedTable.Mismatch {
        verified(file, mark);
        if (Files.size(file) != mark.bytes()) {
            throw StreamedTable.mismatch(file + " holds " + (Files.size(file) - mark.bytes()) + " bytes more than its checkpoint covers");
        }
    }

    private static MessageDigest verified(Path file, StreamedTable.Mark mark) throws IOException, StreamedTable.Mismatch {
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw StreamedTable.mismatch(file + " is missing (or is not a plain file); the checkpoint covers " + mark.bytes() + " bytes of it");
        }
        long size = Files.size(file);
        if (size < mark.bytes()) {
            throw StreamedTable.mismatch(file + " is shorter (" + size + " bytes) than the " + mark.bytes()
                    + " bytes the checkpoint covers; results were lost since the checkpoint");
        }
        MessageDigest digest = StreamedTable.sha256();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            for (long left = mark.bytes(); left > 0; ) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) throw StreamedTable.mismatch(file + " ended while being read");
                digest.update(buf, 0, n);
                left -= n;
            }
        }
        byte[] hash = StreamedTable.copy(digest).digest();
        if (!MessageDigest.isEqual(hash, mark.sha256())) {
            throw StreamedTable.mismatch(file + ": its first " + mark.bytes() + " bytes were changed since the checkpoint (SHA-256 "
                    + HexFormat.of().formatHex(hash) + ", the checkpoint recorded " + mark.hex() + ")");
        }
        return digest;
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        length += bytes.length;
    }

    /** Bytes written so far, flushed or not. */
    public long length() {
        return length;
    }

    /** Flushes and forces every byte so far to the disk, so that a checkpoint that counts them can trust them. */
    public void sync() throws IOException {
        out.flush();
        channel.force(false);
    }

    /** Makes every byte so far durable and says how far the file goes: {@code records} units of work, its length and SHA-256. */
    public StreamedTable.Mark mark(long records) throws IOException {
        sync();
        return new StreamedTable.Mark(records, length, StreamedTable.copy(digest).digest());
    }

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        sync();
        out.close();
    }
}
