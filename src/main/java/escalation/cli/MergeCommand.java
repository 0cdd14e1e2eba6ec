package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.cluster.ShardFolder;
import escalation.cluster.ShardSet;
import escalation.io.Checkpoint;
import escalation.io.FolderLock;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation merge --out DIR SHARD...}: the shards of one batch, comparison, history check or experiment joined into its results folder. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Joins the shards of one batch, comparison, history check or experiment (folders written with --shard K/N) into the job's results folder.",
                "Checks first that the folders are all the shards of one job (the same resolved inputs and their SHA-256, seed, runs "
                        + "and N), each given once and each finished, and says which is not, with the command that runs it. The "
                        + "folder written holds the same bytes as the one the command writes on one machine without --shard (its "
                        + "manifest aside: see docs/cluster.md). Nothing is written when the shards cannot be merged (exit code 2)."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHARD", arity = "1..*", description = "The shards' folders, in any order.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The job's results folder to write (must not exist).")
    Path out;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override public Integer call() throws Exception {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("escalation: " + out + " already exists; results are never overwritten");
            return EscalationCommand.INVALID;
        }
        ShardSet set = ShardSet.of(dirs);
        if (!set.problems().isEmpty()) return refuse(set.problems());
        List<String> why = new ArrayList<>();
        MergedBatch batch = null;
        MergedExperiment experiment = null;
        MergedHistory history = null;
        MergedComparison comparison = null;
        switch (set.kind()) {
            case "experiment" -> experiment = MergedExperiment.prepare(set.shards(), json, why);
            case "history" -> history = MergedHistory.prepare(set.shards(), why);
            case "comparison" -> comparison = MergedComparison.prepare(set.shards(), json, why);
            default -> batch = MergedBatch.prepare(set.shards(), json, why);
        }
        if (!why.isEmpty()) return refuse(why);
        List<String> sources = set.shards().stream().map(s -> s.dir().toAbsolutePath().normalize().toString()).toList();
        try (ResultsFolder folder = ResultsFolder.createExactly(out)) {
            if (history != null) return history.write(folder, json, sources);
            if (comparison != null) return comparison.write(folder, json, sources);
            return batch != null ? batch.write(folder, json, sources) : experiment.write(folder, json, sources);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        } catch (FolderLock.Busy e) {
            System.err.println("escalation: " + e.getMessage());
            return ExitCode.BUSY;
        } catch (java.io.IOException e) {
            System.err.println("escalation: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.err.println("escalation: the merge stopped; remove " + out + " and merge again once the cause is fixed");
            return ExitCode.WRITE_FAILED;
        }
    }

    private static int refuse(List<String> why) {
        System.err.println("escalation: cannot merge these shards:");
        why.forEach(w -> System.err.println("  - " + w));
        System.err.println("escalation: nothing was written");
        return EscalationCommand.INVALID;
    }

    /** How a damaged shard is run again. */
    static String again(ShardFolder s) {
        return " Run it again with: rm -r " + s.dir() + " && " + s.rerun(s.shard(), s.dir());
    }

    /**
     * The checkpoint of a shard that finished all its runs, one table of one row a run; null (and the
     * reason added to {@code why}, with the command that fixes it) when the shard is damaged, its manifest
     * changed after its runs, or it did not finish.
     */
    static Checkpoint finished(ShardFolder s, List<String> why) throws java.io.IOException {
        return finished(s, 1, why);
    }

    /** As {@link #finished(ShardFolder, List)}, for a shard with {@code tables} tables of one row a run (a comparison's variants). */
    static Checkpoint finished(ShardFolder s, int tables, List<String> why) throws java.io.IOException {
        Checkpoint cp;
        try {
            cp = Checkpoint.read(s.dir());
        } catch (Checkpoint.Damaged e) {
            why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + e.getMessage() + "." + again(s));
            return null;
        }
        List<String> changed = ManifestIdentity.differences(cp.identity(), s.manifest());
        if (!changed.isEmpty()) {
            why.add(s.dir() + " (shard " + s.shard() + "): manifest.json was changed after its runs: " + String.join("; ", changed) + "." + again(s));
            return null;
        }
        long share = s.to() - s.from();
        if (cp.done() != share || cp.tables().size() != tables || cp.tables().stream().anyMatch(t -> t.rows() != share)) {
            why.add(s.dir() + " (shard " + s.shard() + ") is incomplete: " + cp.done() + " of its " + share + " runs are recorded; finish it with: "
                    + s.resume());
            return null;
        }
        return cp;
    }

    /**
     * The merged folder's manifest: the shards' common manifest without the shard, with the merge's own
     * Java, start and threads, and {@code merged_from} listing the shard folders (fields a job's identity
     * leaves out, see {@link escalation.io.ManifestIdentity#VOLATILE}).
     */
    static Map<String, Object> manifest(JsonNode lead, ObjectMapper json, List<String> sources) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = json.convertValue(ShardFolder.withoutShard((com.fasterxml.jackson.databind.node.ObjectNode) lead), LinkedHashMap.class);
        m.put("threads", 1);
        m.put("java", System.getProperty("java.version"));
        m.put("started", Instant.now().toString());
        m.put("complete", false);
        m.remove("wall_seconds");
        m.put("merged_from", sources);
        return m;
    }
}
