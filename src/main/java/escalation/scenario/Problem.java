package escalation.scenario;

/**
 * One thing wrong with a scenario: where it is, which field, and what was expected.
 * Rendered as {@code file:line:column: field.path: message}, the form editors and compilers use.
 */
public record Problem(Node.Position position, String path, String message) implements Comparable<Problem> {

    @Override public String toString() {
        String where = position == null ? "<command line>" : position.toString();
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }

    @Override public int compareTo(Problem o) {
        if (position == null || o.position == null) {
            return position == null ? (o.position == null ? 0 : -1) : 1;
        }
        int c = position.file().compareTo(o.position.file());
        if (c == 0) c = Integer.compare(position.line(), o.position.line());
        if (c == 0) c = Integer.compare(position.column(), o.position.column());
        return c;
    }
}
