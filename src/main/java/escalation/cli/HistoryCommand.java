package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cluster.Shard;
import escalation.experiment.BatchRunner;
import escalation.history.HistoryFile;
import escalation.history.Validation;
import escalation.io.Checkpoint;
import escalation.io.FolderLock;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.report.BatchFiles;
import escalation.report.HistoryRuns;
import escalation.model.Theatre;
import escalation.report.HistoryJson;
import escalation.report.HistoryReport;
import escalation.scenario.ScenarioException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation history FILE}: the scenario a history check names, against the observed figures. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Holds a scenario to history.",
                "FILE is a history check (scenarios/history/*-targets.yaml): the scenario, the observed figures with their "
                        + "sources, and the targets. Runs a Monte Carlo batch, sets each observed figure against the simulated "
                        + "distribution of the same statistic, prints the table and writes runs.csv (streamed, one row per run), checks.csv, "
                        + "summary.json, charts/ and report.html to a new folder. Ctrl-C keeps every finished run; --resume DIR finishes "
                        + "the check with the same bytes; --shard K/N runs a share of the runs for escalation merge. Exit code 0 whether or not targets are covered; 2 for invalid input."})
final class HistoryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", converter = ScenarioArgument.class,
            description = "History check (YAML) or shipped name; not needed with --resume.")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Replications (default ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), e.g. calendar.events.2.enabled=false")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/history-<time>-<seed>/.")
    Path out;

    @Option(names = "--no-report", description = "Print the table only; write nothing.")
    boolean noReport;

    @Option(names = "--json", description = "Print one JSON object (the contents of summary.json) instead of the table; "
            + "nothing else goes to standard output.")
    boolean json;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted history check in DIR.")
    Path resume;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only share K (0 to N-1) of N of the runs, with the seeds they "
            + "have in the whole check, into a folder that `escalation merge` joins with the other shards' (see docs/cluster.md).")
    String shardOption;

    /** The share of the runs this process runs; null for the whole check. */
    Shard shard;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Most runs: a history check keeps each run's statistics in memory. */
    static final long MAX_RUNS = 10_000_000L;
    private static final long CHECKPOINT_NANOS = 2_000_000_000L;
    /** Writes manifests as the other commands do; the scenario's recorded SHA-256 is of its compact JSON. */
    private final ObjectMapper compact = new ObjectMapper();

    @Override public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(Bounds.runs(runs, MAX_RUNS));
        problems.addAll(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if ((file == null) == (resume == null)) problems.add("give either a history check FILE or --resume DIR");
        if (resume != null) {
            String conflict = Resumption.conflicts(spec, "history check", "--threads and --json", "--runs", "--seed", "--set", "--out", "--no-report", "--shard");
            if (conflict != null) problems.add(conflict);
        }
        if (shardOption != null) {
            try {
                shard = Shard.parse(shardOption);
                if (shard.count() > runs) problems.add("--shard " + shard + ": more shards than the check's " + runs + " runs");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            // A shard writes its runs for the merge and no statistics of its own.
            if (noReport) problems.add("--shard writes a folder for escalation merge; it cannot be given with --no-report");
            if (json) problems.add("--shard prints no statistics (the merge does); it cannot be given with --json");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("escalation: " + p));
            return EscalationCommand.INVALID;
        }
        int workers = threads == null ? Bounds.defaultThreads() : threads;
        try (Interruption.Listening stop = Interruption.listen()) {
            return resume != null ? resume(workers, stop) : start(workers, stop);
        } catch (FolderLock.Busy e) {
            System.err.println("escalation: " + e.getMessage());
            return ExitCode.BUSY;
        }
    }

    private Integer start(int workers, Interruption.Listening stop) throws Exception {
        HistoryFile h;
        try {
            h = HistoryFile.load(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        if (noReport) return execute(h, null, null, null, List.of(), null, workers, stop);
        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, h.scenario().scenario().name(), "history-",
                    "-" + seed + (shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count()));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
        try (folder) {
            Map<String, Path> inputs = new LinkedHashMap<>();
            inputs.put("history", file);
            inputs.put("scenario", h.scenarioFile());
            Map<String, Object> manifest = Outputs.manifest(command(), seed, inputs);
            manifest.put("kind", "history");
            manifest.put("runs", runs);
            manifest.put("overrides", overrides);
            manifest.put("scenario", Outputs.scenario(h.scenario(), h.scenarioFile(), compact));
            if (shard != null) manifest.put("shard", shard.manifest(runs));
            try (HistoryRuns table = HistoryRuns.create(folder, h.targets())) {
                return execute(h, folder, manifest, table, List.of(), null, workers, stop);
            }
        } catch (java.io.IOException e) {
            return Outputs.writeFailed(folder, e, "history");
        }
    }

    private Integer resume(int workers, Interruption.Listening stop) throws Exception {
        try (ResultsFolder folder = ResultsFolder.existing(resume)) {
            List<String> why = new ArrayList<>();
            Resumption.Opened opened;
            HistoryFile h = null;
            try {
                opened = Resumption.open(folder, "history", "history check", compact, why);
                var m = opened.manifest();
                seed = Resumption.integer(m, "seed", 0, Bounds.MAX_MASTER_SEED, why);
                runs = Resumption.integer(m, "runs", 1, MAX_RUNS, why);
                shard = Resumption.shard(m, runs, why);
                long done = opened.checkpoint().done();
                long share = runs < 0 ? -1 : end() - first();
                if (share >= 0 && done > share) why.add("the checkpoint covers " + done + " runs, more than the check's " + share);
                if (opened.checkpoint().tables().size() != 1 || opened.checkpoint().tables().get(0).rows() != done) {
                    why.add("the checkpoint is not a history check's (its table does not match its runs)");
                }
                overrides = new ArrayList<>();
                m.path("overrides").forEach(o -> overrides.add(o.asText()));
                Resumption.check(why);
                file = Resumption.input(m, "history");
                try {
                    h = HistoryFile.load(file, overrides);
                } catch (ScenarioException e) {
                    e.problems().forEach(p -> why.add(p.toString()));
                    Resumption.check(why);
                }
                Object now = Outputs.scenario(h.scenario(), h.scenarioFile(), compact).get("sha256");
                if (!m.path("scenario").path("sha256").asText().equals(now)) {
                    why.add("the scenario " + h.scenarioFile() + " now resolves to another scenario (SHA-256 " + now + ") than the check "
                            + "started with (" + m.path("scenario").path("sha256").asText() + "): a parent it extends changed");
                }
                Resumption.check(why);
            } catch (Resumption.Refused e) {
                return Resumption.refused(resume, e);
            }
            HistoryRuns table;
            try {
                table = HistoryRuns.resume(folder, h.targets(), opened.checkpoint().tables().get(0), first());
            } catch (StreamedTable.Mismatch e) {
                return Resumption.refused(resume, new Resumption.Refused(List.of(e.getMessage())));
            }
            Resumption.resuming(folder, "check", resume, opened.checkpoint().done(), runs, shard);
            try (table) {
                return execute(h, folder, opened.manifestMap(compact), table, table.samples(), opened.checkpoint().identity(), workers, stop);
            } catch (java.io.IOException e) {
                return Outputs.writeFailed(folder, e, "history");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("escalation: " + resume + " is not a history check's results folder (no such folder)");
            return EscalationCommand.INVALID;
        }
    }

    /** The first run of this check's share of the runs. */
    private long first() {
        return shard == null ? 0 : shard.from(runs);
    }

    /** The run after this check's share's last. */
    private long end() {
        return shard == null ? runs : shard.to(runs);
    }

    /**
     * Runs what is left of the check (from the runs in {@code before}), streaming each run's statistics to
     * {@code table} under checkpoints, then checks every target. With no folder, nothing is written.
     */
    private Integer execute(HistoryFile h, ResultsFolder folder, Map<String, Object> manifest, HistoryRuns table,
                            List<Validation.Sample> before, String identity, int workers, Interruption.Listening stop) throws Exception {
        long started = System.nanoTime();
        long from = before.size();
        long first = first();
        long share = end() - first;
        String id = identity;
        if (folder != null) {
            manifest.put("threads", workers);
            manifest.put("java", System.getProperty("java.version"));
            manifest.put("started", Instant.now().toString());
            manifest.put("complete", false);
            manifest.put("runs_done", from);
            Outputs.writeManifest(folder, manifest);
            if (id == null) id = ManifestIdentity.of(ManifestIdentity.read(folder.path().resolve(BatchFiles.MANIFEST)));
            // A checkpoint from the start, so that even a check killed in its first seconds can be resumed.
            new Checkpoint(id, List.of(table.mark()), from, new byte[0]).write(folder);
        }
        String checkpointId = id;
        Theatre theatre = new Theatre(h.scenario().scenario(), true);
        Validation.Sampler sampler = new Validation.Sampler(theatre, h.targets(), h.weekly());
        List<Validation.Sample> samples = new ArrayList<>(before);
        long done;
        long[] last = {System.nanoTime()};
        MemoryShortage shortage = folder == null ? null : MemoryShortage.resumable(folder.path(), "history");
        try {
            done = BatchRunner.run(theatre, seed, first + from, first + share, workers, new BatchRunner.Sink() {
                @Override public void accept(long run, int runSeed, escalation.model.RunRecord record, Throwable error) throws Exception {
                    Validation.Sample s = sampler.of(record);
                    // A shard's statistics are checked by the merge, from its rows: it holds none.
                    if (shard == null) samples.add(s);
                    if (table == null) return;
                    table.row(run, runSeed, s);
                    if (System.nanoTime() - last[0] > CHECKPOINT_NANOS) {
                        new Checkpoint(checkpointId, List.of(table.mark()), run + 1 - first, new byte[0]).write(folder);
                        last[0] = System.nanoTime();
                    }
                }

                @Override public boolean stopRequested() {
                    return stop.requested();
                }
            }) - first;
        } catch (OutOfMemoryError e) {
            samples.clear();
            return folder == null ? MemoryShortage.tellBare() : shortage.tell();
        }
        if (folder != null) new Checkpoint(checkpointId, List.of(table.mark()), done, new byte[0]).write(folder);
        if (done < share) {
            if (folder == null) {
                System.err.println("\nInterrupted after " + done + " of " + share + " runs; nothing was written (--no-report)");
                return ExitCode.INTERRUPTED;
            }
            manifest.put("runs_done", done);
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            Outputs.writeManifest(folder, manifest);
            System.err.println("\nInterrupted after " + done + " of " + share + " runs; every finished run is in "
                    + folder.path().resolve(HistoryRuns.RUNS) + ". Finish with: escalation history --resume " + folder.path());
            return ExitCode.INTERRUPTED;
        }
        if (shard != null) {
            // A shard keeps its checkpoint (what the merge checks its rows against) and writes no statistics of its own.
            manifest.put("runs_done", done);
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            manifest.put("complete", true);
            Outputs.writeManifest(folder, manifest);
            System.out.println("Wrote shard " + shard + " (runs " + first + " to " + (first + share - 1) + ") to " + folder.path()
                    + "; join the shards with: escalation merge --out DIR SHARD-FOLDERS...");
            return 0;
        }
        String command = manifest == null ? command() : (String) manifest.get("command");
        finish(h, folder, command, seed, samples, json);
        if (folder != null) {
            manifest.put("runs_done", done);
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            manifest.put("complete", true);
            Outputs.writeManifest(folder, manifest);
            Checkpoint.forget(folder);
            // With --json, standard output holds the JSON object alone, so a script can parse it whole.
            (json ? System.err : System.out).println("Wrote " + folder.path() + "; open " + folder.path().resolve(HistoryReport.REPORT));
        }
        return 0;
    }

    /**
     * Checks every target against the runs' {@code samples} (in run order), prints the table (or the JSON)
     * and, with a folder, writes checks.csv, summary.json, charts and report.html: the same for a check run
     * whole and for its shards merged.
     */
    static void finish(HistoryFile h, ResultsFolder folder, String command, long seed, List<Validation.Sample> samples, boolean json)
            throws java.io.IOException {
        Validation.Result r = Validation.result(h.targets(), h.weekly(), seed, samples);
        String scenario = h.scenario().scenario().name();
        System.out.print(json ? HistoryJson.of(h.title(), scenario, r) : HistoryReport.text(h.title(), r));
        if (folder != null) HistoryReport.write(folder, h.title(), scenario, command, r);
    }

    private String command() {
        StringBuilder b = new StringBuilder("escalation history ").append(file).append(" --runs ").append(runs).append(" --seed ").append(seed);
        for (String o : overrides) b.append(" --set ").append(o);
        return b.toString();
    }
}
