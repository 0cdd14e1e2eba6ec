package escalation.cluster;

import escalation.io.ManifestIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shards given to a merge, checked to be the whole of one job: every folder a shard's manifest,
 * all of one job (the same fixed manifest but for the shard, so the same resolved inputs and their
 * SHA-256, seed, runs, settings and version) and the same number of shards N, each of 0..N-1 given
 * exactly once, each finished. Every problem is listed at once, each with the command that fixes it.
 */
public final class ShardSet {
    private final List<ShardFolder> shards;
    private final List<String> problems;

    private ShardSet(List<ShardFolder> shards, List<String> problems) {
        this.shards = shards;
        this.problems = problems;
    }

    /** Reads and checks the shards in {@code dirs}. */
    public static ShardSet of(List<Path> dirs) {
        List<String> why = new ArrayList<>();
        List<ShardFolder> read = new ArrayList<>();
        for (Path d : dirs) {
            try {
                read.add(ShardFolder.read(d));
            } catch (ShardFolder.NotAShard e) {
                why.add(e.getMessage());
            }
        }
        if (read.isEmpty()) {
            if (why.isEmpty()) why.add("no shard folders given");
            return new ShardSet(List.of(), why);
        }
        ShardFolder lead = read.get(0);
        int n = lead.shard().count();
        ShardFolder[] byIndex = new ShardFolder[n];
        for (ShardFolder s : read) {
            if (!s.kind().equals(lead.kind())) {
                why.add(s.dir() + " holds a shard of " + article(s.kind()) + ", " + lead.dir() + " one of " + article(lead.kind())
                        + ": they are not shards of one job");
                continue;
            }
            if (!s.job().equals(lead.job())) {
                List<String> d = new ArrayList<>(ManifestIdentity.differences(lead.job(), ShardFolder.withoutShard(s.manifest())));
                // The command differs whenever a setting does; it is named only when nothing else is.
                if (d.size() > 1) d.removeIf(x -> x.startsWith("command:"));
                why.add(s.dir() + " is a shard of another job than " + lead.dir() + " (" + String.join("; ", d).replace(", where the batch ran with ", ", where the other has ") + ")");
                continue;
            }
            if (s.shard().count() != n) {
                why.add(s.dir() + " is shard " + s.shard() + ", of a job cut into " + s.shard().count() + " shards; " + lead.dir()
                        + " is shard " + lead.shard() + ", of " + n + ": shards of one merge must all be of the same N");
                continue;
            }
            int k = s.shard().index();
            if (byIndex[k] != null) {
                why.add("shard " + s.shard() + " is given twice: " + byIndex[k].dir() + " and " + s.dir() + "; give each shard once");
                continue;
            }
            byIndex[k] = s;
        }
        Path parent = commonParent(read);
        for (int k = 0; k < n; k++) {
            ShardFolder s = byIndex[k];
            Shard shard = new Shard(k, n);
            if (s == null) {
                if (read.stream().noneMatch(r -> r.shard().index() == shard.index() && r.shard().count() == n)) {
                    Path out = parent == null ? Path.of("DIR") : parent.resolve("shard-" + k);
                    why.add("shard " + shard + " (" + ShardFolder.units(lead.kind()) + " " + shard.from(lead.total()) + " to "
                            + (shard.to(lead.total()) - 1) + ") is missing; run it with: " + lead.rerun(shard, out));
                }
            } else if (!s.complete()) {
                why.add(s.dir() + " (shard " + shard + ") is incomplete: it did not finish; finish it with: " + s.resume()
                        + " (or remove the folder and run it again with: " + s.rerun(shard, s.dir()) + ")");
            }
        }
        List<ShardFolder> ordered = new ArrayList<>();
        for (ShardFolder s : byIndex) {
            if (s != null) ordered.add(s);
        }
        return new ShardSet(List.copyOf(ordered), why);
    }

    private static String article(String kind) {
        return (kind.startsWith("e") ? "an " : "a ") + kind;
    }

    private static Path commonParent(List<ShardFolder> read) {
        Path p = read.get(0).dir().toAbsolutePath().normalize().getParent();
        for (ShardFolder s : read) {
            if (!Objects.equals(p, s.dir().toAbsolutePath().normalize().getParent())) return null;
        }
        return p;
    }

    /** The shards in order 0..N-1 (all of them when there are no problems). */
    public List<ShardFolder> shards() {
        return shards;
    }

    /** Why the shards cannot be merged; empty when they can. */
    public List<String> problems() {
        return problems;
    }

    /** The kind of work: "batch" or "experiment". */
    public String kind() {
        return shards.get(0).kind();
    }
}
