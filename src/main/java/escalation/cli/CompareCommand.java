package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import escalation.cluster.Shard;
import escalation.experiment.BatchRunner;
import escalation.experiment.Comparison;
import escalation.experiment.PairedComparison;
import escalation.io.Checkpoint;
import escalation.io.FolderLock;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.io.StreamedTable;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.report.BatchFiles;
import escalation.report.CompareReport;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code escalation compare A.yaml B.yaml ...} or {@code escalation compare A.yaml --variant NAME=PATH=VALUE,...}:
 * variants of a scenario run with the same seeds, their outcomes and totals compared pair by pair.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares variants of a scenario run with the same seeds (common random numbers).",
                "Either several scenario files (each a variant, named by its scenario name; the first is the baseline), or one "
                        + "file (the baseline, named 'baseline') with one --variant per alternative. Run i of every variant uses "
                        + "the same seed, so differences are measured on paired runs: outcome probabilities with the difference from "
                        + "the baseline, its 95%% Newcombe interval and McNemar's exact test (also Holm-adjusted), and mean totals "
                        + "with paired t intervals. Writes comparison.csv, comparison-totals.csv, each variant's runs.csv under "
                        + "variants/, charts/ and compare.html to a new folder. Ctrl-C keeps every finished run; --resume DIR finishes the "
                        + "comparison with the same bytes; --shard K/N runs a share of the runs for escalation merge. Exit code 2 for invalid input."})
final class CompareCommand implements Callable<Integer> {
    static final double PRECISION = 0.02;

    @Parameters(paramLabel = "FILE", arity = "0..*", converter = ScenarioArgument.class,
            description = "Scenario files (YAML) or shipped scenario names; the first is the baseline. Not needed with --resume.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME=PATH=VALUE[,PATH=VALUE...]",
            description = "A variant of the one FILE (repeatable), e.g. credible=actors.israel.response.reliability=0.95")
    List<String> variants = new ArrayList<>();

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value in every variant (repeatable), applied before a variant's own.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000", description = "Runs of each variant (default ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed; run i of every variant uses the seed derived from (S, i) (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/compare/<time>-<seed>/.")
    Path out;

    @Option(names = "--no-report", description = "Skip charts and compare.html (tables only).")
    boolean noReport;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted comparison in DIR.")
    Path resume;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only share K (0 to N-1) of N of the runs, each variant's run i "
            + "with the seed it has in the whole comparison, into a folder that `escalation merge` joins with the other shards' (see docs/cluster.md).")
    String shardOption;

    /** The share of the runs this process runs; null for the whole comparison. */
    Shard shard;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final long CHECKPOINT_NANOS = 2_000_000_000L;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One variant as it will run. */
    record Variant(String name, Path file, List<String> overrides, ScenarioLoader.Resolved resolved) { }

    @Override public Integer call() throws Exception {
        List<String> bounds = new ArrayList<>(Bounds.runs(runs, BatchCommand.MAX_RUNS));
        bounds.addAll(Bounds.masterSeed(seed));
        bounds.addAll(Bounds.threads(threads));
        if (resume != null) {
            if (!files.isEmpty()) bounds.add("give either scenario FILEs or --resume DIR, not both");
            String conflict = Resumption.conflicts(spec, "comparison", "--threads", "--variant", "--set", "--runs", "--seed", "--out", "--no-report", "--shard");
            if (conflict != null) bounds.add(conflict);
        }
        if (shardOption != null) {
            try {
                shard = Shard.parse(shardOption);
                if (shard.count() > runs) bounds.add("--shard " + shard + ": more shards than the comparison's " + runs + " runs");
            } catch (IllegalArgumentException e) {
                bounds.add(e.getMessage());
            }
        }
        if (!bounds.isEmpty()) {
            bounds.forEach(p -> System.err.println("escalation: " + p));
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

    /** The variants of a comparison, loaded and checked to be comparable run for run. */
    record Prepared(List<Variant> all, List<String> names, List<Theatre> theatres) { }

    /** Loads and checks the variants the arguments name; null after printing every problem. */
    Prepared prepare() {
        if (!variants.isEmpty() && files.size() != 1) {
            invalid("--variant describes a variant of one scenario; give exactly one FILE with it (got " + files.size() + ")");
            return null;
        }
        if (variants.isEmpty() && files.size() < 2) {
            invalid("nothing to compare: give two or more scenario FILEs, or one FILE and at least one --variant");
            return null;
        }
        List<VariantArgument> parsed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String v : variants) {
            try {
                parsed.add(VariantArgument.parse(v));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        // Every problem at once: the variants that parse are loaded, so their problems are listed with the others'.
        errors.forEach(e -> System.err.println("escalation: " + e));
        List<Variant> all = load(parsed);
        if (all == null || !errors.isEmpty()) return null;
        List<String> names = all.stream().map(Variant::name).toList();
        List<Theatre> theatres = new ArrayList<>();
        for (Variant v : all) theatres.add(new Theatre(v.resolved().scenario()));
        List<String> incompatible = PairedComparison.incompatibilities(names, theatres);
        if (!incompatible.isEmpty()) {
            incompatible.forEach(p -> System.err.println("escalation: " + p));
            System.err.println("escalation: variants must share calendar, outcomes and ladder to be compared run for run");
            return null;
        }
        return new Prepared(all, names, theatres);
    }

    private Integer start(int workers, Interruption.Listening stop) throws Exception {
        Prepared prepared = prepare();
        if (prepared == null) return EscalationCommand.INVALID;
        List<Variant> all = prepared.all();
        List<String> names = prepared.names();
        List<Theatre> theatres = prepared.theatres();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Variant v : all) descriptions.put(v.name(), describe(v));

        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, "compare", "", "-" + seed + (shard == null ? "" : "-shard-" + shard.index() + "-of-" + shard.count()));
        } catch (FileAlreadyExistsException e) {
            return invalid(e.getFile() + " already exists; results are never overwritten");
        }
        Map<String, Object> manifest = manifest(all, descriptions, workers, reproduce());
        List<BatchFiles> perVariant = new ArrayList<>();
        try (folder) {
            try {
                folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                for (int v = 0; v < all.size(); v++) {
                    ResultsFolder sub = folder.subfolder(CompareReport.VARIANTS + "/" + names.get(v));
                    perVariant.add(new BatchFiles(sub, theatres.get(v)));
                }
                return execute(folder, manifest, descriptions, new PairedComparison(names, theatres), theatres, perVariant, null, 0,
                        workers, stop);
            } finally {
                for (BatchFiles f : perVariant) f.close();
            }
        } catch (java.io.IOException e) {
            return Outputs.writeFailed(folder, e, "compare");
        }
    }

    private Integer resume(int workers, Interruption.Listening stop) throws Exception {
        try (ResultsFolder folder = ResultsFolder.existing(resume)) {
            ResumedComparison r;
            try {
                r = ResumedComparison.open(folder, json);
            } catch (Resumption.Refused e) {
                return Resumption.refused(resume, e);
            }
            seed = r.seed();
            runs = r.runs();
            noReport = !r.report();
            shard = r.shard();
            Resumption.resuming(folder, "comparison", resume, r.checkpoint().done(), runs, shard);
            try {
                return execute(folder, r.manifest(), r.descriptions(), r.comparison(), r.theatres(), r.files(), r.checkpoint().identity(),
                        r.checkpoint().done(), workers, stop);
            } catch (java.io.IOException e) {
                return Outputs.writeFailed(folder, e, "compare");
            } finally {
                for (BatchFiles f : r.files()) f.close();
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return invalid(resume + " is not a comparison's results folder (no such folder)");
        }
    }

    /** The first run of this comparison's share of the runs. */
    private long first() {
        return shard == null ? 0 : shard.from(runs);
    }

    /** The run after this comparison's share's last. */
    private long end() {
        return shard == null ? runs : shard.to(runs);
    }

    /** Runs this comparison's share from its {@code from}-th run; checkpoints count the runs done in this folder. */
    private Integer execute(ResultsFolder folder, Map<String, Object> manifest, Map<String, String> descriptions, PairedComparison comparison,
                            List<Theatre> theatres, List<BatchFiles> perVariant, String identity, long from, int workers,
                            Interruption.Listening stop) throws Exception {
        long started = System.nanoTime();
        long first = first();
        long share = end() - first;
        manifest.put("threads", workers);
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("started", Instant.now().toString());
        manifest.put("complete", false);
        manifest.put("runs_done", from);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        String id = identity != null ? identity : ManifestIdentity.of(ManifestIdentity.read(folder.path().resolve(BatchFiles.MANIFEST)));
        // A checkpoint from the start, so that even a comparison killed in its first seconds can be resumed.
        checkpoint(folder, perVariant, comparison, from, id);
        String command = (String) manifest.get("command");
        long done;
        long[] lastCheckpoint = {System.nanoTime()};
        MemoryShortage shortage = MemoryShortage.resumable(folder.path(), "compare");
        try (Progress progress = new Progress(from, share, System.err)) {
            try {
                done = BatchRunner.runPaired(theatres, seed, first + from, first + share, workers, new BatchRunner.PairedSink() {
                    @Override public void accept(long run, int runSeed, RunRecord[] records, Throwable[] failures) throws Exception {
                        boolean complete = true;
                        for (int v = 0; v < records.length; v++) {
                            perVariant.get(v).row(run, runSeed, records[v], failures[v]);
                            complete &= records[v] != null;
                        }
                        if (complete) comparison.add(records);
                        else comparison.addFailure();
                        progress.step();
                        if (System.nanoTime() - lastCheckpoint[0] > CHECKPOINT_NANOS) {
                            checkpoint(folder, perVariant, comparison, run + 1 - first, id);
                            lastCheckpoint[0] = System.nanoTime();
                        }
                    }

                    @Override public boolean stopRequested() {
                        return stop.requested();
                    }
                }) - first;
            } catch (OutOfMemoryError e) {
                return shortage.tell();
            }
            checkpoint(folder, perVariant, comparison, done, id);
            manifest.put("runs_done", done);
            if (done < share) {
                manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
                folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
                System.err.println("\nInterrupted after " + done + " of " + share + " runs; every finished run is in "
                        + folder.path().resolve(CompareReport.VARIANTS) + ". Finish with: escalation compare --resume " + folder.path());
                return ExitCode.INTERRUPTED;
            }
        }
        if (shard != null) {
            // A shard keeps its sealed statistics (the checkpoint) for the merge, and writes no statistics of its own.
            manifest.put("complete", true);
            manifest.put("failed_runs", comparison.failed());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
            System.out.println("Wrote shard " + shard + " (runs " + first + " to " + (first + share - 1) + ") to " + folder.path()
                    + "; join the shards with: escalation merge --out DIR SHARD-FOLDERS...");
            return 0;
        }
        Comparison result = finish(folder, comparison, perVariant, descriptions, command, seed, noReport);
        manifest.put("complete", true);
        manifest.put("failed_runs", comparison.failed());
        manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        folder.write(BatchFiles.MANIFEST, json.writeValueAsString(manifest) + "\n");
        Checkpoint.forget(folder);
        tell(folder, comparison, result, noReport);
        return 0;
    }

    /** The tables, charts and report of a finished comparison: the same for a comparison run whole and for its shards merged. */
    static Comparison finish(ResultsFolder folder, PairedComparison comparison, List<BatchFiles> perVariant, Map<String, String> descriptions,
                             String command, long seed, boolean noReport) throws java.io.IOException {
        Comparison result = comparison.result(command, seed);
        for (int v = 0; v < perVariant.size(); v++) {
            perVariant.get(v).tables(result.summaries().get(v), comparison.aggregate(v), PRECISION);
        }
        CompareReport.tables(folder, result);
        if (!noReport) CompareReport.write(folder, result, descriptions);
        return result;
    }

    /** What a finished comparison prints. */
    static void tell(ResultsFolder folder, PairedComparison comparison, Comparison result, boolean noReport) {
        System.out.print(CompareReport.text(result));
        if (comparison.failed() > 0) {
            System.out.println(comparison.failed() + " run(s) threw an error in at least one variant and were left out of every "
                    + "variant's statistics; their errors are in the variants' runs.csv (status 'error').");
        }
        System.out.println("Wrote " + folder.path() + (noReport ? "" : "; open " + folder.path().resolve(CompareReport.REPORT)));
    }

    /** Seals every variant's rows so far and the comparison's statistics that cover them. */
    private static void checkpoint(ResultsFolder folder, List<BatchFiles> perVariant, PairedComparison comparison, long done, String id)
            throws java.io.IOException {
        List<StreamedTable.Mark> marks = new ArrayList<>();
        for (BatchFiles f : perVariant) marks.add(f.mark());
        new Checkpoint(id, marks, done, Checkpoint.state(comparison::write)).write(folder);
    }

    /** A variant before loading: its name (null: the scenario's own), its file and its own overrides. */
    private record Wanted(String name, Path file, List<String> own) { }

    /** Loads every variant, printing every problem of every file; null when any is invalid. */
    private List<Variant> load(List<VariantArgument> parsed) {
        List<Wanted> wanted = new ArrayList<>();
        if (parsed.isEmpty()) {
            for (Path f : files) wanted.add(new Wanted(null, f, List.of()));
        } else {
            wanted.add(new Wanted("baseline", files.get(0), List.of()));
            for (VariantArgument v : parsed) wanted.add(new Wanted(v.name(), files.get(0), v.overrides()));
        }
        ScenarioLoader loader = new ScenarioLoader();
        List<Variant> all = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        boolean ok = true;
        for (Wanted w : wanted) {
            List<String> sets = new ArrayList<>(overrides);
            sets.addAll(w.own());
            ScenarioLoader.Resolved r;
            try {
                r = loader.loadResolved(w.file(), sets);
            } catch (ScenarioException e) {
                e.problems().forEach(p -> System.err.println(p));
                String label = w.own().isEmpty() ? w.file().toString() : w.file() + " (variant " + w.name() + ")";
                System.err.println(label + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
                ok = false;
                continue;
            }
            String name = w.name() != null ? w.name() : nameOf(r.scenario().name());
            if (taken.contains(name) && w.name() != null) {
                System.err.println("escalation: two variants are named '" + name + "'; give each its own name");
                ok = false;
                continue;
            }
            String base = name;
            for (int k = 2; taken.contains(name); k++) name = base + "-" + k;
            taken.add(name);
            all.add(new Variant(name, w.file(), sets, r));
        }
        return ok ? all : null;
    }

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    private static String nameOf(String scenarioName) {
        String n = UNSAFE.matcher(scenarioName).replaceAll("_");
        return n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0)) ? "v" + n : n;
    }

    private String describe(Variant v) {
        List<String> own = v.overrides().subList(overrides.size(), v.overrides().size());
        return own.isEmpty() ? v.file().toString() : v.file() + " with " + String.join(", ", own);
    }

    private Map<String, Object> manifest(List<Variant> all, Map<String, String> descriptions, int workers, String command) throws Exception {
        Map<String, Object> m = Outputs.manifest();
        m.put("kind", "comparison");
        m.put("baseline", all.get(0).name());
        List<Map<String, Object>> vs = new ArrayList<>();
        for (Variant v : all) {
            Map<String, Object> scenario = Outputs.scenario(v.resolved(), v.file(), json);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", v.name());
            entry.put("overrides", v.overrides());
            entry.put("folder", CompareReport.VARIANTS + "/" + v.name());
            entry.put("description", descriptions.get(v.name()));
            entry.put("scenario", scenario);
            vs.add(entry);
        }
        m.put("variants", vs);
        m.put("overrides", overrides);
        m.put("seed", seed);
        m.put("seeds", "run i of every variant uses Seeds.of(seed, i)");
        m.put("runs", runs);
        if (shard != null) m.put("shard", shard.manifest(runs));
        m.put("threads", workers);
        m.put("java", System.getProperty("java.version"));
        m.put("started", Instant.now().toString());
        m.put("command", command);
        m.put("statistics", "Wilson intervals; Newcombe square-and-add paired difference intervals; McNemar exact tests, "
                + "Holm-adjusted over all outcome tests; paired t for totals, Holm-adjusted over all total tests");
        m.put("report", !noReport);
        m.put("complete", false);
        return m;
    }

    private String reproduce() {
        StringBuilder b = new StringBuilder("escalation compare");
        for (Path f : files) b.append(' ').append(quote(f.toString()));
        for (String v : variants) b.append(" --variant ").append(quote(v));
        for (String o : overrides) b.append(" --set ").append(quote(o));
        return b.append(" --runs ").append(runs).append(" --seed ").append(seed).toString();
    }

    /** Single-quotes an argument for a POSIX shell when it holds anything but plain characters. */
    static String quote(String arg) {
        if (arg.matches("[A-Za-z0-9_./=:,+-]+")) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static int invalid(String message) {
        System.err.println("escalation: " + message);
        return EscalationCommand.INVALID;
    }
}
