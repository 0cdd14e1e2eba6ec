package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.ShardFolder;
import escalation.io.Checkpoint;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.report.BatchFiles;
import escalation.report.ExperimentFiles;
import escalation.scenario.ScenarioException;
import escalation.study.Experiment;
import escalation.study.ExperimentFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shards of one experiment joined into the experiment's results folder. Each shard's tables grow
 * point by point, in point order, and its sealed checkpoint records how far each goes and what its bytes
 * hash to; the merge checks each shard's files against it before writing anything, streams the tables of the shards one after the
 * other (the header once), reads the points' exact means back in point order, and analyses them with
 * the code of an experiment run whole.
 */
final class MergedExperiment {
    private final List<ShardFolder> shards;
    private final ExperimentFile file;
    private final Experiment experiment;
    private final long failed;

    private MergedExperiment(List<ShardFolder> shards, ExperimentFile file, Experiment experiment, long failed) {
        this.shards = shards;
        this.file = file;
        this.experiment = experiment;
        this.failed = failed;
    }

    /** Checks the experiment file and every shard; adds to {@code why} each reason not to merge (then returns null). */
    static MergedExperiment prepare(List<ShardFolder> shards, ObjectMapper json, List<String> why) throws Exception {
        JsonNode lead = shards.get(0).manifest();
        Path source = Path.of(lead.path("experiment").path("path").asText());
        ExperimentFile f;
        try {
            f = ExperimentFile.load(source);
        } catch (ScenarioException e) {
            e.problems().forEach(p -> why.add(p.toString()));
            return null;
        }
        if (!lead.path("experiment").path("sha256").asText().equals(Outputs.input(source).get("sha256"))
                || !lead.path("scenario").path("sha256").asText().equals(Outputs.scenario(f.scenario(), f.scenarioFile(), json).get("sha256"))) {
            why.add(source + " or its scenario changed since the shards ran (SHA-256 differs from their manifests'); restore them to merge");
            return null;
        }
        Experiment e = Experiment.of(f);
        if (e.points() != shards.get(0).total()) {
            why.add(source + " now has " + e.points() + " design points, the shards' manifests " + shards.get(0).total());
            return null;
        }
        long failed = 0;
        for (ShardFolder s : shards) {
            String again = " Run it again with: rm -r " + s.dir() + " && " + s.rerun(s.shard(), s.dir());
            Checkpoint cp;
            try {
                cp = Checkpoint.read(s.dir());
            } catch (Checkpoint.Damaged x) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + x.getMessage() + "." + again);
                continue;
            }
            if (cp.done() != s.to()) {
                why.add(s.dir() + " (shard " + s.shard() + ") is incomplete: it reached point " + cp.done() + " of its "
                        + s.from() + " to " + (s.to() - 1) + "; finish it with: " + s.resume());
                continue;
            }
            List<String> changed = ManifestIdentity.differences(cp.identity(), s.manifest());
            if (!changed.isEmpty()) {
                why.add(s.dir() + " (shard " + s.shard() + "): manifest.json was changed since the shard ran: " + String.join("; ", changed) + "." + again);
                continue;
            }
            List<String> bad = ExperimentFiles.check(s.dir(), cp);
            if (!bad.isEmpty()) {
                why.add(s.dir() + " (shard " + s.shard() + ") is damaged: " + String.join("; ", bad) + "." + again);
                continue;
            }
            failed += ExperimentFiles.failed(cp);
        }
        return why.isEmpty() ? new MergedExperiment(shards, f, e, failed) : null;
    }

    /** Writes the experiment's results folder; returns the exit code. */
    int write(ResultsFolder folder, ObjectMapper json, List<String> sources) throws Exception {
        long started = System.nanoTime();
        JsonNode lead = shards.get(0).manifest();
        Map<String, Object> manifest = MergeCommand.manifest(lead, json, sources);
        manifest.put("points_done", 0);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        for (String name : List.of(ExperimentFiles.RUNS, ExperimentFiles.POINTS, ExperimentFiles.POINT_OUTCOMES, ExperimentFiles.POINT_ACTORS)) {
            folder.write(name, out -> {
                for (int k = 0; k < shards.size(); k++) copy(shards.get(k).dir().resolve(name), out, k > 0);
            });
        }
        boolean noReport = !lead.path("report").asBoolean(true);
        String summary = ExperimentCommand.analyse(file, experiment, folder, means(), lead.path("command").asText(), noReport);
        manifest.put("points_done", experiment.points());
        manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        manifest.put("failed_runs", failed);
        manifest.put("complete", true);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        System.out.print(summary);
        if (failed > 0) {
            System.out.println(failed + " run(s) threw an error and were left out of their points' statistics; "
                    + "their errors are in runs.csv (status 'error').");
        }
        System.out.println("Wrote " + folder.path() + (noReport ? "" : "; open " + folder.path().resolve(escalation.report.ExperimentReport.REPORT)));
        return 0;
    }

    /** Every point's exact means, read from the shards' hidden files in point order. */
    private double[][] means() throws IOException {
        int m = experiment.outcomes().size();
        double[][] out = new double[(int) experiment.points()][m];
        int point = 0;
        for (ShardFolder s : shards) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                    Files.newInputStream(s.dir().resolve(ExperimentFiles.MEANS)), 1 << 16))) {
                for (long p = s.from(); p < s.to(); p++, point++) {
                    for (int k = 0; k < m; k++) out[point][k] = in.readDouble();
                }
            }
        }
        return out;
    }

    /** Streams {@code file} to {@code out}, without its first line when {@code skipHeader}. */
    private static void copy(Path file, OutputStream out, boolean skipHeader) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (skipHeader) {
                for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                    // the header line, which the first shard's copy already holds
                }
            }
            in.transferTo(out);
        }
    }
}
