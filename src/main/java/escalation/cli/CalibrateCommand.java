package escalation.cli;

import escalation.history.Calibration;
import escalation.history.CalibrationFile;
import escalation.history.CalibratedScenario;
import escalation.history.Narrowing;
import escalation.history.Prior;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import escalation.report.ChartWriter;
import escalation.report.HistoryCharts;
import escalation.scenario.ScenarioException;
import java.nio.file.Path;
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
                        + "The same FILE, seed and settings give the same files whatever the number of threads."})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "Priors file (YAML) or shipped name.")
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

    @Override public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("escalation: " + p));
            return EscalationCommand.INVALID;
        }
        int workers = threads == null ? Bounds.defaultThreads() : threads;
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
            return calibrate(cf, settings, folder);
        }
    }

    private Integer calibrate(CalibrationFile cf, Calibration.Settings settings, ResultsFolder folder) throws Exception {
        Calibration.Result r = new Calibration(cf, settings).run(p -> System.err.printf(Locale.ROOT,
                "generation %d: tolerance %.3f, %d simulations, median distance %.3f%n", p.generation(), p.tolerance(), p.simulations(),
                Calibration.quantile(p.distances(), p.weights(), 0.5)));
        String command = command();
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
        java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("priors", file);
        inputs.put("history", cf.history().path());
        inputs.put("scenario", cf.history().scenarioFile());
        java.util.Map<String, Object> manifest = Outputs.manifest(command, seed, inputs);
        manifest.put("settings", settings);
        manifest.put("scenario", Outputs.scenario(cf.history().scenario(), cf.history().scenarioFile(), new com.fasterxml.jackson.databind.ObjectMapper()));
        manifest.put("simulations", r.simulations());
        Outputs.writeManifest(folder, manifest);
        System.out.println("Wrote " + folder.path() + " (calibrated.yaml extends " + cf.history().scenarioFile() + ")");
        return 0;
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
