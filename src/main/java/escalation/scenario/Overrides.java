package escalation.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line overrides, {@code path=value}: {@code actors.israel.rule.threshold=0.4} or
 * {@code calendar.events.0.date=2024-10-02}. The value is read as YAML, so numbers, booleans,
 * dates and even {@code [a, b]} lists work; the result is validated like the file itself.
 */
final class Overrides {
    private Overrides() { }

    static Node apply(Node tree, List<String> overrides, YamlReader reader) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Node out = apply(tree, overrides, reader, problems);
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /** Applies every override that can be applied; the problems of the others are added to {@code problems}, all of them. */
    static Node apply(Node tree, List<String> overrides, YamlReader reader, List<Problem> problems) {
        for (String o : overrides) {
            int eq = o.indexOf('=');
            String source = "--set " + o;
            if (eq <= 0) {
                problems.add(new Problem(new Node.Position(source, 1, 1), "", "expected path=value"));
                continue;
            }
            String path = o.substring(0, eq).strip();
            if (path.equals("extends") || path.startsWith("extends.")) {
                // The parent is read before any override applies, so a new one could only be recorded, never used.
                problems.add(new Problem(new Node.Position(source, 1, 1), "extends",
                        "extends cannot be set on the command line: the file's ancestors are read before overrides apply; "
                                + "write extends: in a scenario file"));
                continue;
            }
            Node value;
            try {
                value = relocate(reader.read(source, o.substring(eq + 1)), source, eq + 2);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
                continue;
            }
            try {
                tree = set(tree, path.split("\\."), 0, value, source);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(new Node.Position(source, 1, 1), path, e.getMessage()));
            }
        }
        return tree;
    }

    private static Node set(Node node, String[] parts, int i, Node value, String source) {
        if (i == parts.length) return value;
        String key = parts[i];
        if (node instanceof Node.Sequence seq) {
            int index;
            try {
                index = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + key + "' is not a list index");
            }
            if (index < 0 || index >= seq.items().size()) {
                throw new IllegalArgumentException("index " + index + " is outside the list of " + seq.items().size());
            }
            List<Node> items = new ArrayList<>(seq.items());
            items.set(index, set(items.get(index), parts, i + 1, value, source));
            return new Node.Sequence(items, seq.position());
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.Position> keys = new LinkedHashMap<>();
        Node.Position at = node.position();
        if (node instanceof Node.Mapping m) {
            entries.putAll(m.entries());
            keys.putAll(m.keyPositions());
        } else if (!(node instanceof Node.Scalar s && s.kind() == Node.ScalarKind.NULL)) {
            throw new IllegalArgumentException("'" + String.join(".", java.util.Arrays.copyOf(parts, i)) + "' is " + node.shape() + ", not a mapping");
        }
        Node child = entries.get(key);
        Node empty = new Node.Mapping(Map.of(), Map.of(), new Node.Position(source, 1, 1));
        entries.put(key, set(child == null ? empty : child, parts, i + 1, value, source));
        keys.put(key, new Node.Position(source, 1, 1));
        return new Node.Mapping(entries, keys, at);
    }

    /** Shifts positions so that columns point into the whole "--set path=value" text. */
    private static Node relocate(Node n, String source, int column) {
        Node.Position p = new Node.Position(source, 1, column);
        if (n instanceof Node.Scalar s) return new Node.Scalar(s.text(), s.kind(), p);
        if (n instanceof Node.Mapping m) return new Node.Mapping(m.entries(), m.keyPositions(), p);
        return new Node.Sequence(((Node.Sequence) n).items(), p);
    }
}
