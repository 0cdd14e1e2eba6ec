package escalation.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that grows as results stream in, and that can be cut back to a length it had: a checkpoint
 * records {@link #length()} and a resumed command reopens the file at that length, so that what was
 * written after the checkpoint is dropped and written again, byte for byte the same. The length counts
 * every byte handed over, flushed or not.
 */
public final class AppendedFile implements AutoCloseable {
    private final FileChannel channel;
    private final OutputStream out;
    private long length;
    private boolean closed;

    private AppendedFile(Path file, long keep) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(keep);
        channel.position(channel.size());
        length = channel.size();
        out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    /** Starts the file afresh (empty). */
    public static AppendedFile create(Path file) throws IOException {
        return new AppendedFile(file, 0);
    }

    /** Reopens the file cut back to {@code length} bytes, to go on from a checkpoint. */
    public static AppendedFile resume(Path file, long length) throws IOException {
        if (!java.nio.file.Files.exists(file) || java.nio.file.Files.size(file) < length) {
            throw new IOException(file + " is shorter than its checkpoint says (" + length + " bytes)");
        }
        return new AppendedFile(file, length);
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

    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        sync();
        out.close();
    }
}
