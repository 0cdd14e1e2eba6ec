package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.ShardFolder;
import escalation.experiment.PairedComparison;
import escalation.io.Checkpoint;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.report.BatchFiles;
import escalation.report.CompareReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shards of one comparison joined into the comparison's results folder. Each shard keeps, sealed, the
 * exact paired statistics of its runs (its checkpoint); the merge checks every shard (seal, each variant's
 * runs.csv against the recorded SHA-256 and row count) before writing anything, adds the statistics
 * (exactly: counts, and sums of whole numbers below 2^53, see {@link PairedComparison#absorb}), then writes
 * each variant's runs.csv by streaming the shards' rows in run order and the tables, charts and report with
 * the code of a comparison run whole. Memory holds one shard's statistics at a time besides the total.
 */
final class MergedComparison {
    private final List<ShardFolder> shards;
    private final JsonNode lead;
    private final ResumedComparison.Variants variants;
    private final PairedComparison total;

    private MergedComparison(List<ShardFolder> shards, ResumedComparison.Variants variants, PairedComparison total) {
        this.shards = shards;
        this.lead = shards.get(0).manifest();
        this.variants = variants;
        this.total = total;
    }

    /** Checks every shard and adds up their statistics; adds to {@code why} each reason not to merge (then returns null). */
    static MergedComparison prepare(List<ShardFolder> shards, ObjectMapper json, List<String> why) throws IOException {
        ShardFolder first = shards.get(0);
        JsonNode entries = first.manifest().path("variants");
        for (JsonNode entry : entries) {
            JsonNode scenario = entry.path("scenario");
            String recorded = scenario.path("sha256").asText("");
            String actual = escalation.io.ManifestIdentity.scenarioHash(scenario.path("resolved"), json);
            if (!recorded.equals(actual)) {
                why.add("the resolved scenario of variant " + entry.path("name").asText() + " in " + first.dir().resolve(BatchFiles.MANIFEST)
                        + " hashes to " + actual + ", not to its recorded SHA-256 " + recorded);
            }
        }
        if (!why.isEmpty()) return null;
        ResumedComparison.Variants vs;
        try {
            vs = ResumedComparison.Variants.of(first.dir(), entries, json);
        } catch (Resumption.Refused e) {
            why.addAll(e.reasons());
            return null;
        }
        PairedComparison total = new PairedComparison(vs.names(), vs.theatres());
        int n = vs.names().size();
        for (ShardFolder s : shards) {
            Checkpoint cp = MergeCommand.finished(s, n, why);
            if (cp == null) continue;
            try {
                for (int v = 0; v < n; v++) {
                    BatchFiles.check(s.dir().resolve(entries.get(v).path("folder").asText()), vs.theatres().get(v), cp.tables().get(v));
                }
            } catch (StreamedTable.Mismatch e) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + e.getMessage() + "." + MergeCommand.again(s));
                continue;
            }
            PairedComparison c = new PairedComparison(vs.names(), vs.theatres());
            if (!cp.restore(c::read) || c.pairs() + c.failed() != cp.done()) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: its statistics do not fit its variants." + MergeCommand.again(s));
                continue;
            }
            total.absorb(c);
        }
        if (why.isEmpty() && !total.exact()) {
            why.add("the comparison's totals reach 2^53, beyond which sums of doubles are no longer exact: merged shards could differ in "
                    + "the last digit from a comparison run whole, so they are not merged; run the comparison whole (escalation compare "
                    + "--resume continues one that stops)");
        }
        return why.isEmpty() ? new MergedComparison(shards, vs, total) : null;
    }

    /** Writes the comparison's results folder; returns the exit code. */
    int write(ResultsFolder folder, ObjectMapper json, List<String> sources) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> manifest = MergeCommand.manifest(lead, json, sources);
        boolean noReport = !lead.path("report").asBoolean(true);
        manifest.put("runs_done", 0);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        List<BatchFiles> perVariant = new ArrayList<>();
        long rows = 0;
        try {
            for (int v = 0; v < variants.names().size(); v++) {
                String sub = CompareReport.VARIANTS + "/" + variants.names().get(v);
                BatchFiles files = new BatchFiles(folder.subfolder(sub), variants.theatres().get(v));
                perVariant.add(files);
                for (ShardFolder s : shards) {
                    long appended = files.append(s.dir().resolve(lead.path("variants").get(v).path("folder").asText()));
                    if (v == 0) rows += appended;
                }
            }
            var result = CompareCommand.finish(folder, total, perVariant, variants.descriptions(), lead.path("command").asText(),
                    lead.path("seed").asLong(), noReport);
            manifest.put("runs_done", rows);
            manifest.put("complete", true);
            manifest.put("failed_runs", total.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
            CompareCommand.tell(folder, total, result, noReport);
        } finally {
            for (BatchFiles f : perVariant) f.close();
        }
        return 0;
    }
}
