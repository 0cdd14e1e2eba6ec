package escalation.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an interrupted command needs to resume, sealed by its own SHA-256: the identity of the work
 * (the manifest's fixed part, see {@link ManifestIdentity}), how far each streamed table goes
 * ({@link StreamedTable.Mark}), how many units of work are done, and the state of the accumulated
 * statistics. A checkpoint whose bytes do not hash to its seal is refused as damaged, so a flipped
 * byte can never resume into different results.
 */
public record Checkpoint(String identity, List<StreamedTable.Mark> tables, long done, byte[] state) {
    public static final String NAME = ".checkpoint";
    private static final int MAGIC = 0x45534332;   // "ESC2"
    private static final int MAX_BYTES = 256 << 20;

    /** The checkpoint cannot be used. */
    public static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    /** Writes a command's statistics as a checkpoint's state. */
    public interface StateWriter {
        void to(java.io.DataOutput out) throws IOException;
    }

    /** Reads a command's statistics back from a checkpoint's state. */
    public interface StateReader {
        void from(java.io.DataInput in) throws IOException;
    }

    /** The bytes {@code writer} writes. */
    public static byte[] state(StateWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writer.to(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Reads this checkpoint's state with {@code reader}; false when it fails or leaves bytes unread (not the state of this work). */
    public boolean restore(StateReader reader) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(state))) {
            reader.from(in);
            return in.read() < 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the checkpoint of finished work from {@code folder}. */
    public static void forget(ResultsFolder folder) throws IOException {
        folder.guard();
        Files.deleteIfExists(folder.path().resolve(NAME));
    }

    /** Writes this checkpoint atomically into {@code folder}. */
    public void write(ResultsFolder folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        byte[] id = identity.getBytes(StandardCharsets.UTF_8);
        out.writeInt(id.length);
        out.write(id);
        out.writeInt(tables.size());
        for (StreamedTable.Mark m : tables) {
            out.writeLong(m.rows());
            out.writeLong(m.bytes());
            out.write(m.sha256());
        }
        out.writeLong(done);
        out.writeInt(state.length);
        out.write(state);
        out.flush();
        byte[] body = bytes.toByteArray();
        byte[] seal = StreamedTable.sha256().digest(body);
        folder.write(NAME, o -> {
            o.write(body);
            o.write(seal);
        });
    }

    /** Reads and checks the checkpoint in {@code dir}. */
    public static Checkpoint read(Path dir) throws IOException, Damaged {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new Damaged(dir + " has no checkpoint to resume from");
        if (Files.size(file) > MAX_BYTES) throw new Damaged(file + " is larger than any checkpoint; it is not one");
        byte[] all = Files.readAllBytes(file);
        if (all.length < 36) throw new Damaged(file + " is damaged: too short to be a checkpoint (" + all.length + " bytes)");
        byte[] body = Arrays.copyOf(all, all.length - 32);
        byte[] seal = Arrays.copyOfRange(all, all.length - 32, all.length);
        if (!MessageDigest.isEqual(seal, StreamedTable.sha256().digest(body))) {
            throw new Damaged(file + " is damaged: its bytes do not match its own SHA-256 (changed, cut short or written by a different tool)");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            if (in.readInt() != MAGIC) throw new Damaged(file + " is not a checkpoint of this version of escalation");
            String identity = new String(in.readNBytes(length(in, body.length)), StandardCharsets.UTF_8);
            int n = length(in, 1000);
            List<StreamedTable.Mark> tables = new ArrayList<>();
            for (int i = 0; i < n; i++) tables.add(new StreamedTable.Mark(in.readLong(), in.readLong(), in.readNBytes(32)));
            long done = in.readLong();
            byte[] state = in.readNBytes(length(in, body.length));
            if (in.read() >= 0) throw new Damaged(file + " is damaged: it holds more than a checkpoint");
            return new Checkpoint(identity, List.copyOf(tables), done, state);
        } catch (EOFException e) {
            throw new Damaged(file + " is damaged: it ends too soon");
        }
    }

    private static int length(DataInputStream in, int max) throws IOException, Damaged {
        int n = in.readInt();
        if (n < 0 || n > max) throw new Damaged("checkpoint is damaged: a length of " + n);
        return n;
    }
}
