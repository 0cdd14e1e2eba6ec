package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.cluster.Shard;
import escalation.experiment.Aggregate;
import escalation.experiment.BatchRunner;
import escalation.experiment.BatchSummary;
import escalation.io.FolderLock;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.report.BatchReport;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation batch FILE --runs N --seed S}: a reproducible Monte Carlo batch with statistics, charts and a report. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Runs a Monte Carlo batch of a scenario.",
                "Runs N seeded replications on all cores and writes runs.csv (streamed, one row per run), outcomes.csv, "
                        + "daily.csv, totals.csv, charts/ and report.html to a new folder. The same scenario, seed and N give "
                        + "byte-identical tables whatever the number of threads. Ctrl-C keeps every finished run; "
                        + "--resume DIR finishes the batch."})
final class BatchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", converter = ScenarioArgument.class,
            description = "Scenario file (YAML) or shipped scenario name; not needed with --resume.")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Replications (default ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed; run i's seed derives from (S, i) alone (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), e.g. actors.israel.attention=0.8")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/<time>-<seed>/.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted batch in DIR.")
    Path resume;

    @Option(names = "--precision", paramLabel = "H", defaultValue = "0.02",
            description = "Wanted half-width of the 95%% intervals of outcome probabilities, for the convergence check (default ${DEFAULT-VALUE}).")
    double precision;

    @Option(names = "--no-report", description = "Skip charts and report.html (tables only).")
    boolean noReport;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only share K (0 to N-1) of N of the runs, with the seeds they "
            + "have in the whole batch, into a folder that `escalation merge` joins with the other shards' (see docs/cluster.md).")
    String shardOption;

    /** The share of the runs this process runs; null for the whole batch. */
    Shard shard;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Most runs of one batch: their seeds stay distinct, and runs.csv stays a file one can open. */
    static final long MAX_RUNS = 1_000_000_000L;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override public Integer call() throws Exception {
        if ((file == null) == (resume == null)) {
            System.err.println("escalation: give either a scenario FILE or --resume DIR");
            return EscalationCommand.INVALID;
        }
        List<String> problems = new ArrayList<>();
        if (resume != null) {
            String conflict = Resumption.conflicts(spec, "batch", "--threads", "--runs", "--seed", "--set", "--out", "--precision", "--no-report", "--shard");
            if (conflict != null) problems.add(conflict);
        }
        problems.addAll(Bounds.runs(runs, MAX_RUNS));
        problems.addAll(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if (!(precision > 0 && precision < 0.5)) problems.add("--precision must be in (0, 0.5)");
        if (shardOption != null) {
            try {
                shard = Shard.parse(shardOption);
                if (shard.count() > runs) problems.add("--shard " + shard + ": more shards than the batch's " + runs + " runs");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("escalation: " + p));
            return EscalationCommand.INVALID;
        }
        int workers = threads == null ? Bounds.defaultThreads() : threads;
        try (Interruption.Listening stop = Interruption.listen()) {
            return resume != null ? resume(workers) : start(workers);
        } catch (FolderLock.Busy e) {
            System.err.println("escalation: " + e.getMessage());
            return ExitCode.BUSY;
        }
    }

    private Integer start(int workers) throws Exception {
        ScenarioLoader.Resolved resolved;
        try {
            resolved = new ScenarioLoader().loadResolved(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        String suffix = "-" + seed + (shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count());
        try (ResultsFolder folder = Outputs.newFolder(out, resolved.scenario().name(), "", suffix)) {
            Map<String, Object> manifest = Outputs.manifest();
            manifest.put("scenario", Outputs.scenario(resolved, file, json));
            manifest.put("overrides", overrides);
            manifest.put("seed", seed);
            manifest.put("runs", runs);
            manifest.put("precision", precision);
            manifest.put("report", !noReport);
            manifest.put("command", reproduce());
            if (shard != null) manifest.put("shard", shard.manifest(runs));
            Theatre theatre = new Theatre(resolved.scenario());
            Aggregate aggregate = new Aggregate(theatre);
            try (BatchFiles files = new BatchFiles(folder, theatre)) {
                return execute(theatre, aggregate, files, manifest, null, 0, workers);
            } catch (java.io.IOException e) {
                return Outputs.writeFailed(folder, e, "batch");
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
    }

    private Integer resume(int workers) throws Exception {
        try (ResultsFolder folder = ResultsFolder.existing(resume)) {
            ResumedBatch r;
            try {
                r = ResumedBatch.open(folder, json);
            } catch (Resumption.Refused e) {
                return Resumption.refused(resume, e);
            }
            seed = r.seed();
            runs = r.runs();
            precision = r.precision();
            noReport = !r.report();
            shard = r.shard();
            Resumption.resuming(folder, "batch", resume, r.checkpoint().done(), runs, shard);
            try (BatchFiles files = r.files()) {
                return execute(r.theatre(), r.aggregate(), files, r.manifest(), r.checkpoint().identity(), r.checkpoint().done(), workers);
            } catch (java.io.IOException e) {
                return Outputs.writeFailed(folder, e, "batch");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("escalation: " + resume + " is not a batch's results folder (no such folder)");
            return EscalationCommand.INVALID;
        }
    }

    /** The first run of this batch's share of the runs. */
    private long first() {
        return shard == null ? 0 : shard.from(runs);
    }

    /** The run after this batch's share's last. */
    private long end() {
        return shard == null ? runs : shard.to(runs);
    }

    /** Runs this batch's share from its {@code from}-th run; checkpoints count the runs done in this folder. */
    private Integer execute(Theatre theatre, Aggregate aggregate, BatchFiles files, Map<String, Object> manifest,
                            String identity, long from, int workers) throws Exception {
        long started = System.nanoTime();
        long first = first();
        long share = end() - first;
        manifest.put("threads", workers);
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("started", Instant.now().toString());
        manifest.put("complete", false);
        manifest.put("runs_done", from);
        files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        if (identity == null) identity = ManifestIdentity.of(ManifestIdentity.read(files.dir().resolve(BatchFiles.MANIFEST)));
        String id = identity;
        // A checkpoint from the start, so that even a batch killed in its first seconds can be resumed.
        files.checkpoint(aggregate, from, id);

        long done;
        long[] lastCheckpoint = {System.nanoTime()};
        MemoryShortage shortage = MemoryShortage.resumable(files.dir(), "batch");
        try (Progress progress = new Progress(from, share, System.err)) {
            try {
                done = BatchRunner.run(theatre, seed, first + from, first + share, workers, new BatchRunner.Sink() {
                    @Override public void accept(long run, int runSeed, escalation.model.RunRecord record, Throwable error) throws Exception {
                        files.row(run, runSeed, record, error);
                        if (record != null) aggregate.add(record);
                        else aggregate.addFailure();
                        progress.step();
                        if (System.nanoTime() - lastCheckpoint[0] > 2_000_000_000L) {
                            files.checkpoint(aggregate, run + 1 - first, id);
                            lastCheckpoint[0] = System.nanoTime();
                        }
                    }

                    @Override public boolean stopRequested() {
                        return Interruption.requested();
                    }
                }) - first;
            } catch (OutOfMemoryError e) {
                return shortage.tell();
            }
            files.checkpoint(aggregate, done, id);
            manifest.put("runs_done", done);
            manifest.put("failed_runs", aggregate.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            if (done < share) {
                files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                System.err.println("\nInterrupted after " + done + " of " + share + " runs; every finished run is in "
                        + files.dir().resolve(BatchFiles.RUNS) + ". Finish with: escalation batch --resume " + files.dir());
                return ExitCode.INTERRUPTED;
            }
        }
        if (shard != null) {
            // A shard keeps its sealed aggregates (the checkpoint) for the merge, and writes no statistics of its own.
            manifest.put("complete", true);
            files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
            System.out.println("Wrote shard " + shard + " (runs " + first + " to " + (first + share - 1) + ") to " + files.dir()
                    + "; join the shards with: escalation merge --out DIR SHARD-FOLDERS...");
            return 0;
        }

        BatchSummary summary = aggregate.summary((String) manifest.get("command"), seed);
        finish(files, theatre, aggregate, summary, precision, noReport);
        manifest.put("complete", true);
        files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        files.forgetCheckpoint();
        tell(files, aggregate, summary, precision, noReport);
        return 0;
    }

    /** The tables, charts and report of a finished batch: the same for a batch run whole and for its shards merged. */
    static void finish(BatchFiles files, Theatre theatre, Aggregate aggregate, BatchSummary summary, double precision, boolean noReport)
            throws java.io.IOException {
        files.tables(summary, aggregate, precision);
        if (!noReport) BatchReport.write(files.folder(), summary, theatre.scenario.description(), precision);
    }

    /** What a finished batch prints. */
    static void tell(BatchFiles files, Aggregate aggregate, BatchSummary summary, double precision, boolean noReport) {
        System.out.print(BatchReport.text(summary, precision));
        if (aggregate.failed() > 0) {
            System.out.println(aggregate.failed() + " run(s) threw an error and were left out of the statistics; "
                    + "their seeds and errors are in runs.csv (status 'error').");
        }
        System.out.println("Wrote " + files.dir() + (noReport ? "" : "; open " + files.dir().resolve(BatchFiles.REPORT)));
    }

    private String reproduce() {
        StringBuilder b = new StringBuilder("escalation batch ").append(CompareCommand.quote(file.toString()))
                .append(" --runs ").append(runs).append(" --seed ").append(seed);
        for (String o : overrides) b.append(" --set ").append(CompareCommand.quote(o));
        if (precision != 0.02) b.append(" --precision ").append(precision);
        if (noReport) b.append(" --no-report");
        return b.toString();
    }
}
