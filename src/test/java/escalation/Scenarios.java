package escalation;

import escalation.engine.EscalationSim;
import escalation.io.RunLog;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loading and running scenarios in tests. */
public final class Scenarios {
    public static final Path SHIPPED = Path.of("scenarios");

    private Scenarios() { }

    public static List<Path> shipped() {
        try (Stream<Path> s = Files.list(SHIPPED)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Theatre theatre(Path file, String... overrides) {
        try {
            return new Theatre(new ScenarioLoader().load(file, List.of(overrides)));
        } catch (ScenarioException e) {
            throw new AssertionError("scenario should be valid:\n" + e.getMessage(), e);
        }
    }

    /** Writes YAML text to a file in {@code dir} and loads it. */
    public static Theatre fromYaml(Path dir, String yaml, String... overrides) {
        return theatre(write(dir, "scenario.yaml", yaml), overrides);
    }

    public static Path write(Path dir, String name, String yaml) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, yaml);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Records.Scenario load(Path file) throws ScenarioException {
        return new ScenarioLoader().load(file);
    }

    public static RunRecord run(Theatre t, int seed) {
        return new EscalationSim(t, seed, null).runToEnd();
    }

    /** A run with its event log; returns {events.csv, daily.csv}. */
    public static String[] logged(Theatre t, int seed) {
        RunLog log = new RunLog(t, null);
        new EscalationSim(t, seed, log).runToEnd();
        return new String[] {log.eventsCsv(), log.dailyCsv()};
    }

    /** Attacks (kinetic actions) by an actor over a run. */
    public static int attacksBy(Theatre t, RunRecord r, String actor) {
        return r.byAttacker(r.attacks, t.index(actor));
    }

    public static List<Integer> seeds(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(1000 + 7919 * i);
        return out;
    }
}
