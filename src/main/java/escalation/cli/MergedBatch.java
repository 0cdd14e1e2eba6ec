package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.ShardFolder;
import escalation.experiment.Aggregate;
import escalation.experiment.BatchSummary;
import escalation.io.Checkpoint;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The shards of one batch joined into the batch's results folder. Each shard keeps, sealed, the exact
 * aggregates of its runs (its checkpoint); the merge checks every shard (seal, runs.csv against the
 * recorded SHA-256 and row count) before writing anything, adds the aggregates (exactly: counts, and
 * sums of whole numbers below 2^53), then writes runs.csv by streaming the shards' rows in run order
 * and the tables, charts and report with the code of a batch run whole. Memory holds one shard's
 * aggregates at a time besides the total; time is linear in the shards' rows.
 */
final class MergedBatch {
    private final List<ShardFolder> shards;
    private final JsonNode lead;
    private final Theatre theatre;
    private final Aggregate total;

    private MergedBatch(List<ShardFolder> shards, Theatre theatre, Aggregate total) {
        this.shards = shards;
        this.lead = shards.get(0).manifest();
        this.theatre = theatre;
        this.total = total;
    }

    /** Checks every shard and adds up their aggregates; adds to {@code why} each reason not to merge (then returns null). */
    static MergedBatch prepare(List<ShardFolder> shards, ObjectMapper json, List<String> why) throws IOException {
        JsonNode scenario = shards.get(0).manifest().path("scenario");
        String recorded = scenario.path("sha256").asText("");
        String actual = ManifestIdentity.scenarioHash(scenario.path("resolved"), json);
        if (!recorded.equals(actual)) {
            why.add("the resolved scenario in " + shards.get(0).dir().resolve(BatchFiles.MANIFEST) + " hashes to " + actual
                    + ", not to its recorded SHA-256 " + recorded);
            return null;
        }
        Theatre theatre;
        try {
            theatre = new Theatre(new ScenarioLoader().loadText(shards.get(0).dir().resolve(BatchFiles.MANIFEST) + " (scenario.resolved)",
                    json.writeValueAsString(scenario.path("resolved"))));
        } catch (ScenarioException e) {
            e.problems().forEach(p -> why.add(p.toString()));
            return null;
        }
        Aggregate total = new Aggregate(theatre);
        for (ShardFolder s : shards) {
            String again = MergeCommand.again(s);
            Checkpoint cp = MergeCommand.finished(s, why);
            if (cp == null) continue;
            try {
                BatchFiles.check(s.dir(), theatre, cp.tables().get(0));
            } catch (StreamedTable.Mismatch e) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + e.getMessage() + "." + again);
                continue;
            }
            Aggregate a = new Aggregate(theatre);
            if (!BatchFiles.restore(cp, a)) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: its aggregates do not fit its scenario." + again);
                continue;
            }
            total.absorb(a);
        }
        if (why.isEmpty() && !total.exact()) {
            why.add("the batch's totals reach 2^53, beyond which sums of doubles are no longer exact: merged shards could differ in "
                    + "the last digit from a batch run whole, so they are not merged; run the batch whole (escalation batch --resume "
                    + "continues one that stops)");
        }
        return why.isEmpty() ? new MergedBatch(shards, theatre, total) : null;
    }

    /** Writes the batch's results folder; returns the exit code. */
    int write(ResultsFolder folder, ObjectMapper json, List<String> sources) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> manifest = MergeCommand.manifest(lead, json, sources);
        long seed = lead.path("seed").asLong();
        double precision = lead.path("precision").isNumber() ? lead.path("precision").asDouble() : 0.02;
        boolean noReport = !lead.path("report").asBoolean(true);
        manifest.put("runs_done", 0);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        BatchSummary summary;
        try (BatchFiles files = new BatchFiles(folder, theatre)) {
            long rows = 0;
            for (ShardFolder s : shards) rows += files.append(s.dir());
            summary = total.summary(lead.path("command").asText(), seed);
            BatchCommand.finish(files, theatre, total, summary, precision, noReport);
            manifest.put("runs_done", rows);
            manifest.put("failed_runs", total.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            manifest.put("complete", true);
            folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
            BatchCommand.tell(files, total, summary, precision, noReport);
        }
        return 0;
    }
}
