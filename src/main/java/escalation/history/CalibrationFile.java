package escalation.history;

import escalation.scenario.Node;
import escalation.scenario.Problem;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Priors for a calibration: the history check whose targets the parameters must reproduce, and per
 * parameter the scenario paths it sets (the paths {@code --set} takes; several paths share one
 * value) and its prior.
 *
 * <pre>
 * history: ../history/autumn-2024-targets.yaml
 * parameters:
 *   - name: warning_credibility
 *     paths: [actors.israel.actions.0.credibility, actors.israel.actions.1.credibility]
 *     prior: {uniform: [1, 20]}          # or log_uniform: [a, b], normal: [mean, sd]
 *     whole: false                       # true: applied rounded (a number of days)
 * </pre>
 */
public record CalibrationFile(Path path, HistoryFile history, List<Parameter> parameters) {

    /** A calibrated parameter: its name, the paths it sets, its prior, and whether it is applied rounded to a whole number. */
    public record Parameter(String name, List<String> paths, Prior prior, boolean whole) { }

    private static final Set<String> ROOT_KEYS = Set.of("history", "parameters");
    private static final Set<String> PARAMETER_KEYS = Set.of("name", "paths", "prior", "whole");

    public static CalibrationFile load(Path file, List<String> overrides) throws ScenarioException {
        Node tree = new YamlReader().read(file);
        List<Problem> problems = new ArrayList<>();
        if (!(tree instanceof Node.Mapping root)) {
            throw new ScenarioException(List.of(new Problem(tree.position(), "", "expected a mapping, found " + tree.shape())));
        }
        for (String k : root.entries().keySet()) {
            if (!ROOT_KEYS.contains(k)) problems.add(new Problem(root.keyPosition(k), k, "unknown key '" + k + "'; expected one of: history, parameters"));
        }
        HistoryFile history = null;
        if (root.get("history") instanceof Node.Scalar h && h.kind() == Node.ScalarKind.TEXT) {
            Path p = file.getParent() == null ? Path.of(h.text()) : file.getParent().resolve(h.text()).normalize();
            try {
                history = HistoryFile.load(p, overrides);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        } else {
            problems.add(new Problem(root.get("history") == null ? root.position() : root.get("history").position(), "history",
                    "expected the path of the history check whose targets the calibration fits"));
        }
        List<Parameter> parameters = new ArrayList<>();
        if (root.get("parameters") instanceof Node.Sequence ps && !ps.items().isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < ps.items().size(); i++) {
                Parameter p = parameter(ps.items().get(i), "parameters[" + i + "]", problems);
                if (p == null) continue;
                if (!names.add(p.name())) problems.add(new Problem(ps.items().get(i).position(), "parameters[" + i + "].name", "duplicate name '" + p.name() + "'"));
                parameters.add(p);
            }
        } else {
            problems.add(new Problem(root.position(), "parameters", "expected a list of one or more parameters"));
        }
        if (history != null && problems.isEmpty()) {
            // Every path must be settable: try each at its prior's centre on the scenario.
            ScenarioLoader loader = new ScenarioLoader();
            for (int i = 0; i < parameters.size(); i++) {
                Parameter p = parameters.get(i);
                Prior pr = p.prior();
                double centre = pr.value(pr.kind() == Prior.Kind.NORMAL ? pr.a() : (pr.internal(pr.a()) + pr.internal(pr.b())) / 2);
                try {
                    loader.override(history.scenario(), history.scenarioFile().toString(), overrides(p, centre));
                } catch (ScenarioException e) {
                    Node at = ((Node.Sequence) root.get("parameters")).items().get(i);
                    for (Problem q : e.problems()) {
                        problems.add(new Problem(at.position(), "parameters[" + i + "]", "parameter '" + p.name() + "' at " + centre + ": " + q.path() + ": " + q.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return new CalibrationFile(file, history, List.copyOf(parameters));
    }

    /** The --set overrides that give a parameter a value. */
    static List<String> overrides(Parameter p, double value) {
        List<String> out = new ArrayList<>();
        for (String path : p.paths()) out.add(path + "=" + (p.whole() ? Long.toString(Math.round(value)) : Double.toString(value)));
        return out;
    }

    private static Parameter parameter(Node n, String path, List<Problem> problems) {
        if (!(n instanceof Node.Mapping m)) {
            problems.add(new Problem(n.position(), path, "expected a parameter mapping, found " + n.shape()));
            return null;
        }
        for (String k : m.entries().keySet()) {
            if (!PARAMETER_KEYS.contains(k)) problems.add(new Problem(m.keyPosition(k), path + "." + k, "unknown key '" + k + "'; expected one of: name, paths, prior, whole"));
        }
        String name = m.get("name") instanceof Node.Scalar s && s.kind() == Node.ScalarKind.TEXT ? s.text() : null;
        if (name == null) problems.add(new Problem(m.position(), path + ".name", "expected the parameter's name"));
        List<String> paths = new ArrayList<>();
        Node ps = m.get("paths");
        for (Node item : ps instanceof Node.Sequence seq ? seq.items() : ps == null ? List.<Node>of() : List.of(ps)) {
            if (item instanceof Node.Scalar s && s.kind() == Node.ScalarKind.TEXT) paths.add(s.text());
            else problems.add(new Problem(item.position(), path + ".paths", "expected a scenario path, found " + item.shape()));
        }
        if (paths.isEmpty()) problems.add(new Problem(m.position(), path + ".paths", "expected one or more scenario paths (as --set takes them)"));
        Prior prior = prior(m.get("prior"), path + ".prior", m, problems);
        boolean whole = false;
        if (m.get("whole") instanceof Node.Scalar w && w.kind() == Node.ScalarKind.BOOLEAN) {
            whole = Boolean.parseBoolean(w.text());
        } else if (m.get("whole") != null) {
            problems.add(new Problem(m.get("whole").position(), path + ".whole", "expected true or false"));
        }
        return name == null || paths.isEmpty() || prior == null ? null : new Parameter(name, List.copyOf(paths), prior, whole);
    }

    private static Prior prior(Node n, String path, Node.Mapping parent, List<Problem> problems) {
        String expected = "expected one of {uniform: [low, high]}, {log_uniform: [low, high]} with 0 < low, {normal: [mean, sd]}";
        if (!(n instanceof Node.Mapping m) || m.entries().size() != 1) {
            problems.add(new Problem(n == null ? parent.position() : n.position(), path, expected));
            return null;
        }
        String kind = m.entries().keySet().iterator().next();
        Node args = m.get(kind);
        Prior.Kind k = switch (kind) {
            case "uniform" -> Prior.Kind.UNIFORM;
            case "log_uniform" -> Prior.Kind.LOG_UNIFORM;
            case "normal" -> Prior.Kind.NORMAL;
            default -> null;
        };
        if (k == null || !(args instanceof Node.Sequence s) || s.items().size() != 2
                || !(s.items().get(0) instanceof Node.Scalar x) || x.kind() != Node.ScalarKind.NUMBER
                || !(s.items().get(1) instanceof Node.Scalar y) || y.kind() != Node.ScalarKind.NUMBER) {
            problems.add(new Problem(m.keyPosition(kind), path + "." + kind, expected));
            return null;
        }
        try {
            return new Prior(k, Double.parseDouble(x.text()), Double.parseDouble(y.text()));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(args.position(), path + "." + kind, expected + ", both finite and at most "
                    + "1e300 apart; found " + x.text() + ", " + y.text()));
            return null;
        }
    }
}
