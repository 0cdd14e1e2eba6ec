package escalation.cli;

import escalation.history.CalibrationFile;
import escalation.history.HistoryFile;
import escalation.scenario.Node;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The kinds of YAML file the project reads, told apart by their content (their top-level keys), each
 * checked with its own rules and messages: a scenario, a history check, a calibration's priors. A new
 * kind (an experiment file, say) is one more entry in {@link #KINDS}: the keys that mark it and its check.
 */
record FileKind(String name, Set<String> markers, Check check) {

    /** Checks one file of this kind; returns the line printed for a valid file, or throws with every problem. */
    @FunctionalInterface
    interface Check {
        String check(Path file, List<String> overrides) throws ScenarioException;
    }

    static final FileKind SCENARIO = new FileKind("scenario", Set.of("actors", "calendar", "extends"), (file, overrides) -> {
        Records.Scenario s = new ScenarioLoader().load(file, overrides);
        return "valid scenario (" + s.actors().size() + " actors, " + s.calendar().start() + " to " + s.calendar().end() + ")";
    });

    static final FileKind HISTORY = new FileKind("history check", Set.of("targets", "observed"), (file, overrides) -> {
        HistoryFile h = HistoryFile.load(file, overrides);
        return "valid history check (" + h.targets().size() + " targets on " + h.scenarioFile() + ")";
    });

    static final FileKind PRIORS = new FileKind("calibration priors", Set.of("parameters"), (file, overrides) -> {
        CalibrationFile c = CalibrationFile.load(file, overrides);
        return "valid calibration priors (" + c.parameters().size() + " parameters, history check " + c.history().path() + ")";
    });

    static final FileKind EXPERIMENT = new FileKind("experiment", Set.of("factors", "design"), (file, overrides) -> {
        escalation.study.ExperimentFile x = escalation.study.ExperimentFile.load(file);
        return "valid experiment (" + x.factors().size() + " factors, scenario " + x.scenarioFile() + ")"
                + (overrides.isEmpty() ? "" : "; --set is not applied to an experiment file: its factors and policies set values");
    });

    /** Every kind, most specific first; a file that matches none is read as a scenario, whose messages then say what is missing. */
    static final List<FileKind> KINDS = new ArrayList<>(List.of(HISTORY, PRIORS, EXPERIMENT, SCENARIO));

    /** Adds a kind (before the scenario, the fallback). */
    static synchronized void register(FileKind kind) {
        KINDS.add(KINDS.size() - 1, kind);
    }

    /** The kind of {@code file} by its top-level keys; problems reading it are thrown. */
    static FileKind of(Path file) throws ScenarioException {
        Node tree = new YamlReader().read(file);
        if (tree instanceof Node.Mapping m) {
            for (FileKind k : KINDS) {
                for (String key : k.markers()) {
                    if (m.entries().containsKey(key)) return k;
                }
            }
        }
        return SCENARIO;
    }
}
