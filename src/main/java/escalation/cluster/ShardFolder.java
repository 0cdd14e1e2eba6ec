package escalation.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escalation.io.ManifestIdentity;
import java.nio.file.Path;

/**
 * One shard's results folder as its manifest describes it: the kind of work, the shard, whether it
 * finished, and the identity of the whole job it belongs to (its manifest's fixed part without the
 * shard: tool, version, commit, resolved inputs and their SHA-256, seed, runs, settings, command).
 */
public record ShardFolder(Path dir, ObjectNode manifest, String kind, Shard shard, boolean complete, String job) {
    public static final String MANIFEST = "manifest.json";

    /** The folder is not a shard's; the message says why. */
    public static final class NotAShard extends Exception {
        private static final long serialVersionUID = 1L;

        NotAShard(String message) {
            super(message);
        }
    }

    /** Reads the shard in {@code dir}; {@code units} names the manifest's count of units ("runs" or "points"). */
    public static ShardFolder read(Path dir) throws NotAShard {
        ObjectNode m;
        try {
            m = ManifestIdentity.read(dir.resolve(MANIFEST));
        } catch (ManifestIdentity.Unreadable e) {
            throw new NotAShard(e.getMessage());
        }
        String kind = m.path("kind").asText("batch");
        JsonNode s = m.path("shard");
        if (!s.isObject()) {
            throw new NotAShard(dir + " holds a whole " + kind + ", not a shard (its manifest has no \"shard\"); only folders written with --shard K/N are merged");
        }
        Shard shard;
        try {
            shard = new Shard(s.path("index").asInt(-1), s.path("count").asInt(-1));
        } catch (IllegalArgumentException e) {
            throw new NotAShard(dir + ": its manifest's shard " + s + " is not a shard (" + e.getMessage() + ")");
        }
        long total = total(m, kind);
        if (total < 1 || shard.from(total) != s.path("from").asLong(-1) || shard.to(total) != s.path("to").asLong(-1)) {
            throw new NotAShard(dir + ": its manifest's shard " + s + " does not cover the range that shard " + shard + " of "
                    + total + " " + units(kind) + " covers");
        }
        return new ShardFolder(dir, m, kind, shard, m.path("complete").asBoolean(false), ManifestIdentity.of(withoutShard(m)));
    }

    /** The manifest without its shard: what every shard of one job shares. */
    public static ObjectNode withoutShard(ObjectNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("shard");
        return copy;
    }

    /** How many units of work the whole job has: a batch's runs, an experiment's design points. */
    public long total() {
        return total(manifest, kind);
    }

    private static long total(ObjectNode m, String kind) {
        return m.path(kind.equals("experiment") ? "points" : "runs").asLong(-1);
    }

    /** What a job of this kind is divided into. */
    public static String units(String kind) {
        return kind.equals("experiment") ? "design points" : "runs";
    }

    /** The first unit of this shard. */
    public long from() {
        return shard.from(total());
    }

    /** The unit after this shard's last. */
    public long to() {
        return shard.to(total());
    }

    /** The command that runs this job's shard {@code k} afresh into {@code out}. */
    public String rerun(Shard k, Path out) {
        String command = manifest.path("command").asText();
        // A comparison's recorded command (printed in its report) leaves out --no-report; its manifest records it.
        if (!manifest.path("report").asBoolean(true) && !command.contains(" --no-report")) command += " --no-report";
        return command + " " + k.option() + " --out " + out;
    }

    /** The command that finishes this (interrupted) shard in its own folder. */
    public String resume() {
        return "escalation " + (kind.equals("comparison") ? "compare" : kind) + " --resume " + dir;
    }
}
