package escalation.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * Ownership of a results folder by one process: the file {@code .lock} in the folder, holding the
 * owner's process id, with an operating-system lock on it. The operating system releases its lock
 * when the owner exits, however it exits (even {@code kill -9}), so a lock file left by a crash is
 * recognised as stale and taken over; a live owner's lock is refused. {@link #close()} removes the
 * file and releases the lock.
 */
public final class FolderLock implements AutoCloseable {
    public static final String NAME = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Object key;
    private final String staleOwner;

    private FolderLock(Path file, FileChannel channel, FileLock lock, Object key, String staleOwner) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.key = key;
        this.staleOwner = staleOwner;
    }

    /** The folder is owned by another live process. */
    public static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /**
     * Lock files held by this process. Operating-system locks belong to the process, and closing any
     * channel of a locked file may release them, so this process never opens a file it has locked.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Takes the folder {@code dir} for this process, or throws {@link Busy} naming the process that has it. */
    public static FolderLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        Path id = file.toAbsolutePath().normalize();
        if (!HELD.add(id)) throw new Busy(dir + " is in use by this process (another command in it has it open)");
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                FolderLock l = attempt(dir, file);
                if (l != null) return l;
            }
            throw new Busy(dir + ": its lock changes hands too fast to take; is another process starting on it?");
        } catch (IOException | RuntimeException e) {
            HELD.remove(id);
            throw e;
        }
    }

    /** One try: the lock, or null when the file changed under us (removed by its last owner) and must be tried again. */
    private static FolderLock attempt(Path dir, Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link, not the folder's lock; remove it");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(dir.toString(), null, "no such results folder");
        }
        boolean kept = false;
        try {
            // The owner removes the file, holding its lock, when it finishes: a file that is no longer the one at
            // the path after we lock it is one we cannot own, so try again on the file that is there now.
            Object opened = key(file);
            FileLock l = ch.tryLock();
            if (l == null) {
                String owner = owner(ch);
                throw new Busy(dir + " is in use by " + (owner.isEmpty() ? "another process" : "process " + owner)
                        + "; wait for it to finish or stop it first (a folder is written by one process at a time)");
            }
            Object locked = key(file);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || !Objects.equals(opened, locked)) {
                l.release();
                return null;
            }
            String stale = owner(ch);
            String content = ProcessHandle.current().pid() + "\n" + Instant.now() + "\n";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            kept = true;
            return new FolderLock(file, ch, l, locked, stale);
        } finally {
            if (!kept) ch.close();
        }
    }

    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The process id recorded in the lock file (empty when none). */
    private static String owner(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        String pid = (nl < 0 ? text : text.substring(0, nl)).strip();
        return pid.matches("[0-9]{1,19}") ? pid : "";
    }

    /** The process id of a crashed owner whose lock this one took over, or empty. */
    public String staleOwner() {
        return staleOwner;
    }

    /** True while the lock file is still the one this lock holds (not removed or replaced). */
    public boolean intact() {
        try {
            return lock.isValid() && Objects.equals(key,
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    @Override public void close() throws IOException {
        try {
            if (intact()) Files.deleteIfExists(file);
        } finally {
            try {
                if (lock.isValid()) lock.release();
            } finally {
                channel.close();
                HELD.remove(file.toAbsolutePath().normalize());
            }
        }
    }
}
