package escalation.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was read from, so that every problem found later can name the
 * file, line and column. Nodes are immutable once read; merging ({@code extends:}) and
 * command-line overrides build new trees that keep the origin of every value.
 */
public sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {

    Position position();

    /** Short name of the node's shape, for messages ("a number", "a mapping"...). */
    String shape();

    /** What a scalar resolved to in YAML: a quoted "3" is text, a plain 3 a number. */
    enum ScalarKind { TEXT, NUMBER, BOOLEAN, NULL }

    /** A YAML scalar: its text as written and what YAML resolved it to. */
    record Scalar(String text, ScalarKind kind, Position position) implements Node {
        @Override public String shape() {
            return switch (kind) {
                case NULL -> "null";
                case NUMBER -> "the number " + (text.length() <= 40 ? text : text.substring(0, 40) + "...");
                case BOOLEAN -> "the boolean " + text;
                case TEXT -> text.length() <= 60 ? "the text '" + text + "'"
                        : "the text '" + text.substring(0, 40) + "...' (" + text.length() + " characters)";
            };
        }
    }

    /** A YAML mapping; keys keep their own positions for "unknown key" messages. */
    record Mapping(Map<String, Node> entries, Map<String, Position> keyPositions, Position position)
            implements Node {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyPositions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
        }

        @Override public String shape() {
            return "a mapping";
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public Position keyPosition(String key) {
            Position p = keyPositions.get(key);
            return p == null ? position : p;
        }
    }

    /** A YAML sequence. */
    record Sequence(List<Node> items, Position position) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override public String shape() {
            return "a list";
        }
    }

    /** Where a value was written: file, 1-based line and column. */
    record Position(String file, int line, int column) {
        @Override public String toString() {
            return file + ":" + line + ":" + column;
        }
    }
}
