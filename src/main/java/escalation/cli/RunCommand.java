package escalation.cli;

import escalation.engine.EscalationSim;
import escalation.io.ResultsFolder;
import escalation.io.RunLog;
import escalation.io.Summary;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code escalation run FILE --seed N}: one replication with a readable, explained event log. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one replication of a scenario.",
                "Prints a dated event log with the reason for every decision, a summary (totals by actor, the date each "
                        + "named threshold was first crossed, the end state), and writes events.csv and daily.csv to a new "
                        + "folder under results/. Exit code 2 for an invalid scenario."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", converter = ScenarioArgument.class, description = "Scenario file (YAML) or shipped scenario name.")
    Path file;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the run (a 32-bit integer; the same seed gives the same run, byte for byte; default ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a value of the scenario (repeatable), e.g. actors.israel.attention=0.8")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write to this new folder instead of results/<scenario>/<time>-seed<N>/.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the event log, only the summary.")
    boolean quiet;

    @Override public Integer call() throws Exception {
        ScenarioLoader.Resolved resolved;
        try {
            resolved = new ScenarioLoader().loadResolved(file, overrides);
        } catch (ScenarioException e) {
            return Outputs.invalid(file, e);
        }
        Records.Scenario scenario = resolved.scenario();
        ResultsFolder folder;
        try {
            folder = Outputs.newFolder(out, scenario.name(), "", "-seed" + seed);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Outputs.taken(e);
        }
        Theatre theatre = new Theatre(scenario);
        System.out.println(scenario.title() + ": " + scenario.calendar().start() + " to " + scenario.calendar().end()
                + ", seed " + seed);
        RunLog log = new RunLog(theatre, quiet ? null : System.out::println);
        RunRecord record = new EscalationSim(theatre, seed, log).runToEnd();
        try (folder) {
            folder.write("events.csv", log.eventsCsv());
            folder.write("daily.csv", log.dailyCsv());
            StringBuilder command = new StringBuilder("escalation run ").append(CompareCommand.quote(file.toString())).append(" --seed ").append(seed);
            for (String o : overrides) command.append(" --set ").append(CompareCommand.quote(o));
            Map<String, Object> manifest = Outputs.manifest(command.toString(), seed, Map.of("scenario", file));
            manifest.put("overrides", overrides);
            manifest.put("scenario", Outputs.scenario(resolved, file, new com.fasterxml.jackson.databind.ObjectMapper()));
            Outputs.writeManifest(folder, manifest);
        }
        System.out.println();
        System.out.print(Summary.of(theatre, record));
        System.out.println("Wrote " + folder.path().resolve("events.csv") + " and daily.csv");
        return 0;
    }
}
