package escalation.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A folder for one command's outputs, owned by this process while it is open ({@link FolderLock}).
 * A new folder is never one that holds anything: creation fails rather than overwrite. Files are
 * written to a temporary name and moved into place, so a crash never leaves a half-written file under
 * its final name; a temporary name that is a link is removed, never written through. Every write
 * first checks that the folder is still the one this process created and owns ({@link #guard()}): a
 * folder removed or replaced while a command runs stops it instead of being silently recreated.
 */
public final class ResultsFolder implements AutoCloseable {
    /** Folder names made from scenario names: letters, digits, {@code _ . -}; anything else becomes {@code _}. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    private final Path dir;
    private final Object key;
    private final FolderLock lock;
    private final boolean ownsLock;

    private ResultsFolder(Path dir, FolderLock lock, boolean ownsLock) throws IOException {
        this.dir = dir;
        this.key = keyOf(dir);
        this.lock = lock;
        this.ownsLock = ownsLock;
    }

    /** The folder is gone, replaced, or no longer ours: nothing more may be written into it. */
    public static final class Gone extends IOException {
        private static final long serialVersionUID = 1L;

        Gone(String message) {
            super(message);
        }
    }

    /** A name usable as one folder name: {@code ../x} becomes {@code .._x}, never a path. */
    public static String safeName(String name) {
        String n = UNSAFE.matcher(name).replaceAll("_");
        if (n.length() > 80) n = n.substring(0, 80);
        if (n.isEmpty() || n.startsWith(".")) n = "_" + n;
        return n;
    }

    /** Creates {@code base/stem}, or {@code base/stem-2}, {@code -3}... when taken; {@code stem} is made a safe name. */
    public static ResultsFolder createUnder(Path base, String stem) throws IOException {
        Files.createDirectories(base);
        String safe = safeName(stem);
        for (int k = 1; ; k++) {
            Path p = base.resolve(k == 1 ? safe : safe + "-" + k);
            try {
                Files.createDirectory(p);
                return locked(p);
            } catch (FileAlreadyExistsException e) {
                if (k > 10_000) throw e;
            }
        }
    }

    /**
     * Uses exactly {@code dir}, which must not exist yet, or be an empty folder (made by hand, or left by a
     * command stopped before its first checkpoint: see {@link #emptyButForAStaleLock}): results are never
     * written over files that hold one.
     */
    public static ResultsFolder createExactly(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !emptyButForAStaleLock(dir)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "already exists; results are never overwritten");
            }
            ResultsFolder f = locked(dir);
            if (!emptyButForAStaleLock(dir)) {
                f.close();
                throw new FileAlreadyExistsException(dir.toString(), null, "already exists; results are never overwritten");
            }
            // The leftovers of a start that never checkpointed hold no result: cleared for this one.
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    if (!p.getFileName().toString().equals(FolderLock.NAME)) deleteLeftover(p);
                }
            }
            return f;
        }
        if (dir.toAbsolutePath().getParent() != null) Files.createDirectories(dir.toAbsolutePath().getParent());
        Files.createDirectory(dir);
        return locked(dir);
    }

    /**
     * True when {@code dir} holds nothing a user could lose: nothing at all, a stale lock, or what a command
     * leaves when it is killed before its first checkpoint: its lock, a manifest of work not complete
     * with nothing done, a runs.csv holding its header alone, with or without that manifest (a comparison's:
     * one per variant, under {@code variants/}), files half written. Without a checkpoint no
     * run is recorded as done, so there is nothing to resume, and a new start may take the folder.
     */
    private static boolean emptyButForAStaleLock(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.equals(FolderLock.NAME) || name.endsWith(".tmp")) continue;
                if (name.equals(VARIANTS) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && unstartedVariants(p)) continue;
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return false;
                if (!(name.equals(MANIFEST) && unstarted(p)) && !(name.equals(RUNS) && headerAlone(p))) return false;
            }
        }
        return true;
    }

    /**
     * A comparison's {@code variants/} as it is before the first checkpoint: one folder per variant, each
     * holding a runs.csv with its header alone (or nothing).
     */
    private static boolean unstartedVariants(Path variants) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(variants)) {
            for (Path v : entries) {
                if (!Files.isDirectory(v, LinkOption.NOFOLLOW_LINKS)) return false;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(v)) {
                    for (Path f : files) {
                        if (!f.getFileName().toString().equals(RUNS) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || !headerAlone(f)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Removes a file, or a folder of what {@link #unstartedVariants} accepts, never following a link. */
    private static void deleteLeftover(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                for (Path q : entries) deleteLeftover(q);
            }
        }
        Files.delete(p);
    }

    private static final String VARIANTS = "variants";
    private static final String MANIFEST = "manifest.json";
    private static final String RUNS = "runs.csv";

    /**
     * The manifest of work not complete that no checkpoint covers (the folder holds none, or it would not
     * be taken): a batch's with no run done, or any command's written just before it was killed.
     */
    private static boolean unstarted(Path file) {
        try {
            if (Files.size(file) > (1 << 20)) return false;
            com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
            return m != null && m.isObject() && m.path("complete").isBoolean() && !m.path("complete").asBoolean()
                    && m.path("runs_done").asLong(0) == 0 && m.path("generations_done").asLong(0) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A runs.csv with its header line and nothing else. */
    private static boolean headerAlone(Path file) throws IOException {
        byte[] all;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            all = in.readNBytes(1 << 16);
            if (in.read() >= 0) return false;
        }
        String text = new String(all, java.nio.charset.StandardCharsets.UTF_8);
        return text.startsWith("run,seed,") && text.indexOf('\n') == text.length() - 1;
    }

    /** Opens an existing results folder (to resume a command), taking it for this process. */
    public static ResultsFolder existing(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(dir.toString(), null, "no such results folder");
        return locked(dir);
    }

    private static ResultsFolder locked(Path dir) throws IOException {
        FolderLock lock = FolderLock.acquire(dir);
        try {
            return new ResultsFolder(dir, lock, true);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A folder inside this one, new, written under this folder's lock. */
    public ResultsFolder subfolder(String name) throws IOException {
        guard();
        Path p = dir.resolve(inside(name));
        Files.createDirectories(p.getParent());
        Files.createDirectory(p);
        return new ResultsFolder(p, lock, false);
    }

    /** A folder inside this one that a command made before it was interrupted, written under this folder's lock. */
    public ResultsFolder existingSubfolder(String name) throws IOException {
        guard();
        Path p = dir.resolve(inside(name));
        if (Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(p.toString(), null, "no such folder");
        }
        return new ResultsFolder(p, lock, false);
    }

    public Path path() {
        return dir;
    }

    /** The process id of a crashed command whose stale lock this folder took over, or empty. */
    public String staleOwner() {
        return lock.staleOwner();
    }

    /** Throws {@link Gone} unless the folder is still the one opened and its lock still ours. */
    public void guard() throws Gone {
        Object now;
        try {
            now = keyOf(dir);
        } catch (IOException e) {
            now = null;
        }
        if (now == null || !Objects.equals(now, key)) {
            throw new Gone("the results folder " + dir + " was removed or replaced while the command ran; nothing more is written");
        }
        if (!lock.intact()) {
            throw new Gone("the lock file " + dir.resolve(FolderLock.NAME) + " was removed or replaced while the command ran; "
                    + "nothing more is written, since another process may now be writing the folder");
        }
    }

    private static Object keyOf(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) throw new NoSuchFileException(p.toString());
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }

    /** A relative name inside the folder: no absolute paths, no {@code ..}. */
    private Path inside(String name) throws IOException {
        Path rel = Path.of(name);
        if (rel.isAbsolute() || rel.normalize().startsWith("..") || !rel.normalize().equals(rel)) {
            throw new IOException("'" + name + "' is not a file name inside the results folder");
        }
        return rel;
    }

    /** Writes a whole text file atomically. */
    public Path write(String name, String content) throws IOException {
        return write(name, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Something that writes a file's bytes. */
    public interface Content {
        void to(OutputStream out) throws IOException;
    }

    /** Writes a whole file atomically: to a temporary name first, then moved over the target. */
    public Path write(String name, Content content) throws IOException {
        guard();
        Path target = dir.resolve(inside(name));
        if (!target.getParent().equals(dir)) Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            // A link (or anything) at the temporary name is removed, not followed: CREATE_NEW never opens an existing file.
            Files.deleteIfExists(tmp);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
                content.to(out);
            }
            if (Files.isSymbolicLink(target)) Files.delete(target);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            if (e instanceof Gone) throw e;
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        return target;
    }

    /** What went wrong, in words: the JDK often gives only the file name as the message. */
    public static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Releases the folder (its lock) for other processes. */
    @Override public void close() throws IOException {
        if (ownsLock) lock.close();
    }
}
