package escalation.spec;

import escalation.scenario.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a value in a scenario file. A tree of specs describes the whole scenario language;
 * the same tree validates files ({@link #check}), supplies defaults, and is exported as a JSON
 * Schema and as the reference in {@code docs/scenarios.md}, so the three cannot disagree.
 */
public abstract sealed class Spec
        permits Spec.Text, Spec.Value, Spec.Num, Spec.Bool, Spec.Date, Spec.MonthDay, Spec.Choice, Spec.Ref,
                Spec.Obj, Spec.MapOf, Spec.ListOf, Spec.Tagged {

    /** Checks {@code node} against this spec, adding a problem for everything wrong. */
    public abstract void check(Node node, String path, Checker checker);

    /** A short description of the expected value, used in messages and docs. */
    public abstract String expected();

    // ------------------------------------------------------------------ scalars

    /** Free text, at most {@link #maxLength} characters (ids, names and labels: {@link #SHORT}). */
    public static final class Text extends Spec {
        /** The bound of names, ids and labels: long enough for any, short enough for messages and folder names. */
        public static final int SHORT = 200;
        public final int maxLength;

        public Text() {
            this(SHORT);
        }

        public Text(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() == Node.ScalarKind.NULL) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            } else if (s.text().length() > maxLength) {
                c.problem(node, path, "expected " + expected() + ", found text of " + s.text().length() + " characters");
            }
        }

        @Override public String expected() {
            return "text of at most " + maxLength + " characters";
        }
    }

    /** Any single value: a number, true or false, or text (a discrete factor's levels). */
    public static final class Value extends Spec {
        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() == Node.ScalarKind.NULL) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            }
        }

        @Override public String expected() {
            return "a number, true or false, or text";
        }
    }

    /** A number, optionally an integer, within [min, max]. */
    public static final class Num extends Spec {
        public final double min;
        public final double max;
        public final boolean integer;

        public Num(double min, double max, boolean integer) {
            this.min = min;
            this.max = max;
            this.integer = integer;
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.NUMBER) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
                return;
            }
            double v;
            try {
                v = Double.parseDouble(s.text());
            } catch (NumberFormatException e) {
                // YAML 1.1 reads 0x10, 0o17 and 1_000 as numbers, which other tools read differently or not at all.
                c.problem(node, path, "expected " + expected() + " written in decimal, found " + s.text());
                return;
            }
            if (integer && (v != Math.rint(v) || Double.isInfinite(v))) {
                c.problem(node, path, "expected a whole number, found " + s.text());
            } else if (Double.isNaN(v) || v < min || v > max) {
                c.problem(node, path, "expected " + expected() + ", found " + s.text());
            }
        }

        public boolean isProbability() {
            return min == 0 && max == 1 && !integer;
        }

        @Override public String expected() {
            if (isProbability()) return "a probability in [0, 1]";
            String kind = integer ? "a whole number" : "a number";
            boolean lo = min != Double.NEGATIVE_INFINITY && min != -Double.MAX_VALUE;
            boolean hi = max != Double.POSITIVE_INFINITY && max != Double.MAX_VALUE;
            if (lo && hi) return kind + " in [" + fmt(min) + ", " + fmt(max) + "]";
            if (lo) return kind + " >= " + fmt(min);
            if (hi) return kind + " <= " + fmt(max);
            return kind;
        }

        static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** true or false. */
    public static final class Bool extends Spec {
        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.BOOLEAN) {
                c.problem(node, path, "expected true or false, found " + node.shape());
            }
        }

        @Override public String expected() {
            return "true or false";
        }
    }

    /** An ISO date, YYYY-MM-DD. */
    public static final class Date extends Spec {
        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.TEXT || parse(s.text()) == null) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            }
        }

        /** Years a calendar may use: wide enough for any history or projection, narrow enough for date arithmetic. */
        public static final int MIN_YEAR = 1900;
        public static final int MAX_YEAR = 2200;

        public static java.time.LocalDate parse(String text) {
            try {
                java.time.LocalDate d = java.time.LocalDate.parse(text);
                return d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR ? null : d;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        @Override public String expected() {
            return "a date YYYY-MM-DD from " + MIN_YEAR + " to " + MAX_YEAR;
        }
    }

    /** A day of the year, MM-DD, for seasons that recur every year. */
    public static final class MonthDay extends Spec {
        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.TEXT || parse(s.text()) == null) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            }
        }

        public static java.time.MonthDay parse(String text) {
            try {
                return java.time.MonthDay.parse("--" + text);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        @Override public String expected() {
            return "a day of the year MM-DD";
        }
    }

    /** One of a fixed set of words. */
    public static final class Choice extends Spec {
        public final List<String> values;

        public Choice(String... values) {
            this.values = List.of(values);
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.TEXT) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            } else if (!values.contains(s.text())) {
                c.problem(node, path, "expected " + expected() + ", found '" + s.text() + "'"
                        + Suggest.didYouMean(s.text(), values));
            }
        }

        @Override public String expected() {
            return "one of " + String.join(", ", values);
        }
    }

    /**
     * The id of something declared elsewhere in the scenario (an actor, a weapon, a rung...).
     * Checked after the whole tree is read, against the ids the scenario declares.
     */
    public static final class Ref extends Spec {
        public final String kind;

        public Ref(String kind) {
            this.kind = kind;
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Scalar s) || s.kind() != Node.ScalarKind.TEXT) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
            } else {
                c.reference(kind, s, path);
            }
        }

        @Override public String expected() {
            return "the id of a declared " + kind;
        }
    }

    // ------------------------------------------------------------------ containers

    /** One field of an object: its spec, whether it must be present, its default and its meaning. */
    public record Field(String name, Spec spec, boolean required, Object defaultValue, String doc) { }

    /** An object with known fields; unknown keys are errors with a did-you-mean. */
    public static final class Obj extends Spec {
        public final String title;
        public final String doc;
        public final Map<String, Field> fields = new LinkedHashMap<>();
        /** When true, exactly one of the fields must be present (a union written as one key). */
        private boolean exactlyOne;

        public Obj(String title, String doc) {
            this.title = title;
            this.doc = doc;
        }

        public Obj req(String name, Spec spec, String doc) {
            fields.put(name, new Field(name, spec, true, null, doc));
            return this;
        }

        public Obj opt(String name, Spec spec, Object defaultValue, String doc) {
            fields.put(name, new Field(name, spec, false, defaultValue, doc));
            return this;
        }

        /** Old names of fields, with their new ones, for a message that says what to write. */
        public final Map<String, String> renamed = new LinkedHashMap<>();

        public Obj renamed(String old, String now) {
            renamed.put(old, now);
            return this;
        }

        public Obj exactlyOne() {
            exactlyOne = true;
            return this;
        }

        public boolean isExactlyOne() {
            return exactlyOne;
        }

        public Field field(String name) {
            return fields.get(name);
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Mapping m)) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
                return;
            }
            checkFields(m, path, c, fields, Set.of());
        }

        void checkFields(Node.Mapping m, String path, Checker c, Map<String, Field> known, Set<String> extra) {
            for (var e : m.entries().entrySet()) {
                String key = e.getKey();
                String sub = join(path, key);
                Field f = known.get(key);
                if (f == null && renamed.containsKey(key)) {
                    c.problem(m.keyPosition(key), sub, "the key '" + key + "' is now '" + renamed.get(key) + "' (YAML 1.1 tools, "
                            + "PyYAML and R's yaml among them, read '" + key + "' as the boolean true)");
                    continue;
                }
                if (f == null) {
                    if (!extra.contains(key)) {
                        // A key that is not even a word is not echoed: the file may be one that should not be shown.
                        boolean word = key.matches("[A-Za-z0-9_.-]{1,64}");
                        c.problem(m.keyPosition(key), word ? sub : path, (word ? "unknown key '" + key + "'"
                                : "an unknown key of " + key.length() + " characters that is not a word")
                                + Suggest.didYouMean(key, known.keySet()) + "; expected one of: "
                                + String.join(", ", known.keySet()));
                    }
                    continue;
                }
                f.spec().check(e.getValue(), sub, c);
            }
            if (exactlyOne) {
                long present = known.keySet().stream().filter(m.entries()::containsKey).count();
                if (present != 1) {
                    c.problem(m, path, "expected exactly one of: " + String.join(", ", known.keySet()));
                }
            }
            for (Field f : known.values()) {
                if (f.required() && !m.entries().containsKey(f.name())) {
                    c.problem(m, join(path, f.name()), "missing required field (" + f.spec().expected() + ")");
                }
            }
        }

        @Override public String expected() {
            return title;
        }
    }

    /** A mapping from ids the scenario chooses to values of one spec (actors, weapons...). */
    public static final class MapOf extends Spec {
        public final String keyKind;
        public final Spec values;
        /** When non-null, keys must be ids of this declared kind. */
        public final String keyRef;

        /** The longest id. */
        public static final int MAX_ID = 64;

        /** When true, keys must look like ids (letters, digits, _). */
        public final boolean idKeys;

        public MapOf(String keyKind, Spec values, String keyRef) {
            this(keyKind, values, keyRef, true);
        }

        public MapOf(String keyKind, Spec values, String keyRef, boolean idKeys) {
            this.keyKind = keyKind;
            this.values = values;
            this.keyRef = keyRef;
            this.idKeys = idKeys;
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Mapping m)) {
                c.problem(node, path, "expected a mapping of " + keyKind + " to " + values.expected()
                        + ", found " + node.shape());
                return;
            }
            for (var e : m.entries().entrySet()) {
                String key = e.getKey();
                if (idKeys && (!key.matches("[A-Za-z][A-Za-z0-9_]*") || key.length() > MAX_ID)) {
                    c.problem(m.keyPosition(key), join(path, key),
                            "an id must start with a letter and use only letters, digits and _, at most " + MAX_ID + " characters");
                }
                if (keyRef != null) {
                    c.reference(keyRef, new Node.Scalar(key, Node.ScalarKind.TEXT, m.keyPosition(key)), join(path, key));
                }
                values.check(e.getValue(), join(path, key), c);
            }
        }

        @Override public String expected() {
            return "a mapping of " + keyKind + " to " + values.expected();
        }
    }

    /**
     * A list of values of one spec. A list whose items are objects identified by one or more of their
     * fields ({@link #identifiedBy}) can be changed item by item in a file that extends another: the
     * file writes {@code {merge: [...]}} instead of the whole list.
     */
    public static final class ListOf extends Spec {
        /** The key of the mapping that stands for a list changed item by item. */
        public static final String MERGE = "merge";
        /** The key of a merged item that removes the parent's item of the same id. */
        public static final String REMOVE = "remove";

        public final Spec items;
        public final int minItems;
        private List<String> itemKey = List.of();

        public ListOf(Spec items, int minItems) {
            this.items = items;
            this.minItems = minItems;
        }

        /**
         * Declares the fields that identify an item (each a required text or id field of the item
         * object), so that {@code merge:} can name the parent's item it changes.
         */
        public ListOf identifiedBy(String... fields) {
            if (!(items instanceof Obj o)) throw new IllegalArgumentException("only a list of objects has items with ids");
            if (o.field(REMOVE) != null) throw new IllegalArgumentException("an item field named '" + REMOVE + "' would clash with merge:");
            for (String f : fields) {
                Field field = o.field(f);
                if (field == null || !field.required() || !(field.spec() instanceof Text || field.spec() instanceof Ref)) {
                    throw new IllegalArgumentException("'" + f + "' is not a required text field of " + o.title);
                }
            }
            itemKey = List.of(fields);
            return this;
        }

        /** The fields that identify an item in {@code merge:}; empty when items cannot be merged by id. */
        public List<String> itemKey() {
            return itemKey;
        }

        /** True for a mapping written where a list is expected that holds {@code merge:}. */
        public static boolean isMerge(Node node) {
            return node instanceof Node.Mapping m && m.entries().containsKey(MERGE);
        }

        @Override public void check(Node node, String path, Checker c) {
            if (isMerge(node)) {
                // Files that extend another have their merges applied before they are checked; what is left
                // came from a file without a parent, a text or the command line.
                Node.Mapping m = (Node.Mapping) node;
                c.problem(m.keyPosition(MERGE), path, "'merge:' changes a list inherited through extends: "
                        + "and is only for a file that extends another; write a plain list");
                return;
            }
            if (!(node instanceof Node.Sequence s)) {
                c.problem(node, path, "expected a list of " + items.expected() + ", found " + node.shape());
                return;
            }
            if (s.items().size() < minItems) {
                c.problem(node, path, "expected at least " + minItems + " item(s)");
            }
            for (int i = 0; i < s.items().size(); i++) {
                items.check(s.items().get(i), path + "[" + i + "]", c);
            }
        }

        @Override public String expected() {
            return "a list of " + items.expected();
        }
    }

    /** An object whose fields depend on its {@code kind} (decision rules). */
    public static final class Tagged extends Spec {
        public final String title;
        public final Map<String, Obj> variants = new LinkedHashMap<>();

        public Tagged(String title) {
            this.title = title;
        }

        public Tagged variant(String kind, Obj obj) {
            variants.put(kind, obj);
            return this;
        }

        @Override public void check(Node node, String path, Checker c) {
            if (!(node instanceof Node.Mapping m)) {
                c.problem(node, path, "expected " + expected() + ", found " + node.shape());
                return;
            }
            Node kind = m.get("kind");
            if (kind == null) {
                c.problem(m, join(path, "kind"), "missing required field (one of " + String.join(", ", variants.keySet()) + ")");
                return;
            }
            if (!(kind instanceof Node.Scalar s) || !variants.containsKey(s.text())) {
                c.problem(kind, join(path, "kind"), "expected one of " + String.join(", ", variants.keySet())
                        + ", found " + kind.shape()
                        + (kind instanceof Node.Scalar s2 ? Suggest.didYouMean(s2.text(), variants.keySet()) : ""));
                return;
            }
            Obj v = variants.get(s.text());
            v.checkFields(m, path, c, v.fields, Set.of("kind"));
        }

        @Override public String expected() {
            return title;
        }
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Collects problems and the references to check once every id is known. */
    public static final class Checker {
        public record Reference(String kind, Node.Scalar value, String path) { }

        private final List<escalation.scenario.Problem> problems = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();

        public void problem(Node node, String path, String message) {
            problems.add(new escalation.scenario.Problem(node.position(), path, message));
        }

        public void problem(Node.Position at, String path, String message) {
            problems.add(new escalation.scenario.Problem(at, path, message));
        }

        void reference(String kind, Node.Scalar value, String path) {
            references.add(new Reference(kind, value, path));
        }

        public List<escalation.scenario.Problem> problems() {
            return problems;
        }

        public List<Reference> references() {
            return references;
        }
    }
}
