package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
            String conflict = Resumption.conflicts(spec, "batch", "--threads", "--runs", "--seed", "--set", "--out", "--precision", "--no-report");
            if (conflict != null) problems.add(conflict);
        }
        problems.addAll(Bounds.runs(runs, MAX_RUNS));
        problems.addAll(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if (!(precision > 0 && precision < 0.5)) problems.add("--precision must be in (0, 0.5)");
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
        try (ResultsFolder folder = Outputs.newFolder(out, resolved.scenario().name(), "", "-" + seed)) {
            Map<String, Object> manifest = Outputs.manifest();
            manifest.put("scenario", Outputs.scenario(resolved, file, json));
            manifest.put("overrides", overrides);
            manifest.put("seed", seed);
            manifest.put("runs", runs);
            manifest.put("precision", precision);
            manifest.put("report", !noReport);
            manifest.put("command", reproduce());
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
            if (!folder.staleOwner().isEmpty()) {
                System.err.println("The batch's previous process (" + folder.staleOwner() + ") ended without releasing it; taking it over");
            }
            System.err.println("Resuming " + resume + " at run " + r.checkpoint().done() + " of " + runs);
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

    private Integer execute(Theatre theatre, Aggregate aggregate, BatchFiles files, Map<String, Object> manifest,
                            String identity, long from, int workers) throws Exception {
        long started = System.nanoTime();
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
        try (Progress progress = new Progress(from, runs, System.err)) {
            try {
                done = BatchRunner.run(theatre, seed, from, runs, workers, new BatchRunner.Sink() {
                    @Override public void accept(long run, int runSeed, escalation.model.RunRecord record, Throwable error) throws Exception {
                        files.row(run, runSeed, record, error);
                        if (record != null) aggregate.add(record);
                        else aggregate.addFailure();
                        progress.step();
                        if (System.nanoTime() - lastCheckpoint[0] > 2_000_000_000L) {
                            files.checkpoint(aggregate, run + 1, id);
                            lastCheckpoint[0] = System.nanoTime();
                        }
                    }

                    @Override public boolean stopRequested() {
                        return Interruption.requested();
                    }
                });
            } catch (OutOfMemoryError e) {
                return Outputs.outOfMemory(files.dir(), "batch");
            }
            files.checkpoint(aggregate, done, id);
            manifest.put("runs_done", done);
            manifest.put("failed_runs", aggregate.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            if (done < runs) {
                files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                System.err.println("\nInterrupted after " + done + " of " + runs + " runs; every finished run is in "
                        + files.dir().resolve(BatchFiles.RUNS) + ". Finish with: escalation batch --resume " + files.dir());
                return ExitCode.INTERRUPTED;
            }
        }

        BatchSummary summary = aggregate.summary((String) manifest.get("command"), seed);
        files.tables(summary, aggregate, precision);
        if (!noReport) BatchReport.write(files.folder(), summary, theatre.scenario.description(), precision);
        manifest.put("complete", true);
        files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        files.forgetCheckpoint();
        System.out.print(BatchReport.text(summary, precision));
        if (aggregate.failed() > 0) {
            System.out.println(aggregate.failed() + " run(s) threw an error and were left out of the statistics; "
                    + "their seeds and errors are in runs.csv (status 'error').");
        }
        System.out.println("Wrote " + files.dir() + (noReport ? "" : "; open " + files.dir().resolve(BatchFiles.REPORT)));
        return 0;
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
