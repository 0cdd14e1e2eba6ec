package escalation.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.experiment.Aggregate;
import escalation.experiment.BatchRunner;
import escalation.experiment.BatchSummary;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.report.BatchReport;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override public Integer call() throws Exception {
        if ((file == null) == (resume == null)) {
            System.err.println("escalation: give either a scenario FILE or --resume DIR");
            return EscalationCommand.INVALID;
        }
        if (runs < 1) {
            System.err.println("escalation: --runs must be at least 1");
            return EscalationCommand.INVALID;
        }
        if (!(precision > 0 && precision < 0.5)) {
            System.err.println("escalation: --precision must be in (0, 0.5)");
            return EscalationCommand.INVALID;
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            System.err.println("escalation: --threads must be at least 1");
            return EscalationCommand.INVALID;
        }
        return resume != null ? resume(workers) : start(workers);
    }

    private Integer start(int workers) throws Exception {
        ScenarioLoader.Resolved resolved;
        try {
            resolved = new ScenarioLoader().loadResolved(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, resolved.scenario().name(), "", "-" + seed);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
        Map<String, Object> manifest = Outputs.manifest();
        manifest.put("scenario", Outputs.scenario(resolved, file, json));
        manifest.put("overrides", overrides);
        manifest.put("seed", seed);
        manifest.put("runs", runs);
        manifest.put("command", reproduce());
        Theatre theatre = new Theatre(resolved.scenario());
        Aggregate aggregate = new Aggregate(theatre);
        try (BatchFiles files = new BatchFiles(folder, theatre, -1)) {
            return execute(theatre, aggregate, files, manifest, 0, workers);
        }
    }

    private Integer resume(int workers) throws Exception {
        ResultsFolder folder;
        JsonNode m;
        try {
            folder = ResultsFolder.existing(resume);
            m = json.readTree(resume.resolve(BatchFiles.MANIFEST).toFile());
        } catch (java.io.IOException e) {
            System.err.println("escalation: " + resume + " is not a batch's results folder (" + e.getMessage() + ")");
            return EscalationCommand.INVALID;
        }
        if (m.path("complete").asBoolean(false)) {
            System.err.println("escalation: the batch in " + resume + " is already complete");
            return EscalationCommand.INVALID;
        }
        if (!Files.exists(resume.resolve(BatchFiles.CHECKPOINT))) {
            System.err.println("escalation: " + resume + " has no checkpoint to resume from");
            return EscalationCommand.INVALID;
        }
        Theatre theatre;
        try {
            theatre = new Theatre(new ScenarioLoader().loadText(resume.resolve(BatchFiles.MANIFEST) + " (scenario.resolved)",
                    json.writeValueAsString(m.path("scenario").path("resolved"))));
        } catch (ScenarioException e) {
            e.problems().forEach(p -> System.err.println(p));
            return EscalationCommand.INVALID;
        }
        seed = m.path("seed").asLong();
        runs = m.path("runs").asLong();
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = json.convertValue(m, LinkedHashMap.class);
        Aggregate aggregate = new Aggregate(theatre);
        BatchFiles.Checkpoint cp = BatchFiles.readCheckpoint(resume, aggregate);
        System.err.println("Resuming " + resume + " at run " + cp.runsDone() + " of " + runs);
        try (BatchFiles files = new BatchFiles(folder, theatre, cp.runsBytes())) {
            return execute(theatre, aggregate, files, manifest, cp.runsDone(), workers);
        }
    }

    private Integer execute(Theatre theatre, Aggregate aggregate, BatchFiles files, Map<String, Object> manifest,
                            long from, int workers) throws Exception {
        long started = System.nanoTime();
        manifest.put("threads", workers);
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("started", Instant.now().toString());
        manifest.put("complete", false);
        manifest.put("runs_done", from);
        files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        // A checkpoint from the start, so that even a batch killed in its first seconds can be resumed.
        files.checkpoint(aggregate, from);

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                saved.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        long done;
        long[] lastCheckpoint = {System.nanoTime()};
        try (Progress progress = new Progress(from, runs, System.err)) {
            done = BatchRunner.run(theatre, seed, from, runs, workers, new BatchRunner.Sink() {
                @Override public void accept(long run, int runSeed, escalation.model.RunRecord record, Throwable error) throws Exception {
                    files.row(run, runSeed, record, error);
                    if (record != null) aggregate.add(record);
                    else aggregate.addFailure();
                    progress.step();
                    if (System.nanoTime() - lastCheckpoint[0] > 2_000_000_000L) {
                        files.checkpoint(aggregate, run + 1);
                        lastCheckpoint[0] = System.nanoTime();
                    }
                }

                @Override public boolean stopRequested() {
                    return interrupted.get();
                }
            });
            files.checkpoint(aggregate, done);
            manifest.put("runs_done", done);
            manifest.put("failed_runs", aggregate.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            if (done < runs) {
                files.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                System.err.println("\nInterrupted after " + done + " of " + runs + " runs; every finished run is in "
                        + files.dir().resolve(BatchFiles.RUNS) + ". Finish with: escalation batch --resume " + files.dir());
                return 130;
            }
        } finally {
            saved.countDown();
            if (!interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // the JVM is already shutting down
                }
            }
        }

        BatchSummary summary = aggregate.summary((String) manifest.get("command"), (int) seed);
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
        StringBuilder b = new StringBuilder("escalation batch ").append(file).append(" --runs ").append(runs).append(" --seed ").append(seed);
        for (String o : overrides) b.append(" --set ").append(o);
        return b.toString();
    }
}
