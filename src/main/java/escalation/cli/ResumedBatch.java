package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escalation.cluster.Shard;
import escalation.experiment.Aggregate;
import escalation.io.Checkpoint;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An interrupted batch, checked before anything is written: the checks every resume makes
 * ({@link Resumption}), then the resolved scenario still loads, the settings are in range, the aggregates fit the
 * scenario, and {@code runs.csv} holds exactly the rows the checkpoint covers (count and running
 * SHA-256). Every reason to refuse is listed at once.
 */
record ResumedBatch(Map<String, Object> manifest, Checkpoint checkpoint, Theatre theatre, Aggregate aggregate,
                    BatchFiles files, long seed, long runs, double precision, boolean report, Shard shard) {

    static ResumedBatch open(ResultsFolder folder, ObjectMapper json) throws Resumption.Refused, IOException {
        List<String> why = new ArrayList<>();
        Resumption.Opened opened = Resumption.open(folder, "batch", "batch", json, why);
        ObjectNode m = opened.manifest();
        Checkpoint cp = opened.checkpoint();
        JsonNode scenario = m.path("scenario");
        long seed = Resumption.integer(m, "seed", 0, Bounds.MAX_MASTER_SEED, why);
        long runs = Resumption.integer(m, "runs", 1, BatchCommand.MAX_RUNS, why);
        Shard shard = Resumption.shard(m, runs, why);
        long share = runs < 0 ? -1 : shard == null ? runs : shard.to(runs) - shard.from(runs);
        if (share >= 0 && cp.done() > share) why.add("the checkpoint covers " + cp.done() + " runs, more than the batch's " + share);
        double precision = m.path("precision").isNumber() ? m.path("precision").asDouble() : 0.02;
        if (!(precision > 0 && precision < 0.5)) why.add("manifest.json: precision " + m.path("precision") + " is not in (0, 0.5)");
        boolean report = m.path("report").asBoolean(true);
        if (cp.tables().size() != 1 || cp.tables().get(0).rows() != cp.done()) {
            why.add("the checkpoint is not a batch's (its tables do not match its runs)");
        }
        Resumption.check(why);

        Theatre theatre = Resumption.theatre(folder, "scenario.resolved", scenario.path("resolved"), json);
        Aggregate aggregate = new Aggregate(theatre);
        if (!BatchFiles.restore(cp, aggregate)) {
            throw new Resumption.Refused(List.of("the checkpoint's statistics do not fit the scenario in manifest.json"));
        }
        BatchFiles files;
        try {
            files = BatchFiles.resume(folder, theatre, cp.tables().get(0));
        } catch (StreamedTable.Mismatch e) {
            throw new Resumption.Refused(List.of(e.getMessage()));
        }
        return new ResumedBatch(opened.manifestMap(json), cp, theatre, aggregate, files, seed, runs, precision, report, shard);
    }
}
