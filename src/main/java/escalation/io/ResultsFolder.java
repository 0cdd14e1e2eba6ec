package escalation.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A new folder for one command's outputs. It is never an existing folder: creation fails rather
 * than overwrite, and files are written to a temporary name and moved into place, so a crash never
 * leaves a half-written file under its final name.
 */
public final class ResultsFolder {
    private final Path dir;

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code base/stem}, or {@code base/stem-2}, {@code -3}... when taken. */
    public static ResultsFolder createUnder(Path base, String stem) throws IOException {
        Files.createDirectories(base);
        for (int k = 1; ; k++) {
            Path p = base.resolve(k == 1 ? stem : stem + "-" + k);
            try {
                Files.createDirectory(p);
                return new ResultsFolder(p);
            } catch (FileAlreadyExistsException e) {
                if (k > 10_000) throw e;
            }
        }
    }

    /** Uses exactly {@code dir}, which must not exist yet. */
    public static ResultsFolder createExactly(Path dir) throws IOException {
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "already exists; results are never overwritten");
        }
        if (dir.toAbsolutePath().getParent() != null) Files.createDirectories(dir.toAbsolutePath().getParent());
        Files.createDirectory(dir);
        return new ResultsFolder(dir);
    }

    public Path path() {
        return dir;
    }

    /** Opens an existing results folder (to resume a batch). */
    public static ResultsFolder existing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such results folder");
        return new ResultsFolder(dir);
    }

    /** Writes a whole text file atomically. */
    public Path write(String name, String content) throws IOException {
        return write(name, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Something that writes a file's bytes. */
    public interface Content {
        void to(java.io.OutputStream out) throws IOException;
    }

    /** Writes a whole file atomically: to a temporary name first, then moved over the target. */
    public Path write(String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        if (target.getParent() != null) Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            content.to(out);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
