package escalation.scenario;

import escalation.scenario.Records.Actor;
import escalation.scenario.Records.Scenario;
import escalation.spec.ScenarioSpec;
import escalation.spec.Spec;
import escalation.spec.Suggest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scenario file (plus its {@code extends:} chain and command-line overrides) into a
 * validated {@link Scenario}, or a {@link ScenarioException} listing every problem at once.
 */
public final class ScenarioLoader {
    private static final int MAX_EXTENDS_DEPTH = 16;
    private final YamlReader reader = new YamlReader();

    public Scenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /** Loads {@code file}, applies {@code overrides} ("path=value"), validates and binds. */
    public Scenario load(Path file, List<String> overrides) throws ScenarioException {
        return loadResolved(file, overrides).scenario();
    }

    /** A scenario and the tree it was bound from, after extends and overrides: exactly what ran. */
    public record Resolved(Node tree, Scenario scenario) { }

    public Resolved loadResolved(Path file, List<String> overrides) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Node tree = resolve(file, new ArrayList<>(), problems);
        // Every override that can be applied is, so that the problems of the others and of the values set are listed together.
        tree = Overrides.apply(tree, overrides, reader, problems);
        return new Resolved(tree, bind(tree, file.toString(), problems));
    }

    /**
     * Applies further overrides to an already resolved scenario and validates the result, without
     * reading any file again (a calibration tries many parameter sets on one scenario).
     */
    public Resolved override(Resolved base, String source, List<String> overrides) throws ScenarioException {
        Node tree = Overrides.apply(base.tree(), overrides, reader);
        return new Resolved(tree, bind(tree, source, List.of()));
    }

    /** Loads a scenario from text (a resolved scenario saved with a batch, say); {@code name} is used in messages. */
    public Scenario loadText(String name, String text) throws ScenarioException {
        Node tree = reader.read(name, text);
        if (tree instanceof Node.Mapping m && m.get("extends") != null) {
            throw new ScenarioException(List.of(new Problem(m.get("extends").position(), "extends",
                    "a scenario read from text cannot extend another file")));
        }
        return bind(tree, name, List.of());
    }

    /** The merged tree of a file and its ancestors, as the model will see it (before overrides). */
    public Node resolve(Path file) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Node tree = resolve(file, new ArrayList<>(), problems);
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return tree;
    }

    /**
     * Reads {@code file} and merges it over its ancestors; problems with {@code merge:} lists are added
     * to {@code problems} (to be listed with the others), problems that stop reading are thrown.
     */
    private Node resolve(Path file, List<Path> chain, List<Problem> problems) throws ScenarioException {
        Path real = canonical(file);
        if (chain.contains(real)) {
            List<String> names = new ArrayList<>();
            chain.subList(chain.indexOf(real), chain.size()).forEach(p -> names.add(p.getFileName().toString()));
            names.add(real.getFileName().toString());
            throw new ScenarioException(List.of(new Problem(new Node.Position(file.toString(), 1, 1), "extends",
                    "cycle of extends: " + String.join(" -> ", names))));
        }
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            throw new ScenarioException(List.of(new Problem(new Node.Position(file.toString(), 1, 1), "extends",
                    "extends chain deeper than " + MAX_EXTENDS_DEPTH)));
        }
        Node node = reader.read(file);
        if (!(node instanceof Node.Mapping)) {
            // Never the contents: a file that is not a scenario may be one that should not be shown.
            throw new ScenarioException(List.of(new Problem(new Node.Position(file.toString(), 1, 1), "",
                    "not a scenario: expected a YAML mapping of scenario keys, found " + kind(node))));
        }
        if (!(node instanceof Node.Mapping m) || !(m.get("extends") instanceof Node.Scalar parentName)) {
            if (node instanceof Node.Mapping m2 && m2.get("extends") != null) {
                throw new ScenarioException(List.of(new Problem(m2.get("extends").position(), "extends",
                        "expected the path of a scenario file, found " + m2.get("extends").shape())));
            }
            return new Inheritance(false, problems).merge(null, node, ScenarioSpec.ROOT, "");
        }
        Path parentPath;
        try {
            parentPath = file.getParent() == null ? Path.of(parentName.text()) : file.getParent().resolve(parentName.text());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(List.of(new Problem(parentName.position(), "extends",
                    "expected the path of a scenario file (.yaml or .yml), found text that is not a usable path")));
        }
        if (!YamlReader.isYamlName(parentPath)) {
            throw new ScenarioException(List.of(new Problem(parentName.position(), "extends",
                    "expected the path of a scenario file ending in .yaml or .yml; other files are not read")));
        }
        List<Path> next = new ArrayList<>(chain);
        next.add(real);
        Node parent;
        try {
            parent = resolve(parentPath, next, problems);
        } catch (ScenarioException e) {
            if (e.problems().size() == 1 && e.problems().get(0).message().equals("no such scenario file")) {
                throw new ScenarioException(List.of(new Problem(parentName.position(), "extends",
                        "no such scenario file: " + parentPath)));
            }
            throw e;
        }
        Map<String, Node> own = new LinkedHashMap<>(m.entries());
        own.remove("extends");
        Map<String, Node.Position> keys = new LinkedHashMap<>(m.keyPositions());
        keys.remove("extends");
        return new Inheritance(true, problems).merge(parent, new Node.Mapping(own, keys, m.position()), ScenarioSpec.ROOT, "");
    }

    /** What a node is, without its contents. */
    private static String kind(Node n) {
        return n instanceof Node.Sequence ? "a list" : n instanceof Node.Scalar ? "a single value" : "a mapping";
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    // ------------------------------------------------------------------ validation and binding

    /** Validates and binds {@code tree}; {@code earlier} problems (of merging, say) are listed with those found here. */
    Scenario bind(Node tree, String source, List<Problem> earlier) throws ScenarioException {
        Spec.Checker checker = new Spec.Checker();
        ScenarioSpec.ROOT.check(tree, "", checker);
        checkReferences(tree, checker);
        List<Problem> problems = new ArrayList<>(earlier);
        problems.addAll(checker.problems());
        Scenario s;
        try {
            s = Binder.bind(new View(tree, ScenarioSpec.ROOT), source);
            Semantics.check(s, tree, problems);
        } catch (RuntimeException e) {
            // Only possible when shape or reference problems were found: a value that is not even of the right
            // type cannot be bound, and the checks that need the whole scenario wait until it is fixed.
            if (problems.isEmpty()) throw e;
            throw new ScenarioException(problems);
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return s;
    }

    /** Checks every id reference against the ids the scenario declares. */
    private static void checkReferences(Node tree, Spec.Checker checker) {
        Map<String, Set<String>> declared = new HashMap<>();
        if (!(tree instanceof Node.Mapping root)) return;
        declared.put(ScenarioSpec.ACTOR, keys(root.get("actors")));
        declared.put(ScenarioSpec.WEAPON, keys(root.get("weapons")));
        declared.put(ScenarioSpec.FRONT, keys(root.get("fronts")));
        Set<String> rungs = new LinkedHashSet<>();
        if (root.get("ladder") instanceof Node.Sequence ladder) {
            rungs.addAll(ids(ladder, "id"));
        } else {
            DefaultLadder.RUNGS.forEach(r -> rungs.add(r.id()));
        }
        declared.put(ScenarioSpec.RUNG, rungs);
        Set<String> nodes = new LinkedHashSet<>();
        Set<String> links = new LinkedHashSet<>();
        if (root.get("corridor") instanceof Node.Mapping corridor) {
            if (corridor.get("nodes") instanceof Node.Sequence ns) {
                ns.items().forEach(n -> { if (n instanceof Node.Scalar s) nodes.add(s.text()); });
            }
            if (corridor.get("links") instanceof Node.Sequence ls) links.addAll(ids(ls, "id"));
        }
        declared.put(ScenarioSpec.NODE, nodes);
        declared.put(ScenarioSpec.LINK, links);
        for (Spec.Checker.Reference r : checker.references()) {
            Set<String> ids = declared.getOrDefault(r.kind(), Set.of());
            if (!ids.contains(r.value().text())) {
                String known = ids.isEmpty() ? "none is declared" : "declared: " + String.join(", ", ids.stream().map(ScenarioLoader::brief).toList());
                checker.problem(r.value(), r.path(), "undeclared " + r.kind() + " '" + brief(r.value().text()) + "'"
                        + Suggest.didYouMean(r.value().text(), ids) + "; " + known);
            }
        }
    }

    /** An id as messages show it: a long one is cut, so that a message never runs to pages. */
    static String brief(String id) {
        return id.length() <= 60 ? id : id.substring(0, 40) + "...(" + id.length() + " characters)";
    }

    private static Set<String> keys(Node n) {
        return n instanceof Node.Mapping m ? new LinkedHashSet<>(m.entries().keySet()) : new LinkedHashSet<>();
    }

    private static Set<String> ids(Node.Sequence seq, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (Node item : seq.items()) {
            if (item instanceof Node.Mapping m && m.get(key) instanceof Node.Scalar s) out.add(s.text());
        }
        return out;
    }

    /** Finds the node at a dotted path ("actors.kh.actions[1].target"), or the nearest ancestor. */
    static Node find(Node root, String path) {
        Node cur = root;
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) continue;
            String key = part;
            List<Integer> indexes = new ArrayList<>();
            int b = part.indexOf('[');
            if (b >= 0) {
                key = part.substring(0, b);
                for (String ix : part.substring(b + 1).split("\\]\\[?")) {
                    if (!ix.isEmpty()) indexes.add(Integer.parseInt(ix.replace("]", "")));
                }
            }
            if (!(cur instanceof Node.Mapping m) || m.get(key) == null) return cur;
            cur = m.get(key);
            for (int i : indexes) {
                if (!(cur instanceof Node.Sequence s) || i >= s.items().size()) return cur;
                cur = s.items().get(i);
            }
        }
        return cur;
    }

    /** Dates, targets, action ids and settable paths: what can only be checked on the whole scenario. */
    static final class Semantics {
        private Semantics() { }

        static void check(Scenario s, Node tree, List<Problem> out) {
            Node.Mapping root = (Node.Mapping) tree;
            LocalDate start = s.calendar().start();
            LocalDate end = s.calendar().end();
            if (!end.isAfter(start) && !end.isEqual(start)) {
                out.add(at(tree, "calendar.end", "expected a date on or after the start " + start + ", found " + end));
            } else if (end.isAfter(start.plusYears(20))) {
                out.add(at(tree, "calendar.end", "expected a date at most 20 years after the start " + start));
            }
            for (int i = 0; i < s.calendar().events().size(); i++) {
                Records.Event e = s.calendar().events().get(i);
                checkDate(tree, "calendar.events[" + i + "].date", e.date(), start, end, out);
                checkEffects(s, tree, "calendar.events[" + i + "].effects", e.effects(), out);
            }
            for (int i = 0; i < s.calendar().shocks().size(); i++) {
                Records.Shock shock = s.calendar().shocks().get(i);
                checkDate(tree, "calendar.shocks[" + i + "].from", shock.from(), start, end, out);
                checkDate(tree, "calendar.shocks[" + i + "].to", shock.to(), start, end, out);
                if (shock.to().isBefore(shock.from())) {
                    out.add(at(tree, "calendar.shocks[" + i + "].to", "expected a date on or after 'from' " + shock.from() + ", found " + shock.to()));
                }
                checkEffects(s, tree, "calendar.shocks[" + i + "].effects", s.calendar().shocks().get(i).effects(), out);
            }
            checkClassroom(s, tree, out);
            Set<String> seenRungs = new HashSet<>();
            for (int i = 0; i < s.ladder().size(); i++) {
                Records.Rung r = s.ladder().get(i);
                if (!seenRungs.add(r.id())) out.add(at(tree, "ladder[" + i + "].id", "duplicate rung id '" + r.id() + "'"));
                if (i > 0 && r.intensity() <= s.ladder().get(i - 1).intensity()) {
                    out.add(at(tree, "ladder[" + i + "].intensity", "expected an intensity above the previous rung's "
                            + s.ladder().get(i - 1).intensity() + ", found " + r.intensity()));
                }
            }
            Map<String, Set<String>> mayTarget = new HashMap<>();
            for (Records.Adversaries a : s.relations().adversaries()) {
                mayTarget.computeIfAbsent(a.actor(), k -> new HashSet<>()).addAll(a.targets());
            }
            for (Actor a : s.actors()) {
                String p = "actors." + a.id();
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < a.actions().size(); i++) {
                    Records.Action act = a.actions().get(i);
                    String ap = p + ".actions[" + i + "]";
                    if (!ids.add(act.id())) out.add(at(tree, ap + ".id", "duplicate action id '" + act.id() + "'"));
                    if (!mayTarget.getOrDefault(a.id(), Set.of()).contains(act.target())) {
                        out.add(at(tree, ap + ".target", a.id() + " may not target '" + act.target()
                                + "': add it to relations.adversaries for " + a.id()));
                    }
                    Records.Rung rung = s.ladder().get(s.rungIndex(act.rung()));
                    if (rung.kinetic() && act.weapon() == null && act.corridor().isEmpty()) {
                        out.add(at(tree, ap, "an action on the kinetic rung '" + rung.id() + "' needs a weapon or corridor links"));
                    }
                    if (!rung.kinetic() && act.weapon() != null) {
                        out.add(at(tree, ap + ".weapon", "a signal on the non-kinetic rung '" + rung.id() + "' launches no weapon"));
                    }
                    if (act.weapon() != null && !a.arsenal().containsKey(act.weapon())) {
                        out.add(at(tree, ap + ".weapon", a.id() + " has no '" + act.weapon() + "' in its arsenal"
                                + Suggest.didYouMean(act.weapon(), a.arsenal().keySet())));
                    }
                }
                if (a.rule() != null && a.rule().answers() && a.response() != null) {
                    out.add(at(tree, p + ".response", "the rule '" + a.rule().kind() + "' already answers attacks; give either an answering rule or a response"));
                }
                if (a.rule() != null) {
                    List<Records.ScriptedAction> script = a.rule().script();
                    for (int i = 0; i < script.size(); i++) {
                        String sp = p + ".rule.actions[" + i + "]";
                        checkDate(tree, sp + ".date", script.get(i).date(), start, end, out);
                        checkAction(a, script.get(i).action(), tree, sp + ".action", out);
                    }
                }
            }
            if (s.fronts().size() > 63) {
                out.add(at(tree, "fronts", "expected at most 63 fronts, found " + s.fronts().size()));
            }
            Set<String> thresholdIds = new HashSet<>();
            for (int i = 0; i < s.thresholds().size(); i++) {
                if (!thresholdIds.add(s.thresholds().get(i).id())) {
                    out.add(at(tree, "thresholds[" + i + "].id", "duplicate threshold id '" + s.thresholds().get(i).id() + "'"));
                }
            }
            Set<String> proxies = new HashSet<>();
            for (int i = 0; i < s.relations().patronage().size(); i++) {
                if (!proxies.add(s.relations().patronage().get(i).proxy())) {
                    out.add(at(tree, "relations.patronage[" + i + "].proxy", "a proxy has one patron; '"
                            + s.relations().patronage().get(i).proxy() + "' is listed twice"));
                }
            }
            if (root.get("corridor") != null) {
                Set<String> linkIds = new HashSet<>();
                for (int i = 0; i < s.corridor().links().size(); i++) {
                    if (!linkIds.add(s.corridor().links().get(i).id())) {
                        out.add(at(tree, "corridor.links[" + i + "].id", "duplicate link id"));
                    }
                }
            }
        }

        private static void checkClassroom(Scenario s, Node tree, List<Problem> out) {
            List<String> settable = SettablePaths.all(s);
            for (int i = 0; i < s.classroom().levers().size(); i++) {
                Records.Lever l = s.classroom().levers().get(i);
                String lp = "classroom.levers[" + i + "]";
                if (!(l.min() < l.max())) out.add(at(tree, lp + ".max", "expected a value above min " + l.min() + ", found " + l.max()));
                if (!(l.step() > 0)) out.add(at(tree, lp + ".step", "expected a step above 0, found " + l.step()));
                for (int k = 0; k < l.paths().size(); k++) {
                    String path = l.paths().get(k);
                    if (!settable.contains(path)) {
                        out.add(at(tree, lp + ".paths[" + k + "]", "not a settable parameter: '" + path + "'"
                                + Suggest.didYouMean(path, settable) + "; see 'Settable paths' in docs/scenarios.md"));
                    } else if (k == 0 && l.min() < l.max()) {
                        double v = SettablePaths.valueIn(s, path);
                        if (v < l.min() || v > l.max()) {
                            out.add(at(tree, lp, "the scenario's value " + v + " of " + path + " lies outside [" + l.min() + ", " + l.max() + "]"));
                        }
                    }
                }
            }
            for (int i = 0; i < s.classroom().shocks().size(); i++) {
                checkEffects(s, tree, "classroom.shocks[" + i + "].effects", s.classroom().shocks().get(i).effects(), out);
            }
        }

        private static void checkEffects(Scenario s, Node tree, String path, List<Records.Effect> effects, List<Problem> out) {
            List<String> settable = SettablePaths.all(s);
            for (int i = 0; i < effects.size(); i++) {
                String ep = path + "[" + i + "]";
                Records.Effect e = effects.get(i);
                if (e instanceof Records.SetParameters set) {
                    Node.Mapping m = (Node.Mapping) find(tree, ep + ".set");
                    for (String key : set.values().keySet()) {
                        if (!settable.contains(key)) {
                            out.add(new Problem(m.keyPosition(key), ep + ".set." + key, "not a settable parameter"
                                    + Suggest.didYouMean(key, settable) + "; see 'Settable paths' in docs/scenarios.md"));
                        }
                    }
                } else if (e instanceof Records.Perform perf) {
                    checkAction(s.actors().get(s.actorIndex(perf.actor())), perf.action(), tree, ep + ".perform.action", out);
                } else if (e instanceof Records.Order o) {
                    boolean isPatron = s.relations().patronage().stream().anyMatch(pt -> pt.patron().equals(o.patron()));
                    if (!isPatron) out.add(at(tree, ep + ".order.patron", "'" + o.patron() + "' is no patron in relations.patronage"));
                }
            }
        }

        private static void checkAction(Actor a, String action, Node tree, String path, List<Problem> out) {
            if (a.action(action) == null) {
                List<String> ids = a.actions().stream().map(Records.Action::id).toList();
                out.add(at(tree, path, "undeclared action '" + action + "' of " + a.id() + Suggest.didYouMean(action, ids)
                        + "; declared: " + (ids.isEmpty() ? "none" : String.join(", ", ids))));
            }
        }

        private static void checkDate(Node tree, String path, LocalDate d, LocalDate start, LocalDate end, List<Problem> out) {
            if (d.isBefore(start) || d.isAfter(end)) {
                out.add(at(tree, path, "date " + d + " is outside the calendar " + start + " to " + end));
            }
        }

        private static Problem at(Node tree, String path, String message) {
            return new Problem(find(tree, path).position(), path, message);
        }
    }
}
