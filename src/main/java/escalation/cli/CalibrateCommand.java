package escalation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.history.Calibration;
import escalation.history.CalibrationFile;
import escalation.history.CalibratedScenario;
import escalation.history.Narrowing;
import escalation.history.Prior;
import escalation.io.Csv;
import escalation.io.Checkpoint;
import escalation.io.FolderLock;
import escalation.io.ManifestIdentity;
import escalation.io.ResultsFolder;
import escalation.report.BatchFiles;
import escalation.report.ChartWriter;
import escalation.report.HistoryCharts;
import escalation.scenario.ScenarioException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation calibrate FILE}: approximate Bayesian computation of parameters against a history check. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Calibrates a scenario's parameters against the record.",
                "FILE declares priors on scenario paths and names a history check. Rejection ABC from the priors, then "
                        + "ABC-SMC generations with falling tolerance. Writes posterior.csv (the last population), summary.txt "
                        + "(posterior mean, median and 90%% interval per parameter, and how much it narrows the prior's), "
                        + "narrowing.csv (the prior's and the posterior's 90%% intervals and the ratio of their widths), "
                        + "charts/pair-*.png|svg (pairwise scatter of "
                        + "the posterior) and calibrated.yaml, a scenario that extends the original with the posterior medians. "
                        + "The same FILE, seed and settings give the same files whatever the number of threads. Ctrl-C keeps every "
                        + "finished generation; --resume DIR goes on from the last one to the same files."})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", converter = ScenarioArgument.class,
            description = "Priors file (YAML) or shipped name; not needed with --resume.")
    Path file;

    @Option(names = "--particles", paramLabel = "N", defaultValue = "200", description = "Particles per generation (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--accept", paramLabel = "F", defaultValue = "0.2", description = "Share of prior draws kept in generation 0 (default ${DEFAULT-VALUE}).")
    double accept;

    @Option(names = "--generations", paramLabel = "G", defaultValue = "4", description = "Generations, the first by rejection (default ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--quantile", paramLabel = "Q", defaultValue = "0.5", description = "Each generation's tolerance: this quantile of the last one's distances (default ${DEFAULT-VALUE}).")
    double quantile;

    @Option(names = "--replicates", paramLabel = "R", defaultValue = "2", description = "Runs per parameter set, whose statistics are averaged (default ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--max-candidates", paramLabel = "M", defaultValue = "0", description = "Most candidates tried per SMC generation before stopping (default 25 x particles).")
    int maxCandidates;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/calibration-<time>-<seed>/.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Finish the interrupted calibration in DIR from its last finished generation.")
    Path resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Writes manifests as history does; the scenario's recorded SHA-256 is of its compact JSON. */
    private final ObjectMapper compact = new ObjectMapper();

    @Override public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if ((file == null) == (resume == null)) problems.add("give either a priors FILE or --resume DIR");
        if (resume != null) {
            String conflict = Resumption.conflicts(spec, "calibration", "--threads", "--particles", "--accept", "--generations", "--quantile",
                    "--replicates", "--max-candidates", "--seed", "--out");
            if (conflict != null) problems.add(conflict);
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
        Calibration.Settings settings;
        try {
            settings = new Calibration.Settings(particles, accept, generations, quantile, replicates,
                    maxCandidates > 0 ? maxCandidates : 25 * particles, seed, workers);
        } catch (IllegalArgumentException e) {
            System.err.println("escalation: need --particles >= 2, 0 < --accept <= 1, --generations >= 1, 0 < --quantile < 1, "
                    + "--replicates >= 1, --threads >= 1");
            return EscalationCommand.INVALID;
        }
        CalibrationFile cf;
        try {
            cf = CalibrationFile.load(file, List.of());
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, cf.history().scenario().scenario().name(), "calibration-", "-" + seed);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
        try (folder) {
            Map<String, Path> inputs = new LinkedHashMap<>();
            inputs.put("priors", file);
            inputs.put("history", cf.history().path());
            inputs.put("scenario", cf.history().scenarioFile());
            Map<String, Object> manifest = Outputs.manifest(command(), seed, inputs);
            manifest.put("kind", "calibration");
            manifest.put("settings", settings(settings));
            manifest.put("scenario", Outputs.scenario(cf.history().scenario(), cf.history().scenarioFile(), compact));
            return execute(cf, settings, folder, manifest, List.of(), null, stop);
        } catch (java.io.IOException e) {
            return Outputs.writeFailed(folder, e, "calibrate");
        }
    }

    /** The settings as the manifest records them: all but the threads, which do not change the results. */
    private static Map<String, Object> settings(Calibration.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("particles", s.particles());
        m.put("acceptFraction", s.acceptFraction());
        m.put("generations", s.generations());
        m.put("quantile", s.quantile());
        m.put("replicates", s.replicates());
        m.put("maxCandidatesPerGeneration", s.maxCandidatesPerGeneration());
        m.put("seed", s.seed());
        return m;
    }

    private Integer resume(int workers, Interruption.Listening stop) throws Exception {
        try (ResultsFolder folder = ResultsFolder.existing(resume)) {
            List<String> why = new ArrayList<>();
            Resumption.Opened opened;
            Calibration.Settings settings = null;
            CalibrationFile cf = null;
            List<Calibration.Population> finished = new ArrayList<>();
            try {
                opened = Resumption.open(folder, "calibration", "calibration", compact, why);
                var m = opened.manifest();
                var s = m.path("settings");
                try {
                    settings = new Calibration.Settings((int) Resumption.integer(s, "particles", 2, Integer.MAX_VALUE, why),
                            s.path("acceptFraction").asDouble(Double.NaN), (int) Resumption.integer(s, "generations", 1, Integer.MAX_VALUE, why),
                            s.path("quantile").asDouble(Double.NaN), (int) Resumption.integer(s, "replicates", 1, Integer.MAX_VALUE, why),
                            (int) Resumption.integer(s, "maxCandidatesPerGeneration", 1, Integer.MAX_VALUE, why),
                            Resumption.integer(s, "seed", 0, Bounds.MAX_MASTER_SEED, why), workers);
                } catch (IllegalArgumentException e) {
                    why.add("manifest.json: settings " + s + " are not a calibration's settings");
                }
                if (!opened.checkpoint().tables().isEmpty()) why.add("the checkpoint is not a calibration's (it covers tables)");
                Resumption.check(why);
                seed = settings.seed();
                file = Resumption.input(m, "priors");
                try {
                    cf = CalibrationFile.load(file, List.of());
                } catch (ScenarioException e) {
                    e.problems().forEach(p -> why.add(p.toString()));
                    Resumption.check(why);
                }
                Object now = Outputs.scenario(cf.history().scenario(), cf.history().scenarioFile(), compact).get("sha256");
                if (!m.path("scenario").path("sha256").asText().equals(now)) {
                    why.add("the scenario " + cf.history().scenarioFile() + " now resolves to another scenario (SHA-256 " + now
                            + ") than the calibration started with (" + m.path("scenario").path("sha256").asText() + "): a parent it extends changed");
                }
                Calibration.Settings fixed = settings;
                int parameters = cf.parameters().size();
                if (!opened.checkpoint().restore(in -> Calibration.read(in, fixed, parameters, finished))
                        || finished.size() != opened.checkpoint().done()) {
                    why.add("the checkpoint's generations do not fit the calibration in manifest.json");
                }
                Resumption.check(why);
            } catch (Resumption.Refused e) {
                return Resumption.refused(resume, e);
            }
            Resumption.takeOver(folder, "calibration");
            System.err.println("Resuming " + resume + " after " + finished.size() + " of " + settings.generations() + " generations");
            try {
                return execute(cf, settings, folder, opened.manifestMap(compact), finished, opened.checkpoint().identity(), stop);
            } catch (java.io.IOException e) {
                return Outputs.writeFailed(folder, e, "calibrate");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("escalation: " + resume + " is not a calibration's results folder (no such folder)");
            return EscalationCommand.INVALID;
        }
    }

    private Integer execute(CalibrationFile cf, Calibration.Settings settings, ResultsFolder folder, Map<String, Object> manifest,
                            List<Calibration.Population> before, String identity, Interruption.Listening stop) throws Exception {
        long started = System.nanoTime();
        manifest.put("threads", settings.threads());
        manifest.put("java", System.getProperty("java.version"));
        manifest.put("started", Instant.now().toString());
        manifest.put("complete", false);
        manifest.put("generations_done", before.size());
        Outputs.writeManifest(folder, manifest);
        String id = identity != null ? identity : ManifestIdentity.of(ManifestIdentity.read(folder.path().resolve(BatchFiles.MANIFEST)));
        List<Calibration.Population> finished = new ArrayList<>(before);
        // A checkpoint from the start, so that even a calibration killed in its first seconds can be resumed.
        checkpoint(folder, id, finished);
        Calibration.Result r;
        MemoryShortage shortage = MemoryShortage.resumable(folder.path(), "calibrate");
        try {
            r = new Calibration(cf, settings).run(before, p -> {
                System.err.printf(Locale.ROOT, "generation %d: tolerance %.3f, %d simulations, median distance %.3f%n", p.generation(),
                        p.tolerance(), p.simulations(), Calibration.quantile(p.distances(), p.weights(), 0.5));
                finished.add(p);
                checkpoint(folder, id, finished);
            }, stop::requested);
        } catch (Calibration.Interrupted e) {
            manifest.put("generations_done", finished.size());
            manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            Outputs.writeManifest(folder, manifest);
            System.err.println("\nInterrupted after " + finished.size() + " of " + settings.generations() + " generations; every finished "
                    + "generation is kept in " + folder.path() + ". Finish with: escalation calibrate --resume " + folder.path());
            return ExitCode.INTERRUPTED;
        } catch (OutOfMemoryError e) {
            return shortage.tell();
        }
        String command = (String) manifest.get("command");
        String summary = summary(r, command);
        System.out.print(summary);
        folder.write("summary.txt", summary);
        folder.write("posterior.csv", posterior(r));
        folder.write("narrowing.csv", narrowing(r));
        Calibration.Population post = r.posterior();
        List<CalibrationFile.Parameter> ps = cf.parameters();
        String sub = post.values().length + " particles, generation " + post.generation() + ", tolerance "
                + String.format(Locale.ROOT, "%.3f", post.tolerance()) + ", seed " + seed;
        for (int a = 0; a < ps.size(); a++) {
            for (int b = a + 1; b < ps.size(); b++) {
                ChartWriter.write(HistoryCharts.pair(ps.get(a).name(), Calibration.column(post, a), ps.get(b).name(),
                        Calibration.column(post, b), sub), folder.path().resolve("charts"), "pair-" + ps.get(a).name() + "-" + ps.get(b).name());
            }
        }
        double[] medians = new double[ps.size()];
        for (int p = 0; p < medians.length; p++) medians[p] = Calibration.quantile(Calibration.column(post, p), post.weights(), 0.5);
        folder.write("calibrated.yaml", CalibratedScenario.yaml(cf, medians, folder.path(), command));
        manifest.put("simulations", r.simulations());
        manifest.put("generations_done", r.generations().size());
        manifest.put("wall_seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
        manifest.put("complete", true);
        Outputs.writeManifest(folder, manifest);
        Checkpoint.forget(folder);
        System.out.println("Wrote " + folder.path() + " (calibrated.yaml extends " + cf.history().scenarioFile() + ")");
        return 0;
    }

    /** Seals the finished generations: a resume starts after the last of them. */
    private static void checkpoint(ResultsFolder folder, String id, List<Calibration.Population> finished) throws java.io.IOException {
        new Checkpoint(id, List.of(), finished.size(), Checkpoint.state(out -> Calibration.write(out, finished))).write(folder);
    }

    static String summary(Calibration.Result r, String command) {
        Calibration.Population post = r.posterior();
        StringBuilder b = new StringBuilder();
        b.append("Calibration: ").append(command).append('\n');
        b.append(r.simulations()).append(" parameter sets simulated; posterior: generation ").append(post.generation())
                .append(", ").append(post.values().length).append(" particles, tolerance ")
                .append(String.format(Locale.ROOT, "%.3f", post.tolerance())).append(" (RMS distance in half observed ranges)\n");
        if (r.stopped() != null) b.append("Stopped early: ").append(r.stopped()).append('\n');
        b.append(String.format(Locale.ROOT, "%-24s %-28s %10s %10s %23s %12s%n", "parameter", "prior", "mean", "median", "90% interval",
                "width ratio"));
        List<CalibrationFile.Parameter> ps = r.file().parameters();
        for (int p = 0; p < ps.size(); p++) {
            double[] col = Calibration.column(post, p);
            Narrowing n = Narrowing.of(ps.get(p).prior(), post, p);
            b.append(String.format(Locale.ROOT, "%-24s %-28s %10.4g %10.4g %10.4g – %10.4g %12.2f%n", ps.get(p).name(), ps.get(p).prior(),
                    Calibration.mean(col, post.weights()), Calibration.quantile(col, post.weights(), 0.5),
                    n.posteriorLow(), n.posteriorHigh(), n.ratio()));
        }
        b.append("width ratio: how far the posterior narrows the prior, the width of its 90% interval over the prior's (on the log "
                + "scale for log-uniform priors); near 1 the targets say little about the parameter, near 0 they pin it down.\n");
        return b.toString();
    }

    /** Per parameter: the prior's and the posterior's 90% intervals and the ratio of their widths. */
    static String narrowing(Calibration.Result r) {
        Calibration.Population post = r.posterior();
        StringBuilder b = new StringBuilder(Csv.row("parameter", "prior", "prior_low_5", "prior_high_95", "posterior_low_5",
                "posterior_high_95", "width_ratio", "scale"));
        List<CalibrationFile.Parameter> ps = r.file().parameters();
        for (int p = 0; p < ps.size(); p++) {
            Prior prior = ps.get(p).prior();
            Narrowing n = Narrowing.of(prior, post, p);
            b.append(Csv.row(ps.get(p).name(), prior.toString(), Csv.num(n.priorLow()), Csv.num(n.priorHigh()), Csv.num(n.posteriorLow()),
                    Csv.num(n.posteriorHigh()), Csv.num(n.ratio()), Narrowing.scale(prior)));
        }
        return b.toString();
    }

    static String posterior(Calibration.Result r) {
        Calibration.Population post = r.posterior();
        List<Object> header = new ArrayList<>(List.of("particle", "weight", "distance"));
        r.file().parameters().forEach(p -> header.add(p.name()));
        StringBuilder b = new StringBuilder(Csv.row(header.toArray()));
        for (int i = 0; i < post.values().length; i++) {
            List<Object> row = new ArrayList<>(List.of(i, Csv.num(post.weights()[i]), Csv.num(post.distances()[i])));
            for (double v : post.values()[i]) row.add(Csv.num(v));
            b.append(Csv.row(row.toArray()));
        }
        return b.toString();
    }

    private String command() {
        return "escalation calibrate " + file + " --particles " + particles + " --accept " + accept + " --generations " + generations
                + " --quantile " + quantile + " --replicates " + replicates
                + (maxCandidates > 0 ? " --max-candidates " + maxCandidates : "") + " --seed " + seed;
    }
}
