package escalation.scenario;

import escalation.spec.Spec;
import escalation.spec.Suggest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a scenario file over the scenario it {@code extends:}. Mappings merge key by key (the
 * file wins); a plain list replaces the parent's whole; a list written as {@code {merge: [items]}}
 * changes the parent's list item by item, each item named by the fields its {@link Spec.ListOf}
 * declares as its id: an item with the id of a parent item overrides that item key by key (in
 * place), an item with a new id is appended, and {@code {<id>, remove: true}} drops the parent's item.
 *
 * <p>Every value keeps the position it was read from, so a problem found on the merged tree names
 * the file, line and column where the value was written. Problems with merges themselves are
 * collected, not thrown, so that they are listed with every other problem of the scenario.
 */
final class Inheritance {
    private static final String MERGE = Spec.ListOf.MERGE;
    private static final String REMOVE = Spec.ListOf.REMOVE;

    private final List<Problem> problems;
    private final boolean hasParent;

    /**
     * @param hasParent whether the file being merged extends another; in a file that does not, every
     *                  {@code merge:} is a problem
     * @param problems  where problems are added
     */
    Inheritance(boolean hasParent, List<Problem> problems) {
        this.hasParent = hasParent;
        this.problems = problems;
    }

    /**
     * The merge of {@code child} (read from a file) over {@code parent} (what the file's ancestors
     * give at the same place, or null for nothing), both described by {@code spec} (null when the
     * place is unknown to the scenario format; the check after merging reports it).
     */
    Node merge(Node parent, Node child, Spec spec, String path) {
        if (spec instanceof Spec.ListOf list && Spec.ListOf.isMerge(child)) {
            return mergeList(parent, (Node.Mapping) child, list, path);
        }
        if (child instanceof Node.Mapping c) {
            Node.Mapping p = parent instanceof Node.Mapping pm ? pm : null;
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Node.Position> keys = new LinkedHashMap<>();
            if (p != null) {
                entries.putAll(p.entries());
                keys.putAll(p.keyPositions());
            }
            for (var e : c.entries().entrySet()) {
                String key = e.getKey();
                Node base = p == null ? null : p.get(key);
                entries.put(key, merge(base, e.getValue(), fieldSpec(spec, key, p, c), Spec.join(path, key)));
                keys.put(key, c.keyPosition(key));
            }
            return new Node.Mapping(entries, keys, c.position());
        }
        if (child instanceof Node.Sequence s) {
            // A plain list replaces the parent's whole: its items have nothing to merge with.
            Spec items = spec instanceof Spec.ListOf list ? list.items : null;
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                out.add(merge(null, s.items().get(i), items, path + "[" + i + "]"));
            }
            return new Node.Sequence(out, s.position());
        }
        return child;
    }

    /** The spec of the value under {@code key} of a mapping of spec {@code spec}, or null when unknown. */
    private static Spec fieldSpec(Spec spec, String key, Node.Mapping parent, Node.Mapping child) {
        if (spec instanceof Spec.Obj o) {
            Spec.Field f = o.field(key);
            return f == null ? null : f.spec();
        }
        if (spec instanceof Spec.MapOf m) return m.values;
        if (spec instanceof Spec.Tagged t) {
            Node kind = child.get("kind") != null ? child.get("kind") : parent == null ? null : parent.get("kind");
            Spec.Obj variant = kind instanceof Node.Scalar s ? t.variants.get(s.text()) : null;
            Spec.Field f = variant == null ? null : variant.field(key);
            return f == null ? null : f.spec();
        }
        return null;
    }

    private Node mergeList(Node parent, Node.Mapping wrapper, Spec.ListOf list, String path) {
        Node.Position at = wrapper.keyPosition(MERGE);
        Node.Sequence fallback = parent instanceof Node.Sequence ps ? ps : new Node.Sequence(List.of(), wrapper.position());
        for (String key : wrapper.entries().keySet()) {
            if (!key.equals(MERGE)) {
                problem(wrapper.keyPosition(key), Spec.join(path, key), "unknown key '" + key
                        + "' beside merge:; a list changed item by item is written {merge: [items]}");
            }
        }
        List<String> idFields = list.itemKey();
        if (idFields.isEmpty()) {
            problem(at, path, "merge: is not available for this list: its items have no id; write the whole list");
            return fallback;
        }
        if (!hasParent) {
            problem(at, path, "merge: changes the list of a parent scenario, and this file has no extends:; write a plain list");
            return fallback;
        }
        if (parent == null) {
            problem(at, path, "merge: the parent scenario has no list here to change; write a plain list");
            return fallback;
        }
        if (!(parent instanceof Node.Sequence parentList)) {
            problem(at, path, "merge: the parent scenario has " + parent.shape() + " here, not a list to change");
            return fallback;
        }
        Node given = wrapper.get(MERGE);
        String mergePath = Spec.join(path, MERGE);
        if (!(given instanceof Node.Sequence changes)) {
            problem(given.position(), mergePath, "expected a list of items (" + list.items.expected()
                    + ") named by " + names(idFields) + ", found " + given.shape());
            return fallback;
        }
        List<Node> out = new ArrayList<>(parentList.items());
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < changes.items().size(); i++) {
            Node item = changes.items().get(i);
            String itemPath = mergePath + "[" + i + "]";
            if (!(item instanceof Node.Mapping m)) {
                problem(item.position(), itemPath, "expected " + list.items.expected() + " named by "
                        + names(idFields) + ", found " + item.shape());
                continue;
            }
            List<String> id = id(m, idFields, itemPath);
            if (id == null) continue;
            String named = describe(idFields, id);
            if (!seen.add(id)) {
                problem(m.position(), itemPath, "the item with " + named + " is merged twice; merge it once");
                continue;
            }
            List<Integer> matches = new ArrayList<>();
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j) != null && id.equals(idOf(out.get(j), idFields))) matches.add(j);
            }
            if (matches.size() > 1) {
                problem(m.position(), itemPath, "the parent's list has " + matches.size() + " items with " + named
                        + ", so merge: cannot tell which to change; write the whole list");
                continue;
            }
            if (m.get(REMOVE) != null) {
                if (remove(m, idFields, itemPath, named, matches.isEmpty(), out)) out.set(matches.get(0), null);
                continue;
            }
            if (matches.isEmpty()) {
                out.add(merge(null, m, list.items, itemPath));
            } else {
                int j = matches.get(0);
                out.set(j, merge(out.get(j), m, list.items, itemPath));
            }
        }
        out.removeIf(n -> n == null);
        return new Node.Sequence(out, wrapper.position());
    }

    /** Checks an item with {@code remove:}; true when the parent's item is to be dropped. */
    private boolean remove(Node.Mapping m, List<String> idFields, String itemPath, String named, boolean unknown, List<Node> parentItems) {
        Node remove = m.get(REMOVE);
        if (!(remove instanceof Node.Scalar s && s.kind() == Node.ScalarKind.BOOLEAN && s.text().equals("true"))) {
            problem(remove.position(), Spec.join(itemPath, REMOVE), "expected true (drop the parent's item), found " + remove.shape());
            return false;
        }
        boolean ok = true;
        for (String key : m.entries().keySet()) {
            if (!key.equals(REMOVE) && !idFields.contains(key)) {
                problem(m.keyPosition(key), Spec.join(itemPath, key), "an item with remove: true names only "
                        + names(idFields) + "; '" + key + "' would be dropped with it");
                ok = false;
            }
        }
        if (unknown) {
            Set<String> known = new LinkedHashSet<>();
            for (Node n : parentItems) {
                List<String> id = n == null ? null : idOf(n, idFields);
                if (id != null) known.add(idFields.size() == 1 ? id.get(0) : describe(idFields, id));
            }
            String hint = idFields.size() == 1 ? Suggest.didYouMean(((Node.Scalar) m.get(idFields.get(0))).text(), known) : "";
            problem(m.get(idFields.get(0)).position(), itemPath, "no item with " + named + " in the parent's list to remove" + hint
                    + "; the parent's items: " + (known.isEmpty() ? "none" : String.join(idFields.size() == 1 ? ", " : "; ", known)));
            return false;
        }
        return ok;
    }

    /** The id of an item written in the file; null (after a problem) when a field of it is missing or not text. */
    private List<String> id(Node.Mapping m, List<String> idFields, String itemPath) {
        List<String> id = new ArrayList<>();
        boolean ok = true;
        for (String f : idFields) {
            Node v = m.get(f);
            if (v == null) {
                problem(m.position(), Spec.join(itemPath, f), "missing the item's id '" + f
                        + "': an item of merge: is named by " + names(idFields) + ", to change the parent's item of that id or to add one");
                ok = false;
            } else if (!(v instanceof Node.Scalar s) || s.kind() == Node.ScalarKind.NULL) {
                problem(v.position(), Spec.join(itemPath, f), "expected text naming the item, found " + v.shape());
                ok = false;
            } else {
                id.add(s.text());
            }
        }
        return ok ? id : null;
    }

    /** The id of a parent's item, or null when it has none (it is then matched by nothing). */
    private static List<String> idOf(Node item, List<String> idFields) {
        if (!(item instanceof Node.Mapping m)) return null;
        List<String> id = new ArrayList<>();
        for (String f : idFields) {
            if (!(m.get(f) instanceof Node.Scalar s)) return null;
            id.add(s.text());
        }
        return id;
    }

    private static String names(List<String> idFields) {
        return String.join(" and ", idFields);
    }

    private static String describe(List<String> idFields, List<String> id) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < idFields.size(); i++) parts.add(idFields.get(i) + " '" + id.get(i) + "'");
        return String.join(" and ", parts);
    }

    private void problem(Node.Position at, String path, String message) {
        problems.add(new Problem(at, path, message));
    }
}
