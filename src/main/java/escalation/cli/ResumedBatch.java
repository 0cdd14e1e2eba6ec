package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escalation.cluster.Shard;
import escalation.experiment.Aggregate;
import escalation.io.Checkpoint;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interrupted batch, checked before anything is written: the checkpoint is whole (its own
 * SHA-256), the manifest says what the checkpoint recorded (field by field), the resolved scenario
 * hashes to its recorded SHA-256 and still loads, the settings are in range, the aggregates fit the
 * scenario, and {@code runs.csv} holds exactly the rows the checkpoint covers (count and running
 * SHA-256). Every reason to refuse is listed at once.
 */
record ResumedBatch(Map<String, Object> manifest, Checkpoint checkpoint, Theatre theatre, Aggregate aggregate,
                    BatchFiles files, long seed, long runs, double precision, boolean report, Shard shard) {

    /** The folder cannot be resumed; nothing was written. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> reasons;

        Refused(List<String> reasons) {
            super(String.join("; ", reasons));
            this.reasons = List.copyOf(reasons);
        }

        List<String> reasons() {
            return reasons;
        }
    }

    static ResumedBatch open(ResultsFolder folder, ObjectMapper json) throws Refused, IOException {
        List<String> why = new ArrayList<>();
        ObjectNode m;
        try {
            m = ManifestIdentity.read(folder.path().resolve(BatchFiles.MANIFEST));
        } catch (ManifestIdentity.Unreadable e) {
            throw new Refused(List.of(e.getMessage()));
        }
        if (!m.path("kind").isMissingNode() && !m.path("kind").asText().equals("batch")) {
            throw new Refused(List.of("the folder holds a " + m.path("kind").asText() + ", not a batch; resume it with its own command"));
        }
        if (m.path("complete").asBoolean(false)) throw new Refused(List.of("the batch is already complete"));
        Checkpoint cp;
        try {
            cp = Checkpoint.read(folder.path());
        } catch (Checkpoint.Damaged e) {
            throw new Refused(List.of(e.getMessage()));
        }
        for (String d : ManifestIdentity.differences(cp.identity(), m)) {
            why.add("manifest.json was changed since the checkpoint: " + d);
        }
        JsonNode scenario = m.path("scenario");
        String recorded = scenario.path("sha256").asText("");
        String actual = ManifestIdentity.scenarioHash(scenario.path("resolved"), json);
        if (!recorded.equals(actual)) {
            why.add("the resolved scenario in manifest.json hashes to " + actual + ", not to its recorded SHA-256 " + recorded);
        }
        long seed = integer(m, "seed", 0, Bounds.MAX_MASTER_SEED, why);
        long runs = integer(m, "runs", 1, BatchCommand.MAX_RUNS, why);
        Shard shard = null;
        if (m.has("shard")) {
            try {
                shard = new Shard(m.path("shard").path("index").asInt(-1), m.path("shard").path("count").asInt(-1));
                if (runs >= 0 && (shard.from(runs) != m.path("shard").path("from").asLong(-1) || shard.to(runs) != m.path("shard").path("to").asLong(-1))) {
                    why.add("manifest.json: shard " + m.path("shard") + " does not cover the runs that shard " + shard + " of " + runs + " covers");
                }
            } catch (IllegalArgumentException e) {
                why.add("manifest.json: shard " + m.path("shard") + " is not a shard (" + e.getMessage() + ")");
            }
        }
        long share = runs < 0 ? -1 : shard == null ? runs : shard.to(runs) - shard.from(runs);
        if (share >= 0 && cp.done() > share) why.add("the checkpoint covers " + cp.done() + " runs, more than the batch's " + share);
        double precision = m.path("precision").isNumber() ? m.path("precision").asDouble() : 0.02;
        if (!(precision > 0 && precision < 0.5)) why.add("manifest.json: precision " + m.path("precision") + " is not in (0, 0.5)");
        boolean report = m.path("report").asBoolean(true);
        if (cp.tables().size() != 1 || cp.tables().get(0).rows() != cp.done()) {
            why.add("the checkpoint is not a batch's (its tables do not match its runs)");
        }
        if (!why.isEmpty()) throw new Refused(why);

        Theatre theatre;
        try {
            theatre = new Theatre(new ScenarioLoader().loadText(folder.path().resolve(BatchFiles.MANIFEST) + " (scenario.resolved)",
                    json.writeValueAsString(scenario.path("resolved"))));
        } catch (ScenarioException e) {
            List<String> problems = new ArrayList<>();
            e.problems().forEach(p -> problems.add(p.toString()));
            throw new Refused(problems);
        }
        Aggregate aggregate = new Aggregate(theatre);
        if (!BatchFiles.restore(cp, aggregate)) {
            throw new Refused(List.of("the checkpoint's statistics do not fit the scenario in manifest.json"));
        }
        BatchFiles files;
        try {
            files = BatchFiles.resume(folder, theatre, cp.tables().get(0));
        } catch (StreamedTable.Mismatch e) {
            throw new Refused(List.of(e.getMessage()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = json.convertValue(m, LinkedHashMap.class);
        return new ResumedBatch(manifest, cp, theatre, aggregate, files, seed, runs, precision, report, shard);
    }

    private static long integer(JsonNode m, String field, long min, long max, List<String> why) {
        JsonNode n = m.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            why.add("manifest.json: " + field + " is " + (n.isMissingNode() ? "missing" : n.toString())
                    + ", not a whole number in [" + min + ", " + max + "]");
            return -1;
        }
        return n.asLong();
    }
}
