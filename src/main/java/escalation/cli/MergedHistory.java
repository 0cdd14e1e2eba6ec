package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.ShardFolder;
import escalation.history.HistoryFile;
import escalation.history.Validation;
import escalation.io.Checkpoint;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.report.HistoryRuns;
import escalation.scenario.ScenarioException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shards of one history check joined into the check's results folder. The history file and the
 * scenario it names must still be the ones the shards ran (same SHA-256): the targets come from them.
 * Each shard's {@code runs.csv} is checked against its sealed checkpoint (row count and SHA-256) before
 * anything is written; the merge then appends the shards' rows in run order and checks the targets
 * against the runs' statistics read back from those rows, in run order, with the code of a check run
 * whole (the rows hold each number in its shortest exact form, so they read back to the same doubles and
 * every quantile and sum is the one machine's). Like a check run whole, it holds every run's statistics.
 */
final class MergedHistory {
    private final List<ShardFolder> shards;
    private final JsonNode lead;
    private final HistoryFile history;

    private MergedHistory(List<ShardFolder> shards, HistoryFile history) {
        this.shards = shards;
        this.lead = shards.get(0).manifest();
        this.history = history;
    }

    /** Checks the inputs and every shard; adds to {@code why} each reason not to merge (then returns null). */
    static MergedHistory prepare(List<ShardFolder> shards, List<String> why) throws Exception {
        JsonNode m = shards.get(0).manifest();
        m.path("inputs").fields().forEachRemaining(e -> {
            String problem = Resumption.changed(e.getKey(), e.getValue(), "history check");
            if (problem != null) why.add(problem);
        });
        if (!why.isEmpty()) return null;
        List<String> overrides = new ArrayList<>();
        m.path("overrides").forEach(o -> overrides.add(o.asText()));
        HistoryFile h;
        try {
            h = HistoryFile.load(Resumption.input(m, "history"), overrides);
        } catch (ScenarioException e) {
            e.problems().forEach(p -> why.add(p.toString()));
            return null;
        }
        Object now = Outputs.scenario(h.scenario(), h.scenarioFile(), new ObjectMapper()).get("sha256");
        if (!m.path("scenario").path("sha256").asText().equals(now)) {
            why.add("the scenario " + h.scenarioFile() + " now resolves to another scenario (SHA-256 " + now + ") than the shards ran ("
                    + m.path("scenario").path("sha256").asText() + "): a parent it extends changed");
            return null;
        }
        for (ShardFolder s : shards) {
            Checkpoint cp = MergeCommand.finished(s, why);
            if (cp == null) continue;
            try {
                HistoryRuns.check(s.dir(), h.targets(), cp.tables().get(0), s.from());
            } catch (StreamedTable.Mismatch e) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + e.getMessage() + "." + MergeCommand.again(s));
            }
        }
        return why.isEmpty() ? new MergedHistory(shards, h) : null;
    }

    /** Writes the check's results folder; returns the exit code. */
    int write(ResultsFolder folder, ObjectMapper json, List<String> sources) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> manifest = MergeCommand.manifest(lead, json, sources);
        manifest.put("runs_done", 0);
        Outputs.writeManifest(folder, manifest);
        List<Validation.Sample> samples = new ArrayList<>();
        long rows = 0;
        try (HistoryRuns table = HistoryRuns.create(folder, history.targets())) {
            for (ShardFolder s : shards) {
                folder.guard();
                rows += table.append(s.dir());
                try {
                    samples.addAll(HistoryRuns.check(s.dir(), history.targets(), Checkpoint.read(s.dir()).tables().get(0), s.from()));
                } catch (StreamedTable.Mismatch | Checkpoint.Damaged e) {
                    throw new IOException(s.dir() + " changed during the merge: " + e.getMessage());
                }
            }
        }
        HistoryCommand.finish(history, folder, lead.path("command").asText(), lead.path("seed").asLong(), samples, false);
        manifest.put("runs_done", rows);
        manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        manifest.put("complete", true);
        Outputs.writeManifest(folder, manifest);
        System.out.println("Wrote " + folder.path() + "; open " + folder.path().resolve(escalation.report.HistoryReport.REPORT));
        return 0;
    }
}
