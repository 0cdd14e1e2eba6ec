package escalation.study;

import escalation.design.Distribution;
import escalation.history.Statistic;
import escalation.history.Target;
import escalation.model.Theatre;
import escalation.scenario.Node;
import escalation.scenario.Problem;
import escalation.scenario.Records;
import escalation.scenario.ScenarioException;
import escalation.scenario.ScenarioLoader;
import escalation.scenario.YamlReader;
import escalation.spec.ExperimentSpec;
import escalation.spec.Spec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment file, read and validated: the scenario, the factors, the policies, the design, the
 * replications, the outcomes, discovery and analysis settings. Its shape is checked against
 * {@link ExperimentSpec#ROOT}; then everything that needs the scenario: each factor's paths are set at
 * the ends and the middle of its range (and at each level) and the scenario validated, so a path or a
 * range the scenario cannot take is reported before anything runs; actors, groups, thresholds and dates
 * of outcomes are looked up. Every problem is reported at once, with file, line and column.
 *
 * <pre>
 * scenario: ../autumn-2024-iraq.yaml
 * factors:
 *   - {name: israel_attention, path: actors.israel.attention, uniform: [0.2, 0.9]}
 * design: {kind: sobol, samples: 256}
 * replications: 4
 * outcomes:
 *   - {name: regional_war, threshold: sustained_regional_war}
 * </pre>
 */
public record ExperimentFile(Path path, String title, Path scenarioFile, ScenarioLoader.Resolved scenario, List<String> set,
                             List<Factor> factors, List<Policy> policies, DesignChoice design, int replications, long seed,
                             boolean commonRandomNumbers, List<Outcome> outcomes, Discovery discovery, int bootstrap, int bins) {

    /** A named set of overrides crossed with every design point. */
    public record Policy(String name, List<String> overrides) { }

    /**
     * The design as the file gives it: its kind and sizes; for a list, its points in unit coordinates.
     *
     * @param size the design's own parameter: levels, points, samples or trajectories
     */
    public record DesignChoice(String kind, int size, int levels, double[][] points) { }

    /** Scenario discovery of one outcome. */
    public record Discovery(String outcome, Double above, double peel, double minMass, double minCoverage, int treeDepth) { }

    /** Names a table already uses for its own columns. */
    static final Set<String> RESERVED = Set.of("run", "point", "design_point", "policy", "replication", "seed", "status", "error", "runs",
            "failed", "outcome", "factor", "metric", "actor", "mean", "low", "high", "sd");

    public static ExperimentFile load(Path file) throws ScenarioException {
        Node tree = new YamlReader().read(file);
        Spec.Checker checker = new Spec.Checker();
        ExperimentSpec.ROOT.check(tree, "", checker);
        List<Problem> problems = new ArrayList<>(checker.problems());
        if (!(tree instanceof Node.Mapping root)) throw new ScenarioException(problems);
        Reader r = new Reader(file, root, problems);
        return r.read();
    }

    /** Reads the fields once the shape is known to be right where it matters. */
    private static final class Reader {
        private final Path file;
        private final Node.Mapping root;
        private final List<Problem> problems;
        private final ScenarioLoader loader = new ScenarioLoader();

        Reader(Path file, Node.Mapping root, List<Problem> problems) {
            this.file = file;
            this.root = root;
            this.problems = problems;
        }

        ExperimentFile read() throws ScenarioException {
            Path scenarioFile = null;
            ScenarioLoader.Resolved scenario = null;
            List<String> set = texts(root.get("set"));
            if (root.get("scenario") instanceof Node.Scalar s && s.kind() == Node.ScalarKind.TEXT) {
                scenarioFile = file.getParent() == null ? Path.of(s.text()) : file.getParent().resolve(s.text()).normalize();
                try {
                    scenario = loader.loadResolved(scenarioFile, List.of());
                } catch (ScenarioException e) {
                    problems.addAll(e.problems());
                }
                if (scenario != null && !set.isEmpty()) {
                    try {
                        scenario = loader.override(scenario, scenarioFile.toString(), set);
                    } catch (ScenarioException e) {
                        for (Problem q : e.problems()) problems.add(new Problem(root.get("set").position(), "set", q.path() + ": " + q.message()));
                        scenario = null;
                    }
                }
            }
            Set<String> names = new LinkedHashSet<>();
            List<Factor> factors = new ArrayList<>();
            List<Node> factorNodes = items(root.get("factors"));
            List<Integer> factorIndex = new ArrayList<>();
            for (int i = 0; i < factorNodes.size(); i++) {
                Factor f = factor(factorNodes.get(i), "factors[" + i + "]", names, scenario);
                if (f != null) {
                    factors.add(f);
                    factorIndex.add(i);
                }
            }
            List<Policy> policies = new ArrayList<>();
            if (root.get("policies") instanceof Node.Mapping pm && !pm.entries().isEmpty()) {
                for (var e : pm.entries().entrySet()) policies.add(new Policy(e.getKey(), texts(e.getValue())));
            } else {
                policies.add(new Policy("baseline", List.of()));
            }
            List<Outcome> outcomes = new ArrayList<>();
            Map<String, List<String>> groups = groups(scenario);
            List<Node> outcomeNodes = items(root.get("outcomes"));
            for (int i = 0; i < outcomeNodes.size(); i++) {
                Outcome o = outcome(outcomeNodes.get(i), "outcomes[" + i + "]", names, scenario, groups);
                if (o != null) outcomes.add(o);
            }
            DesignChoice design = design(factors, factorNodes.size() == factors.size());
            Discovery discovery = discovery(outcomes);
            int replications = (int) number(root, "replications", 1);
            long seed = (long) number(root, "seed", 1);
            boolean crn = root.get("common_random_numbers") instanceof Node.Scalar c && c.kind() == Node.ScalarKind.BOOLEAN
                    && Boolean.parseBoolean(c.text());
            Node.Mapping analysis = root.get("analysis") instanceof Node.Mapping am ? am : null;
            int bootstrap = (int) (analysis == null ? 1000 : number(analysis, "bootstrap", 1000));
            int bins = (int) (analysis == null ? 10 : number(analysis, "bins", 10));
            if (scenario != null) tryPoints(scenario, factors, factorNodes, factorIndex, policies);
            if (!problems.isEmpty()) throw new ScenarioException(problems);
            String title = root.get("title") instanceof Node.Scalar t ? t.text() : scenario.scenario().title();
            return new ExperimentFile(file, title, scenarioFile, scenario, List.copyOf(set), List.copyOf(factors), List.copyOf(policies),
                    design, replications, seed, crn, List.copyOf(outcomes), discovery, bootstrap, bins);
        }

        /** Sets each factor at its range's ends, its middle and each of its levels, and each policy, and validates the scenario. */
        private void tryPoints(ScenarioLoader.Resolved scenario, List<Factor> factors, List<Node> nodes, List<Integer> index,
                               List<Policy> policies) {
            String source = scenario.scenario().name();
            for (int k = 0; k < factors.size(); k++) {
                Factor f = factors.get(k);
                int i = index.get(k);
                List<Double> units = new ArrayList<>(List.of(0.0, f.baselineUnit(), 1.0));
                if (f.discrete()) {
                    units.clear();
                    for (int l = 0; l < f.levels().size(); l++) units.add((l + 0.5) / f.levels().size());
                }
                for (double u : units) {
                    try {
                        loader.override(scenario, source, f.overrides(u));
                    } catch (ScenarioException e) {
                        for (Problem q : e.problems()) {
                            problems.add(new Problem(nodes.get(i).position(), "factors[" + i + "]", "factor '" + f.name() + "' at "
                                    + f.cell(u) + ": " + (q.path().isEmpty() ? "" : q.path() + ": ") + q.message()));
                        }
                        break;
                    }
                }
            }
            Node.Mapping pm = root.get("policies") instanceof Node.Mapping m ? m : null;
            for (Policy p : policies) {
                if (p.overrides().isEmpty()) continue;
                try {
                    loader.override(scenario, source, p.overrides());
                } catch (ScenarioException e) {
                    for (Problem q : e.problems()) {
                        problems.add(new Problem(pm.keyPosition(p.name()), "policies." + p.name(),
                                (q.path().isEmpty() ? "" : q.path() + ": ") + q.message()));
                    }
                }
            }
        }

        private Factor factor(Node n, String path, Set<String> names, ScenarioLoader.Resolved scenario) {
            if (!(n instanceof Node.Mapping m)) return null;
            String name = name(m, path, names);
            List<String> written = new ArrayList<>();
            if (m.get("path") instanceof Node.Scalar p) written.add(p.text());
            written.addAll(texts(m.get("paths")));
            List<String> paths = new ArrayList<>();
            for (String w : written) paths.addAll(scenario == null ? List.of(w) : treePaths(w, scenario.scenario()));
            boolean dummy = m.get("dummy") instanceof Node.Scalar dm && Boolean.parseBoolean(dm.text());
            if (dummy && (m.get("path") != null || m.get("paths") != null)) {
                problems.add(new Problem(m.keyPosition("dummy"), path + ".dummy", "a dummy factor sets nothing: write no path or paths"));
            } else if (!dummy && (m.get("path") != null) == (m.get("paths") != null)) {
                problems.add(new Problem(m.position(), path, "write one of path and paths (or dummy: true)"));
            }
            List<String> kinds = ExperimentSpec.DISTRIBUTIONS.stream().filter(m.entries()::containsKey).toList();
            if (kinds.size() != 1) {
                problems.add(new Problem(m.position(), path, "expected exactly one distribution: " + String.join(", ", ExperimentSpec.DISTRIBUTIONS)
                        + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds))));
                return null;
            }
            String kind = kinds.get(0);
            Node args = m.get(kind);
            boolean whole = m.get("whole") instanceof Node.Scalar w && Boolean.parseBoolean(w.text());
            Distribution d;
            List<String> levels = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            boolean numeric = true;
            if (kind.equals("levels")) {
                for (Node item : items(args)) {
                    if (!(item instanceof Node.Scalar s)) return null;
                    String t = s.text();
                    if (s.kind() != Node.ScalarKind.NUMBER) numeric = false;
                    if (levels.contains(t)) problems.add(new Problem(s.position(), path + ".levels", "level " + s.text() + " is given twice"));
                    levels.add(t);
                    settings.add(s.kind() == Node.ScalarKind.TEXT ? quote(t) : t);
                }
                if (whole) problems.add(new Problem(m.keyPosition("whole"), path + ".whole", "only a continuous factor is rounded; write whole levels"));
                d = Distribution.discrete(Math.max(1, levels.size()));
            } else {
                double[] a = numbers(args);
                if (a == null) return null;
                int want = kind.equals("triangular") ? 3 : 2;
                if (a.length != want) {
                    problems.add(new Problem(args.position(), path + "." + kind, "expected " + want + " numbers, found " + a.length));
                    return null;
                }
                try {
                    d = switch (kind) {
                        case "uniform" -> Distribution.uniform(a[0], a[1]);
                        case "log_uniform" -> Distribution.logUniform(a[0], a[1]);
                        case "normal" -> Distribution.normal(a[0], a[1]);
                        default -> Distribution.triangular(a[0], a[1], a[2]);
                    };
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(args.position(), path + "." + kind, switch (kind) {
                        case "uniform" -> "expected [low, high] with low < high";
                        case "log_uniform" -> "expected [low, high] with 0 < low < high";
                        case "normal" -> "expected [mean, sd] with sd > 0";
                        default -> "expected [low, mode, high] with low <= mode <= high and low < high";
                    }));
                    return null;
                }
            }
            double baseline = d.kind() == Distribution.Kind.DISCRETE ? (levels.size() / 2 + 0.5) / levels.size() : 0.5;
            if (m.get("baseline") instanceof Node.Scalar b) {
                Double u = unitOf(d, levels, b, path + ".baseline");
                if (u != null) baseline = u;
            }
            if (name == null || (paths.isEmpty() && !dummy)) return null;
            return new Factor(name, List.copyOf(paths), d, List.copyOf(levels), List.copyOf(settings), numeric && !levels.isEmpty(), whole, baseline);
        }

        /**
         * The {@code --set} paths of a path as a factor may write it: a {@code --set} path itself, or a settable
         * path as dated events write it, which names a patronage by its proxy
         * ({@code relations.patronage.kh.control}) and a restraint by its restrainer
         * ({@code relations.restraint.iraq_gov.strength}, every entry of that restrainer) instead of by list index.
         */
        static List<String> treePaths(String path, Records.Scenario s) {
            String[] p = path.split("\\.");
            if (p.length == 4 && p[0].equals("relations") && p[1].equals("patronage")) {
                var list = s.relations().patronage();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).proxy().equals(p[2])) return List.of("relations.patronage." + i + "." + p[3]);
                }
            }
            if (p.length == 4 && p[0].equals("relations") && p[1].equals("restraint")) {
                var list = s.relations().restraint();
                List<String> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).by().equals(p[2])) out.add("relations.restraint." + i + "." + p[3]);
                }
                if (!out.isEmpty()) return out;
            }
            return List.of(path);
        }

        /** The unit coordinate of a value written for a factor: a number in its range, or one of its levels. */
        private Double unitOf(Distribution d, List<String> levels, Node.Scalar v, String path) {
            if (d.kind() == Distribution.Kind.DISCRETE) {
                int at = levels.indexOf(v.text());
                if (at < 0 && v.kind() == Node.ScalarKind.NUMBER) {
                    for (int l = 0; l < levels.size(); l++) {
                        try {
                            if (Double.parseDouble(levels.get(l)) == Double.parseDouble(v.text())) at = l;
                        } catch (NumberFormatException ignored) {
                            // a text level is not a number
                        }
                    }
                }
                if (at < 0) {
                    problems.add(new Problem(v.position(), path, "expected one of the factor's levels " + String.join(", ", levels) + ", found " + v.shape()));
                    return null;
                }
                return (at + 0.5) / levels.size();
            }
            double x;
            try {
                x = v.kind() == Node.ScalarKind.NUMBER ? Double.parseDouble(v.text()) : Double.NaN;
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (Double.isNaN(x) || !d.contains(x)) {
                problems.add(new Problem(v.position(), path, "expected a number in the factor's range (" + d + "), found " + v.shape()));
                return null;
            }
            return Math.min(1, Math.max(0, d.unit(x)));
        }

        private DesignChoice design(List<Factor> factors, boolean complete) {
            if (!(root.get("design") instanceof Node.Mapping m) || !(m.get("kind") instanceof Node.Scalar k)) return null;
            String kind = k.text();
            String path = "design";
            switch (kind) {
                case "full_factorial" -> {
                    int levels = (int) number(m, "levels", 3);
                    long size = 1;
                    for (Factor f : factors) {
                        size *= f.discrete() ? f.levels().size() : levels;
                        if (size > 100_000_000L) {
                            problems.add(new Problem(m.position(), path, "a full factorial of these factors has more than 100,000,000 points; "
                                    + "use fewer levels or a sampling design"));
                            return null;
                        }
                    }
                    return new DesignChoice(kind, (int) size, levels, null);
                }
                case "list" -> {
                    List<Node> points = items(m.get("points"));
                    double[][] unit = new double[points.size()][];
                    Map<String, Integer> index = new LinkedHashMap<>();
                    for (int f = 0; f < factors.size(); f++) index.put(factors.get(f).name(), f);
                    for (int i = 0; i < points.size(); i++) {
                        if (!(points.get(i) instanceof Node.Mapping pm) || !complete) return null;
                        double[] u = new double[factors.size()];
                        for (int f = 0; f < u.length; f++) u[f] = factors.get(f).baselineUnit();
                        for (var e : pm.entries().entrySet()) {
                            Integer f = index.get(e.getKey());
                            String at = path + ".points[" + i + "]." + e.getKey();
                            if (f == null) {
                                problems.add(new Problem(pm.keyPosition(e.getKey()), at, "unknown factor '" + e.getKey() + "'"
                                        + escalation.spec.Suggest.didYouMean(e.getKey(), index.keySet()) + "; factors: " + String.join(", ", index.keySet())));
                                continue;
                            }
                            if (!(e.getValue() instanceof Node.Scalar v)) continue;
                            Factor fa = factors.get(f);
                            Double uu = unitOf(fa.distribution(), fa.levels(), v, at);
                            if (uu != null) u[f] = uu;
                        }
                        unit[i] = u;
                    }
                    return new DesignChoice(kind, points.size(), 0, unit);
                }
                case "latin_hypercube" -> {
                    return new DesignChoice(kind, (int) number(m, "points", 1), 0, null);
                }
                case "sobol" -> {
                    return new DesignChoice(kind, (int) number(m, "samples", 2), 0, null);
                }
                case "morris" -> {
                    int levels = (int) number(m, "levels", 4);
                    if (levels % 2 != 0) problems.add(new Problem(m.get("levels").position(), path + ".levels", "expected an even number of levels, found " + levels));
                    return new DesignChoice(kind, (int) number(m, "trajectories", 2), levels, null);
                }
                default -> {
                    return new DesignChoice("one_at_a_time", 0, (int) number(m, "levels", 5), null);
                }
            }
        }

        private Discovery discovery(List<Outcome> outcomes) {
            if (!(root.get("discovery") instanceof Node.Mapping m) || !(m.get("outcome") instanceof Node.Scalar o)) return null;
            Outcome target = outcomes.stream().filter(x -> x.name().equals(o.text())).findFirst().orElse(null);
            if (target == null) {
                problems.add(new Problem(o.position(), "discovery.outcome", "no outcome '" + o.text() + "'; outcomes: "
                        + String.join(", ", outcomes.stream().map(Outcome::name).toList())));
            }
            Double above = m.get("above") instanceof Node.Scalar a && a.kind() == Node.ScalarKind.NUMBER ? Double.parseDouble(a.text()) : null;
            if (target != null && above == null && !target.binary()) {
                problems.add(new Problem(o.position(), "discovery.above", "outcome '" + o.text() + "' is not yes or no; say which points are "
                        + "cases of interest with above: VALUE"));
            }
            return new Discovery(o.text(), above, number(m, "peel", 0.05), number(m, "min_mass", 0.05), number(m, "min_coverage", 0.5),
                    (int) number(m, "tree_depth", 3));
        }

        private Map<String, List<String>> groups(ScenarioLoader.Resolved scenario) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            if (!(root.get("groups") instanceof Node.Mapping gm)) return groups;
            Set<String> actors = scenario == null ? Set.of() : actorIds(scenario.scenario());
            for (var e : gm.entries().entrySet()) {
                if (actors.contains(e.getKey())) {
                    problems.add(new Problem(gm.keyPosition(e.getKey()), "groups." + e.getKey(), "a group may not take an actor's id"));
                }
                groups.put(e.getKey(), texts(e.getValue()));
            }
            return groups;
        }

        private static Set<String> actorIds(Records.Scenario s) {
            Set<String> ids = new LinkedHashSet<>();
            s.actors().forEach(a -> ids.add(a.id()));
            return ids;
        }

        private Outcome outcome(Node n, String path, Set<String> names, ScenarioLoader.Resolved scenario, Map<String, List<String>> groups) {
            if (!(n instanceof Node.Mapping m)) return null;
            String name = name(m, path, names);
            List<String> kinds = new ArrayList<>();
            for (String k : ExperimentSpec.OUTCOME_KINDS) {
                Node v = m.get(k);
                if (v != null && !(v instanceof Node.Scalar s && s.kind() == Node.ScalarKind.BOOLEAN && !Boolean.parseBoolean(s.text()))) kinds.add(k);
            }
            if (kinds.size() != 1) {
                problems.add(new Problem(m.position(), path, "expected exactly one of: " + String.join(", ", ExperimentSpec.OUTCOME_KINDS)
                        + (kinds.isEmpty() ? "" : "; found " + String.join(", ", kinds))));
                return null;
            }
            if (scenario == null || name == null) return null;
            Records.Scenario s = scenario.scenario();
            Double above = m.get("above") instanceof Node.Scalar a && a.kind() == Node.ScalarKind.NUMBER ? Double.parseDouble(a.text()) : null;
            String kind = kinds.get(0);
            List<String> by = actors(m, "by", path, s, groups);
            List<String> against = actors(m, "against", path, s, groups);
            for (String key : List.of("measure", "from", "to", "base", "where")) {
                if (!kind.equals("statistic") && m.get(key) != null) {
                    problems.add(new Problem(m.keyPosition(key), path + "." + key, "only a statistic takes " + key));
                }
            }
            if ((kind.equals("max_level") || kind.equals("end_level") || kind.equals("threshold")) && (m.get("by") != null || m.get("against") != null)) {
                problems.add(new Problem(m.position(), path, "only a total or a statistic takes by and against"));
            }
            if (kind.equals("threshold") && above != null) {
                problems.add(new Problem(m.keyPosition("above"), path + ".above", "a threshold is already yes or no"));
            }
            switch (kind) {
                case "threshold" -> {
                    String id = scalar(m.get("threshold"));
                    if (id == null) return null;
                    List<String> ids = s.thresholds().stream().map(Records.Threshold::id).toList();
                    if (!ids.contains(id)) {
                        problems.add(new Problem(m.get("threshold").position(), path + ".threshold", "no threshold '" + id + "' in the scenario"
                                + escalation.spec.Suggest.didYouMean(id, ids) + "; thresholds: " + String.join(", ", ids)));
                        return null;
                    }
                    return new Outcome(name, Outcome.Kind.THRESHOLD, id, null, List.of(), List.of(), null, null);
                }
                case "total" -> {
                    String measure = scalar(m.get("total"));
                    if (!ExperimentSpec.MEASURES.contains(measure)) return null;
                    return new Outcome(name, Outcome.Kind.TOTAL, null, measure, by, against, null, above);
                }
                case "max_level" -> {
                    return new Outcome(name, Outcome.Kind.MAX_LEVEL, null, null, List.of(), List.of(), null, above);
                }
                case "end_level" -> {
                    return new Outcome(name, Outcome.Kind.END_LEVEL, null, null, List.of(), List.of(), null, above);
                }
                default -> {
                    Target t = statistic(m, path, name, s, by, against);
                    if (t == null) return null;
                    try {
                        new Statistic(t, new Theatre(s, true));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(m.position(), path, e.getMessage()));
                        return null;
                    }
                    return new Outcome(name, Outcome.Kind.STATISTIC, null, null, by, against, t, above);
                }
            }
        }

        private Target statistic(Node.Mapping m, String path, String name, Records.Scenario s, List<String> by, List<String> against) {
            Target.Kind kind = Target.Kind.of(String.valueOf(scalar(m.get("statistic"))));
            if (kind == null) return null;
            String measure = m.get("measure") instanceof Node.Scalar ms ? ms.text() : kind == Target.Kind.INTERCEPTION_SHARE ? "weapons" : "attacks";
            LocalDate from = date(m, "from", path, s, s.calendar().start());
            LocalDate to = date(m, "to", path, s, s.calendar().end());
            LocalDate baseFrom = null;
            LocalDate baseTo = null;
            if (kind == Target.Kind.RATIO) {
                if (m.get("base") instanceof Node.Mapping b) {
                    baseFrom = date(b, "from", path + ".base", s, null);
                    baseTo = date(b, "to", path + ".base", s, null);
                } else {
                    problems.add(new Problem(m.position(), path + ".base", "a ratio needs the base window it is compared with: base: {from: DATE, to: DATE}"));
                }
            } else if (m.get("base") != null) {
                problems.add(new Problem(m.get("base").position(), path + ".base", "only a ratio has a base window"));
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new Problem(m.get("to").position(), path + ".to", "expected a date on or after " + from));
                return null;
            }
            if (from == null || to == null || (kind == Target.Kind.RATIO && (baseFrom == null || baseTo == null))) return null;
            List<String> all = new ArrayList<>(actorIds(s));
            return new Target(name, kind, by.isEmpty() ? all : by, against.isEmpty() ? all : against, measure, from, to, baseFrom, baseTo,
                    0, 0, 0, null, texts(m.get("where")));
        }

        private LocalDate date(Node.Mapping m, String key, String path, Records.Scenario s, LocalDate otherwise) {
            if (!(m.get(key) instanceof Node.Scalar v)) return otherwise;
            LocalDate d = Spec.Date.parse(v.text());
            if (d == null) return null;
            if (d.isBefore(s.calendar().start()) || d.isAfter(s.calendar().end())) {
                problems.add(new Problem(v.position(), path + "." + key, "date " + d + " is outside the scenario's calendar "
                        + s.calendar().start() + " to " + s.calendar().end()));
                return null;
            }
            return d;
        }

        private List<String> actors(Node.Mapping m, String key, String path, Records.Scenario s, Map<String, List<String>> groups) {
            Set<String> ids = actorIds(s);
            List<String> out = new ArrayList<>();
            if (!(m.get(key) instanceof Node.Sequence seq)) return List.of();
            for (Node item : seq.items()) {
                if (!(item instanceof Node.Scalar v)) continue;
                if (groups.containsKey(v.text())) {
                    for (String a : groups.get(v.text())) {
                        if (ids.contains(a)) out.add(a);
                        else problems.add(new Problem(item.position(), path + "." + key, "group '" + v.text() + "' names unknown actor '" + a + "'"));
                    }
                } else if (ids.contains(v.text())) {
                    out.add(v.text());
                } else {
                    Set<String> known = new LinkedHashSet<>(ids);
                    known.addAll(groups.keySet());
                    problems.add(new Problem(item.position(), path + "." + key, "unknown actor or group '" + v.text() + "'"
                            + escalation.spec.Suggest.didYouMean(v.text(), known) + "; actors: " + String.join(", ", ids)
                            + (groups.isEmpty() ? "" : "; groups: " + String.join(", ", groups.keySet()))));
                }
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }

        /** A factor's or outcome's name: an id, not taken, not a column the tables use themselves. */
        private String name(Node.Mapping m, String path, Set<String> names) {
            if (!(m.get("name") instanceof Node.Scalar s) || s.kind() == Node.ScalarKind.NULL) return null;
            String name = s.text();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problems.add(new Problem(s.position(), path + ".name", "a name is a column of the tables: it must start with a letter and use "
                        + "only letters, digits and _, found '" + name + "'"));
                return null;
            }
            if (RESERVED.contains(name)) {
                problems.add(new Problem(s.position(), path + ".name", "'" + name + "' is a column the tables already have; reserved: "
                        + String.join(", ", RESERVED.stream().sorted().toList())));
                return null;
            }
            if (!names.add(name)) {
                problems.add(new Problem(s.position(), path + ".name", "name '" + name + "' is taken by another factor or outcome"));
                return null;
            }
            return name;
        }

        /** A scalar's text, or null for anything else. */
        private static String scalar(Node n) {
            return n instanceof Node.Scalar s && s.kind() != Node.ScalarKind.NULL ? s.text() : null;
        }

        private static List<Node> items(Node n) {
            return n instanceof Node.Sequence s ? s.items() : List.of();
        }

        private static List<String> texts(Node n) {
            List<String> out = new ArrayList<>();
            for (Node item : items(n)) {
                if (item instanceof Node.Scalar s && s.kind() != Node.ScalarKind.NULL) out.add(s.text());
            }
            return out;
        }

        private static double[] numbers(Node n) {
            List<Node> items = items(n);
            double[] out = new double[items.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(items.get(i) instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.NUMBER) return null;
                out[i] = Double.parseDouble(s.text());
            }
            return out;
        }

        private static double number(Node.Mapping m, String key, double otherwise) {
            if (m.get(key) instanceof Node.Scalar s && s.kind() == Node.ScalarKind.NUMBER) {
                try {
                    return Double.parseDouble(s.text());
                } catch (NumberFormatException e) {
                    return otherwise;
                }
            }
            return otherwise;
        }

        /** A text level as a YAML double-quoted scalar, so that it is set as the text it is. */
        private static String quote(String t) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : t.toCharArray()) {
                if (c == '"' || c == '\\') b.append('\\').append(c);
                else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                else b.append(c);
            }
            return b.append('"').toString();
        }
    }
}
