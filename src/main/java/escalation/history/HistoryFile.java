package escalation.history;

import escalation.scenario.Node;
import escalation.scenario.Problem;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A history check: the scenario that replays a period, the observed figures (CSV files with their
 * sources) and the targets that set each figure against the same statistic of simulated runs.
 * Every problem of the file is reported at once, with file, line and column.
 *
 * <pre>
 * title: "The Iraqi front, autumn 2024, against the record"
 * scenario: ../autumn-2024-iraq.yaml
 * observed: [../data/observed/iraq-claims.csv]
 * groups: {iraqi_factions: [kh, nujaba, aah, kss]}
 * weekly: {by: iraqi_factions, against: [israel], from: 2024-09-27, to: 2025-01-31}
 * targets:
 *   - {figure: claims-oct-1-15, statistic: count, by: iraqi_factions, against: [israel], from: 2024-10-01, to: 2024-10-15}
 * </pre>
 *
 * @param weekly the series charted week by week over the simulated fan (statistic {@code count} by week)
 */
public record HistoryFile(Path path, String title, Path scenarioFile, ScenarioLoader.Resolved scenario,
                          List<Target> targets, Target weekly, List<Figure> figures) {

    private static final Set<String> ROOT_KEYS = Set.of("title", "scenario", "observed", "groups", "weekly", "targets");
    private static final Set<String> TARGET_KEYS = Set.of("figure", "statistic", "by", "against", "measure", "from", "to", "base", "where");
    private static final Set<String> WEEKLY_KEYS = Set.of("by", "against", "measure", "from", "to");

    /** Loads a history check and its scenario, with {@code overrides} ("path=value") applied to the scenario. */
    public static HistoryFile load(Path file, List<String> overrides) throws ScenarioException {
        Node tree = new YamlReader().read(file);
        List<Problem> problems = new ArrayList<>();
        if (!(tree instanceof Node.Mapping root)) {
            throw new ScenarioException(List.of(new Problem(tree.position(), "", "expected a mapping, found " + tree.shape())));
        }
        unknownKeys(root, "", ROOT_KEYS, problems);
        Node scenarioNode = root.get("scenario");
        if (!(scenarioNode instanceof Node.Scalar sc) || sc.kind() != Node.ScalarKind.TEXT) {
            problems.add(new Problem(scenarioNode == null ? root.position() : scenarioNode.position(), "scenario",
                    "expected the path of the scenario file to check"));
            throw new ScenarioException(problems);
        }
        Path scenarioFile;
        try {
            scenarioFile = file.getParent() == null ? Path.of(sc.text()) : file.getParent().resolve(sc.text()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            problems.add(new Problem(sc.position(), "scenario", "expected the path of a scenario file (.yaml or .yml), found text that is not a usable path"));
            throw new ScenarioException(problems);
        }
        ScenarioLoader.Resolved resolved;
        try {
            resolved = new ScenarioLoader().loadResolved(scenarioFile, overrides);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            throw new ScenarioException(problems);
        }
        Records.Scenario s = resolved.scenario();
        Set<String> actorIds = new LinkedHashSet<>();
        s.actors().forEach(a -> actorIds.add(a.id()));

        Map<String, Figure> figures = new LinkedHashMap<>();
        Node observed = root.get("observed");
        List<Node> csvs = observed instanceof Node.Sequence seq ? seq.items() : observed == null ? List.of() : List.of(observed);
        if (csvs.isEmpty()) problems.add(new Problem(root.position(), "observed", "expected the observed figures: one or more CSV files"));
        for (Node n : csvs) {
            if (!(n instanceof Node.Scalar p) || p.kind() != Node.ScalarKind.TEXT) {
                problems.add(new Problem(n.position(), "observed", "expected the path of a CSV file, found " + n.shape()));
                continue;
            }
            Path csv;
            try {
                csv = file.getParent() == null ? Path.of(p.text()) : file.getParent().resolve(p.text()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                problems.add(new Problem(p.position(), "observed", "expected the path of a CSV file, found text that is not a usable path"));
                continue;
            }
            try {
                for (Figure f : ObservedFigures.read(csv)) {
                    if (figures.putIfAbsent(f.id(), f) != null) {
                        problems.add(new Problem(new Node.Position(f.file(), f.line(), 1), "id", "duplicate figure id '" + f.id() + "'"));
                    }
                }
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new Problem(p.position(), "observed", "cannot read " + csv + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
                        : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage()))));
            }
        }

        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (root.get("groups") instanceof Node.Mapping gm) {
            for (var e : gm.entries().entrySet()) {
                if (actorIds.contains(e.getKey())) {
                    problems.add(new Problem(gm.keyPosition(e.getKey()), "groups." + e.getKey(), "a group may not take an actor's id"));
                }
                groups.put(e.getKey(), actors(e.getValue(), "groups." + e.getKey(), actorIds, Map.of(), problems));
            }
        } else if (root.get("groups") != null) {
            problems.add(new Problem(root.get("groups").position(), "groups", "expected a mapping of group names to actor lists"));
        }

        Context c = new Context(s, actorIds, groups, figures, problems);
        List<Target> targets = new ArrayList<>();
        if (root.get("targets") instanceof Node.Sequence ts && !ts.items().isEmpty()) {
            for (int i = 0; i < ts.items().size(); i++) {
                Target t = target(ts.items().get(i), "targets[" + i + "]", c);
                if (t != null) targets.add(t);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < targets.size(); i++) {
                if (!seen.add(targets.get(i).id())) {
                    problems.add(new Problem(ts.items().get(i).position(), "targets[" + i + "].figure", "figure '" + targets.get(i).id() + "' is a target twice"));
                }
            }
        } else {
            problems.add(new Problem(root.get("targets") == null ? root.position() : root.get("targets").position(), "targets",
                    "expected a list of one or more targets"));
        }
        Target weekly = null;
        if (root.get("weekly") instanceof Node.Mapping wm) {
            unknownKeys(wm, "weekly", WEEKLY_KEYS, problems);
            weekly = window(wm, "weekly", null, Target.Kind.WEEKLY_PEAK, c);
        } else if (root.get("weekly") != null) {
            problems.add(new Problem(root.get("weekly").position(), "weekly", "expected a mapping with by, against, from and to"));
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        String title = root.get("title") instanceof Node.Scalar t ? t.text() : s.title();
        return new HistoryFile(file, title, scenarioFile, resolved, List.copyOf(targets), weekly, List.copyOf(figures.values()));
    }

    private record Context(Records.Scenario scenario, Set<String> actorIds, Map<String, List<String>> groups,
                           Map<String, Figure> figures, List<Problem> problems) { }

    private static Target target(Node n, String path, Context c) {
        if (!(n instanceof Node.Mapping m)) {
            c.problems.add(new Problem(n.position(), path, "expected a target mapping, found " + n.shape()));
            return null;
        }
        unknownKeys(m, path, TARGET_KEYS, c.problems);
        String kindKey = text(m, "statistic", path, c.problems);
        Target.Kind kind = kindKey == null ? null : Target.Kind.of(kindKey);
        if (kindKey != null && kind == null) {
            c.problems.add(new Problem(m.get("statistic").position(), path + ".statistic", "unknown statistic '" + kindKey
                    + "'; expected one of: " + String.join(", ", Target.Kind.keys())));
        }
        String figureId = text(m, "figure", path, c.problems);
        Figure f = figureId == null ? null : c.figures.get(figureId);
        if (figureId != null && f == null) {
            c.problems.add(new Problem(m.get("figure").position(), path + ".figure", "no figure '" + figureId
                    + "' in the observed files; known: " + String.join(", ", c.figures.keySet())));
        }
        if (kind == null) return null;
        Target w = window(m, path, figureId, kind, c);
        if (w == null || f == null) return null;
        LocalDate baseFrom = null;
        LocalDate baseTo = null;
        if (kind == Target.Kind.RATIO) {
            if (m.get("base") instanceof Node.Mapping b) {
                baseFrom = date(b, "from", path + ".base", c);
                baseTo = date(b, "to", path + ".base", c);
                if (baseFrom != null && baseTo != null && baseTo.isBefore(baseFrom)) {
                    c.problems.add(new Problem(b.get("to").position(), path + ".base.to", "expected a date on or after " + baseFrom));
                }
            } else {
                c.problems.add(new Problem(m.position(), path + ".base", "a ratio needs the base window it is compared with: base: {from: DATE, to: DATE}"));
            }
        } else if (m.get("base") != null) {
            c.problems.add(new Problem(m.get("base").position(), path + ".base", "only a ratio has a base window"));
        }
        double[] v = observed(f, w, path, m, c);
        if (v == null) return null;
        List<String> where = List.of();
        if (m.get("where") instanceof Node.Sequence ws) {
            where = ws.items().stream().map(x -> x instanceof Node.Scalar sc ? sc.text() : "").toList();
        } else if (m.get("where") != null) {
            c.problems.add(new Problem(m.get("where").position(), path + ".where", "expected a list of corridor nodes, found " + m.get("where").shape()));
        }
        return new Target(f.id(), kind, w.by(), w.against(), w.measure(), w.from(), w.to(), baseFrom, baseTo, v[0], v[1], v[2], f, where);
    }

    /** by, against, measure, from and to: the part every statistic shares. */
    private static Target window(Node.Mapping m, String path, String id, Target.Kind kind, Context c) {
        List<String> by = m.get("by") == null ? missing(m, path + ".by", c) : actors(m.get("by"), path + ".by", c.actorIds, c.groups, c.problems);
        List<String> against = m.get("against") == null ? missing(m, path + ".against", c)
                : actors(m.get("against"), path + ".against", c.actorIds, c.groups, c.problems);
        String measure = "attacks";
        if (m.get("measure") != null) {
            measure = text(m, "measure", path, c.problems);
            if (measure != null && !Target.MEASURES.contains(measure)) {
                c.problems.add(new Problem(m.get("measure").position(), path + ".measure", "unknown measure '" + measure
                        + "'; expected one of: " + String.join(", ", Target.MEASURES)));
                measure = null;
            }
        }
        if (kind == Target.Kind.INTERCEPTION_SHARE && m.get("measure") == null) measure = "weapons";
        LocalDate from = date(m, "from", path, c);
        LocalDate to = date(m, "to", path, c);
        if (from != null && to != null && to.isBefore(from)) {
            c.problems.add(new Problem(m.get("to").position(), path + ".to", "expected a date on or after " + from));
            return null;
        }
        if (by == null || against == null || measure == null || from == null || to == null) return null;
        return new Target(id, kind, by, against, measure, from, to, null, null, 0, 0, 0, null);
    }

    private static List<String> missing(Node.Mapping m, String path, Context c) {
        c.problems.add(new Problem(m.position(), path, "missing required key '" + path.substring(path.lastIndexOf('.') + 1) + "'"));
        return null;
    }

    /** The word an observed CSV cell holds for "no event by the window's end" (censored kinds only). */
    public static final String NO_EVENT = "none";

    /**
     * The figure's value and range in the statistic's unit: days after {@code from} for date kinds. For
     * a censored kind a cell may say {@link #NO_EVENT}, read as the censoring value, so a record in which
     * nothing happened is compared with runs in which nothing happened either.
     */
    private static double[] observed(Figure f, Target w, String path, Node.Mapping m, Context c) {
        Target.Kind kind = w.kind();
        String[] raw = {f.value(), f.low(), f.high()};
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            if (kind.censors() && raw[k].equalsIgnoreCase(NO_EVENT)) {
                v[k] = w.censoredValue();
                continue;
            }
            try {
                v[k] = kind.isDate() ? ChronoUnit.DAYS.between(w.from(), LocalDate.parse(raw[k])) : Double.parseDouble(raw[k]);
                // 1e400 reads as Infinity and "NaN" as NaN: neither is an observed figure.
                if (!Double.isFinite(v[k])) throw new NumberFormatException("not finite");
            } catch (DateTimeParseException | NumberFormatException e) {
                c.problems.add(new Problem(new Node.Position(f.file(), f.line(), 1), "figure " + f.id(), "expected "
                        + (kind.isDate() ? "a date YYYY-MM-DD" : "a number") + (kind.censors() ? " or " + NO_EVENT : "")
                        + " for the statistic " + kind.key + ", found '" + raw[k] + "'"));
                return null;
            }
            if (kind.censors() && v[k] >= w.censoredValue()) {
                // An event after the window is beyond what the statistic can tell from "no event by the end".
                c.problems.add(new Problem(new Node.Position(f.file(), f.line(), 1), "figure " + f.id(), "'" + raw[k]
                        + "' is after the window's end " + w.to() + " of " + path + "; write " + NO_EVENT + " for no event by then"));
                return null;
            }
        }
        if (!(v[1] <= v[0] && v[0] <= v[2])) {
            c.problems.add(new Problem(new Node.Position(f.file(), f.line(), 1), "figure " + f.id(),
                    "expected low <= value <= high, found " + raw[1] + ", " + raw[0] + ", " + raw[2]
                            + (kind.censors() ? " (" + NO_EVENT + " is later than any date)" : "")));
            return null;
        }
        return v;
    }

    private static LocalDate date(Node.Mapping m, String key, String path, Context c) {
        Node n = m.get(key);
        if (n == null) {
            c.problems.add(new Problem(m.position(), path + "." + key, "missing required key '" + key + "'"));
            return null;
        }
        LocalDate d = null;
        if (n instanceof Node.Scalar s && s.kind() == Node.ScalarKind.TEXT) {
            try {
                d = LocalDate.parse(s.text());
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null) {
            c.problems.add(new Problem(n.position(), path + "." + key, "expected a date YYYY-MM-DD, found " + n.shape()));
            return null;
        }
        LocalDate start = c.scenario.calendar().start();
        LocalDate end = c.scenario.calendar().end();
        if (d.isBefore(start) || d.isAfter(end)) {
            c.problems.add(new Problem(n.position(), path + "." + key, "date " + d + " is outside the scenario's calendar " + start + " to " + end));
            return null;
        }
        return d;
    }

    private static List<String> actors(Node n, String path, Set<String> actorIds, Map<String, List<String>> groups, List<Problem> problems) {
        List<Node> items = n instanceof Node.Sequence s ? s.items() : List.of(n);
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            if (!(item instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.TEXT) {
                problems.add(new Problem(item.position(), path, "expected an actor id or a group name, found " + item.shape()));
            } else if (groups.containsKey(s.text())) {
                out.addAll(groups.get(s.text()));
            } else if (actorIds.contains(s.text())) {
                out.add(s.text());
            } else {
                problems.add(new Problem(item.position(), path, "unknown actor or group '" + s.text() + "'; actors: "
                        + String.join(", ", actorIds) + (groups.isEmpty() ? "" : "; groups: " + String.join(", ", groups.keySet()))));
            }
        }
        return out.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(out));
    }

    private static String text(Node.Mapping m, String key, String path, List<Problem> problems) {
        Node n = m.get(key);
        if (n instanceof Node.Scalar s && s.kind() == Node.ScalarKind.TEXT) return s.text();
        problems.add(new Problem(n == null ? m.position() : n.position(), path + "." + key,
                n == null ? "missing required key '" + key + "'" : "expected text, found " + n.shape()));
        return null;
    }

    private static void unknownKeys(Node.Mapping m, String path, Set<String> allowed, List<Problem> problems) {
        for (String k : m.entries().keySet()) {
            if (!allowed.contains(k)) {
                problems.add(new Problem(m.keyPosition(k), path.isEmpty() ? k : path + "." + k, "unknown key '" + k
                        + "'; expected one of: " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }
}
