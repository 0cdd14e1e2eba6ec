package escalation.cli;

import escalation.history.HistoryFile;
import escalation.history.Validation;
import escalation.io.ResultsFolder;
import escalation.model.Theatre;
import escalation.report.HistoryJson;
import escalation.report.HistoryReport;
import escalation.scenario.ScenarioException;
import java.nio.file.Path;
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
                        + "distribution of the same statistic, prints the table and writes checks.csv, summary.json, charts/ and "
                        + "report.html to a new folder. Exit code 0 whether or not targets are covered; 2 for invalid input."})
final class HistoryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "History check (YAML) or shipped name.")
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

    /** Most runs: a history check keeps each run's statistics in memory. */
    static final long MAX_RUNS = 10_000_000L;

    @Override public Integer call() throws Exception {
        List<String> problems = new ArrayList<>(Bounds.runs(runs, MAX_RUNS));
        problems.addAll(Bounds.masterSeed(seed));
        problems.addAll(Bounds.threads(threads));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("escalation: " + p));
            return EscalationCommand.INVALID;
        }
        int workers = threads == null ? Bounds.defaultThreads() : threads;
        HistoryFile h;
        try {
            h = HistoryFile.load(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        ResultsFolder folder = null;
        if (!noReport) {
            try {
                folder = Outputs.newFolder(out, h.scenario().scenario().name(), "history-", "-" + seed);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return Outputs.taken(e);
            }
        }
        Theatre theatre = new Theatre(h.scenario().scenario(), true);
        Validation.Result r = Validation.run(theatre, h.targets(), h.weekly(), seed, runs, workers);
        String scenario = h.scenario().scenario().name();
        System.out.print(json ? HistoryJson.of(h.title(), scenario, r) : HistoryReport.text(h.title(), r));
        if (folder != null) {
            try (ResultsFolder f = folder) {
                HistoryReport.write(f, h.title(), scenario, command(), r);
                java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
                inputs.put("history", file);
                inputs.put("scenario", h.scenarioFile());
                java.util.Map<String, Object> manifest = Outputs.manifest(command(), seed, inputs);
                manifest.put("runs", runs);
                manifest.put("overrides", overrides);
                manifest.put("scenario", Outputs.scenario(h.scenario(), h.scenarioFile(), new com.fasterxml.jackson.databind.ObjectMapper()));
                Outputs.writeManifest(f, manifest);
            }
            // With --json, standard output holds the JSON object alone, so a script can parse it whole.
            (json ? System.err : System.out).println("Wrote " + folder.path() + "; open " + folder.path().resolve(HistoryReport.REPORT));
        }
        return 0;
    }

    private String command() {
        StringBuilder b = new StringBuilder("escalation history ").append(file).append(" --runs ").append(runs).append(" --seed ").append(seed);
        for (String o : overrides) b.append(" --set ").append(o);
        return b.toString();
    }
}
