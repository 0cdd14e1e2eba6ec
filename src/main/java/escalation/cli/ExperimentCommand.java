package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.cluster.Shard;
import escalation.io.Checkpoint;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.report.BatchFiles;
import escalation.report.ExperimentFiles;
import escalation.report.ExperimentReport;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLibrary;
import escalation.study.Analysis;
import escalation.study.Experiment;
import escalation.study.ExperimentFile;
import escalation.study.ExperimentRunner;
import escalation.study.Observation;
import escalation.study.PointResult;
import escalation.study.ScenarioModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation experiment FILE}: a design of points over uncertain factors, run, tabulated and analysed. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Runs an experiment: a design over uncertain factors of a scenario, with sensitivity analysis and scenario discovery.",
                "FILE (see docs/experiments.md) names the scenario, the factors and their ranges or levels, optional policies, the "
                        + "design (full_factorial, list, latin_hypercube, sobol, morris, one_at_a_time), the replications, the outcomes "
                        + "and a seed. Every run's seed derives from (seed, design point, replication), so the files are the same whatever "
                        + "the number of threads. Writes runs.csv (one row per run, streamed), points.csv, point-outcomes.csv, "
                        + "point-actors.csv, the analysis tables (sobol.csv, morris.csv, tornado.csv, response.csv, prim-*.csv, tree.csv, "
                        + "features.csv, convergence.csv), charts/ and report.html to a new folder. Ctrl-C keeps every finished point; "
                        + "--resume DIR finishes the experiment with the same bytes. Exit code 2 for invalid input."})
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", converter = ScenarioArgument.class,
            description = "Experiment file (YAML) or shipped name (experiments/...); not needed with --resume.")
    Path file;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/experiment-<time>-<seed>/.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted experiment in DIR.")
    Path resume;

    @Option(names = "--no-report", description = "Skip charts and report.html (tables only).")
    boolean noReport;

    @Option(names = "--stop-after", paramLabel = "P", description = "Stop after P more points, as Ctrl-C would (to run a long experiment "
            + "in parts, e.g. within a job's time limit); finish with --resume DIR.")
    Long stopAfter;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only share K (0 to N-1) of N of the design points, with the "
            + "seeds they have in the whole experiment, into a folder that `escalation merge` joins with the other shards' (see docs/cluster.md).")
    String shardOption;

    /** The share of the design points this process runs; null for the whole experiment. */
    private Shard shard;

    /** Seconds between checkpoints. */
    private static final long CHECKPOINT_NANOS = 2_000_000_000L;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override public Integer call() throws Exception {
        if ((file == null) == (resume == null)) return invalid("give either an experiment FILE or --resume DIR");
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) return invalid("--threads must be at least 1");
        if (stopAfter != null && stopAfter < 1) return invalid("--stop-after must be at least 1");
        if (resume != null) {
            String conflict = Resumption.conflicts(spec, "experiment", "--threads and --stop-after", "--out", "--no-report", "--shard");
            if (conflict != null) return invalid(conflict);
        }
        if (shardOption != null) {
            try {
                shard = Shard.parse(shardOption);
            } catch (IllegalArgumentException x) {
                return invalid(x.getMessage());
            }
        }
        return resume != null ? resume(workers) : start(workers);
    }

    private Integer start(int workers) throws Exception {
        ExperimentFile f;
        try {
            f = ExperimentFile.load(file);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        Experiment e = Experiment.of(f);
        if (shard != null && shard.count() > e.points()) {
            return invalid("--shard " + shard + ": more shards than the experiment's " + e.points() + " design points");
        }
        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, f.scenario().scenario().name(), "experiment-",
                    "-" + f.seed() + (shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count()));
        } catch (java.nio.file.FileAlreadyExistsException x) {
            return Outputs.taken(x);
        }
        Map<String, Object> manifest = Outputs.manifest();
        manifest.put("kind", "experiment");
        manifest.put("command", "escalation experiment " + CompareCommand.quote(file.toString()));
        manifest.put("experiment", Outputs.input(file));
        manifest.put("scenario", Outputs.scenario(f.scenario(), f.scenarioFile(), json));
        manifest.put("design", f.design().kind());
        manifest.put("factors", f.factors().stream().map(x -> x.name()).toList());
        manifest.put("policies", e.policies());
        manifest.put("outcomes", e.outcomes());
        manifest.put("points", e.points());
        manifest.put("replications", e.replications());
        manifest.put("runs", e.runs());
        manifest.put("seed", f.seed());
        manifest.put("seeds", f.commonRandomNumbers() ? "replication r of every point uses Seeds.of(seed, r)"
                : "replication r of design point p, under every policy, uses Seeds.of(seed, p, r)");
        manifest.put("report", !noReport);
        if (shard != null) manifest.put("shard", shard.manifest(e.points()));
        ScenarioModel model = new ScenarioModel(f);
        try (ResultsFolder owned = folder; ExperimentFiles files = new ExperimentFiles(owned, e, model, null)) {
            return execute(f, e, model, files, manifest, shard == null ? 0 : shard.from(e.points()), workers);
        }
    }

    private Integer resume(int workers) throws Exception {
        ResultsFolder folder;
        try {
            folder = ResultsFolder.existing(resume);
        } catch (java.io.IOException x) {
            return invalid(resume + " is not an experiment's results folder (" + x.getMessage() + ")");
        }
        try (ResultsFolder owned = folder) {
            return resume(owned, workers);
        } catch (Resumption.Refused x) {
            return Resumption.refused(resume, x);
        }
    }

    /**
     * Resumes after the checks every resume makes ({@link Resumption}: the checkpoint's seal, the manifest
     * against it, the resolved scenario's hash), the experiment file's own hash, the shard, and every
     * file against the checkpoint's marks; all reasons to refuse are listed at once and nothing is written.
     */
    private Integer resume(ResultsFolder folder, int workers) throws Exception {
        List<String> why = new ArrayList<>();
        Resumption.Opened opened = Resumption.open(folder, "experiment", "experiment", json, why);
        JsonNode m = opened.manifest();
        Checkpoint cp = opened.checkpoint();
        Path source = ScenarioLibrary.locate(m.path("experiment").path("path").asText());
        ExperimentFile f;
        try {
            f = ExperimentFile.load(source);
        } catch (ScenarioException x) {
            return Outputs.invalid(source, x);
        }
        String was = m.path("experiment").path("sha256").asText();
        String scenarioWas = m.path("scenario").path("sha256").asText();
        Object scenarioNow = Outputs.scenario(f.scenario(), f.scenarioFile(), json).get("sha256");
        if (!was.equals(Outputs.input(source).get("sha256")) || !scenarioWas.equals(scenarioNow)) {
            why.add(source + " or its scenario changed since the experiment started (SHA-256 differs from the manifest's); "
                    + "resuming would mix two experiments. Restore them, or start a new experiment");
        }
        Experiment e = Experiment.of(f);
        if (m.has("shard")) {
            try {
                shard = new Shard(m.path("shard").path("index").asInt(-1), m.path("shard").path("count").asInt(-1));
            } catch (IllegalArgumentException x) {
                why.add("manifest.json: its shard " + m.path("shard") + " is not a shard (" + x.getMessage() + ")");
            }
        }
        long first = shard == null ? 0 : shard.from(e.points());
        long to = shard == null ? e.points() : shard.to(e.points());
        if (cp.done() < first || cp.done() > to) {
            why.add("the checkpoint is at point " + cp.done() + ", outside the experiment's points " + first + " to " + to);
        }
        Resumption.check(why);
        noReport = !m.path("report").asBoolean(true);
        ScenarioModel model = new ScenarioModel(f);
        ExperimentFiles files;
        try {
            files = new ExperimentFiles(folder, e, model, cp);
        } catch (StreamedTable.Mismatch x) {
            throw new Resumption.Refused(List.of(x.getMessage()));
        }
        System.err.println("Resuming " + resume + " at point " + cp.done() + " of " + e.points());
        try (files) {
            return execute(f, e, model, files, opened.manifestMap(json), cp.done(), workers);
        }
    }

    private Integer execute(ExperimentFile f, Experiment e, ScenarioModel model, ExperimentFiles files, Map<String, Object> manifest,
                            long from, int workers) throws Exception {
        long started = System.nanoTime();
        long first = shard == null ? 0 : shard.from(e.points());
        long to = shard == null ? e.points() : shard.to(e.points());
        manifest.put("threads", workers);
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("started", Instant.now().toString());
        manifest.put("complete", false);
        manifest.put("points_done", from);
        files.folder().write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        String identity = ManifestIdentity.of(ManifestIdentity.read(files.folder().path().resolve(BatchFiles.MANIFEST)));
        files.checkpoint(from, identity);
        System.err.println(f.title() + ": " + e.points() + " points (" + f.design().kind() + ", " + e.policies().size() + " polic"
                + (e.policies().size() == 1 ? "y" : "ies") + ") x " + e.replications() + " replications = " + e.runs() + " runs");
        long done;
        long[] pointsRun = {0};
        try (Interruption.Listening stop = Interruption.listen(); Progress progress = new Progress((from - first) * e.replications(),
                (to - first) * e.replications(), System.err)) {
            long[] last = {System.nanoTime()};
            done = ExperimentRunner.run(e, model, from, to, workers, new ExperimentRunner.Sink() {
                @Override public void run(long run, long point, int replication, int seed, Observation o, Throwable error) throws Exception {
                    files.run(run, point, replication, seed, o, error);
                    progress.step();
                }

                @Override public void point(PointResult r) throws Exception {
                    files.point(r);
                    pointsRun[0]++;
                    if (System.nanoTime() - last[0] > CHECKPOINT_NANOS) {
                        files.checkpoint(r.point() + 1, identity);
                        last[0] = System.nanoTime();
                    }
                }

                @Override public boolean stopRequested() {
                    return stop.requested() || (stopAfter != null && pointsRun[0] >= stopAfter);
                }
            });
            files.checkpoint(done, identity);
            manifest.put("points_done", done);
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            if (done < to) {
                files.folder().write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                System.err.println("\nInterrupted after " + (done - first) + " of " + (to - first) + " points; every finished point is in "
                        + files.folder().path() + ". Finish with: escalation experiment --resume " + files.folder().path());
                return ExitCode.INTERRUPTED;
            }
        }
        long failed = files.failed();
        manifest.put("failed_runs", failed);
        if (shard != null) {
            // A shard keeps its checkpoint and its points' exact means for the merge, and analyses nothing alone.
            manifest.put("complete", true);
            files.folder().write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
            System.out.println("Wrote shard " + shard + " (design points " + first + " to " + (to - 1) + ") to " + files.folder().path()
                    + "; join the shards with: escalation merge --out DIR SHARD-FOLDERS...");
            return 0;
        }
        String summary = analyse(f, e, files.folder(), files.means(), (String) manifest.get("command"), noReport);
        manifest.put("complete", true);
        files.forget();
        files.folder().write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        System.out.print(summary);
        if (failed > 0) {
            System.out.println(failed + " run(s) threw an error and were left out of their points' statistics; "
                    + "their errors are in runs.csv (status 'error').");
        }
        Path dir = files.folder().path();
        System.out.println("Wrote " + dir + (noReport ? "" : "; open " + dir.resolve(ExperimentReport.REPORT)));
        return 0;
    }

    /** The analysis tables, charts and report of a finished experiment (whole, or merged from shards); returns its summary text. */
    static String analyse(ExperimentFile f, Experiment e, ResultsFolder folder, double[][] means, String command, boolean noReport)
            throws Exception {
        Analysis.Result a = Analysis.of(e, means, f.discovery(), f.bootstrap(), f.bins());
        ExperimentReport.tables(folder, a);
        String summary = ExperimentReport.text(a);
        if (!noReport) ExperimentReport.write(folder, a, f.title(), command, summary);
        return summary;
    }

    private static int invalid(String message) {
        System.err.println("escalation: " + message);
        return EscalationCommand.INVALID;
    }
}
