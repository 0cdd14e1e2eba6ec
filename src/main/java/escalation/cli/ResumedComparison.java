package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.Shard;
import escalation.experiment.PairedComparison;
import escalation.io.Checkpoint;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An interrupted comparison, checked before anything is written: the checks every resume makes
 * ({@link Resumption}), then each variant's resolved scenario still loads and the variants can still
 * be compared, the statistics fit them, and each variant's {@code runs.csv} holds exactly the rows the
 * checkpoint covers (count and running SHA-256). Every reason to refuse is listed at once.
 */
record ResumedComparison(Map<String, Object> manifest, Checkpoint checkpoint, List<String> names, List<Theatre> theatres,
                         Map<String, String> descriptions, PairedComparison comparison, List<BatchFiles> files,
                         long seed, long runs, boolean report, Shard shard) {

    /** The variants a comparison's manifest names: their names, theatres (from the resolved scenarios) and descriptions. */
    record Variants(List<String> names, List<Theatre> theatres, Map<String, String> descriptions) {
        /** The variants of the manifest in {@code dir}; refused when a scenario does not load or the variants cannot be compared. */
        static Variants of(java.nio.file.Path dir, JsonNode variants, ObjectMapper json) throws Resumption.Refused, IOException {
            List<String> names = new ArrayList<>();
            List<Theatre> theatres = new ArrayList<>();
            Map<String, String> descriptions = new LinkedHashMap<>();
            for (int v = 0; v < variants.size(); v++) {
                JsonNode entry = variants.get(v);
                names.add(entry.path("name").asText());
                descriptions.put(entry.path("name").asText(), entry.path("description").asText(entry.path("scenario").path("source").asText()));
                theatres.add(Resumption.theatre(dir, "variants." + v + ".scenario.resolved", entry.path("scenario").path("resolved"), json));
            }
            List<String> incompatible = PairedComparison.incompatibilities(names, theatres);
            if (!incompatible.isEmpty()) throw new Resumption.Refused(incompatible);
            return new Variants(names, theatres, descriptions);
        }
    }

    static ResumedComparison open(ResultsFolder folder, ObjectMapper json) throws Resumption.Refused, IOException {
        List<String> why = new ArrayList<>();
        Resumption.Opened opened = Resumption.open(folder, "comparison", "comparison", json, why);
        JsonNode m = opened.manifest();
        Checkpoint cp = opened.checkpoint();
        long seed = Resumption.integer(m, "seed", 0, Bounds.MAX_MASTER_SEED, why);
        long runs = Resumption.integer(m, "runs", 1, BatchCommand.MAX_RUNS, why);
        Shard shard = Resumption.shard(m, runs, why);
        long share = runs < 0 ? -1 : shard == null ? runs : shard.to(runs) - shard.from(runs);
        if (share >= 0 && cp.done() > share) why.add("the checkpoint covers " + cp.done() + " runs, more than the comparison's " + share);
        JsonNode variants = m.path("variants");
        if (!variants.isArray() || variants.size() < 2) why.add("manifest.json: variants is not a list of two or more variants");
        if (cp.tables().size() != variants.size() || cp.tables().stream().anyMatch(t -> t.rows() != cp.done())) {
            why.add("the checkpoint is not this comparison's (its tables do not match its variants and runs)");
        }
        Resumption.check(why);

        Variants vs = Variants.of(folder.path(), variants, json);
        List<String> names = vs.names();
        List<Theatre> theatres = vs.theatres();
        Map<String, String> descriptions = vs.descriptions();
        PairedComparison comparison = new PairedComparison(names, theatres);
        if (!cp.restore(comparison::read) || comparison.pairs() + comparison.failed() != cp.done()) {
            throw new Resumption.Refused(List.of("the checkpoint's statistics do not fit the variants in manifest.json"));
        }
        // Every variant's table is checked before any is cut back to the checkpoint: a refusal writes nothing.
        for (int v = 0; v < variants.size(); v++) {
            String sub = variants.get(v).path("folder").asText();
            try {
                BatchFiles.verify(folder.path().resolve(sub), theatres.get(v), cp.tables().get(v));
            } catch (StreamedTable.Mismatch e) {
                why.add(e.getMessage());
            } catch (IOException e) {
                why.add(folder.path().resolve(sub) + " cannot be read: " + e.getMessage());
            }
        }
        Resumption.check(why);
        List<BatchFiles> files = new ArrayList<>();
        try {
            for (int v = 0; v < variants.size(); v++) {
                String sub = variants.get(v).path("folder").asText();
                try {
                    files.add(BatchFiles.resume(folder.existingSubfolder(sub), theatres.get(v), cp.tables().get(v)));
                } catch (StreamedTable.Mismatch e) {
                    why.add(e.getMessage());
                } catch (java.nio.file.NoSuchFileException e) {
                    why.add(folder.path().resolve(sub) + " is missing; the checkpoint covers " + cp.done() + " runs of it");
                } catch (IOException e) {
                    why.add(e.getMessage());
                }
            }
            Resumption.check(why);
        } catch (Resumption.Refused | RuntimeException e) {
            for (BatchFiles f : files) f.close();
            throw e;
        }
        return new ResumedComparison(opened.manifestMap(json), cp, names, theatres, descriptions, comparison, files, seed, runs,
                m.path("report").asBoolean(true), shard);
    }
}
