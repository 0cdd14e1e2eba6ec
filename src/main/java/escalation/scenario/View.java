package escalation.scenario;

import escalation.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of a validated mapping, falling back to the defaults its spec declares, so the
 * defaults in the docs are the defaults the model uses. Only call after validation passed.
 */
final class View {
    private final Node.Mapping node;
    private final Spec.Obj spec;

    View(Node node, Spec.Obj spec) {
        this.node = node instanceof Node.Mapping m ? m : new Node.Mapping(Map.of(), Map.of(), null);
        this.spec = spec;
    }

    boolean has(String key) {
        return node.entries().containsKey(key);
    }

    private Spec.Field field(String key) {
        Spec.Field f = spec.field(key);
        if (f == null) throw new IllegalArgumentException("no field " + key + " in " + spec.title);
        return f;
    }

    String text(String key) {
        Node n = node.get(key);
        if (n instanceof Node.Scalar s) return s.text();
        Object d = field(key).defaultValue();
        return d == null ? null : d.toString();
    }

    /** Text with no spec default (descriptive defaults such as "none" read as null). */
    String optionalText(String key) {
        field(key);
        return node.get(key) instanceof Node.Scalar s ? s.text() : null;
    }

    double num(String key) {
        Node n = node.get(key);
        if (n instanceof Node.Scalar s) return Double.parseDouble(s.text());
        Object d = field(key).defaultValue();
        if (d instanceof Number x) return x.doubleValue();
        throw new IllegalStateException(key + " has no numeric default");
    }

    double num(String key, double fallback) {
        Node n = node.get(key);
        field(key);
        return n instanceof Node.Scalar s ? Double.parseDouble(s.text()) : fallback;
    }

    int integer(String key, int fallback) {
        return (int) num(key, fallback);
    }

    boolean bool(String key) {
        Node n = node.get(key);
        if (n instanceof Node.Scalar s) return Boolean.parseBoolean(s.text());
        return (Boolean) field(key).defaultValue();
    }

    View obj(String key) {
        Spec.Field f = field(key);
        return new View(node.get(key), (Spec.Obj) f.spec());
    }

    List<View> objects(String key) {
        List<View> out = new ArrayList<>();
        if (node.get(key) instanceof Node.Sequence seq) {
            Spec.Obj item = (Spec.Obj) ((Spec.ListOf) field(key).spec()).items;
            for (Node n : seq.items()) out.add(new View(n, item));
        }
        return out;
    }

    List<String> texts(String key) {
        List<String> out = new ArrayList<>();
        if (node.get(key) instanceof Node.Sequence seq) {
            for (Node n : seq.items()) out.add(((Node.Scalar) n).text());
        }
        return out;
    }

    Map<String, View> objectMap(String key) {
        Map<String, View> out = new LinkedHashMap<>();
        if (node.get(key) instanceof Node.Mapping m) {
            Spec.Obj item = (Spec.Obj) ((Spec.MapOf) field(key).spec()).values;
            m.entries().forEach((k, v) -> out.put(k, new View(v, item)));
        }
        return out;
    }

    Map<String, Double> numberMap(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node.get(key) instanceof Node.Mapping m) {
            m.entries().forEach((k, v) -> out.put(k, Double.parseDouble(((Node.Scalar) v).text())));
        }
        return out;
    }

    Map<String, Map<String, Double>> numberMapMap(String key) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (node.get(key) instanceof Node.Mapping m) {
            m.entries().forEach((k, v) -> {
                Map<String, Double> inner = new LinkedHashMap<>();
                ((Node.Mapping) v).entries().forEach((k2, v2) -> inner.put(k2, Double.parseDouble(((Node.Scalar) v2).text())));
                out.put(k, inner);
            });
        }
        return out;
    }

    /** The rule's kind and, for a tagged spec, the variant's numeric parameters with defaults filled in. */
    static Records.Rule rule(Node n, Spec.Tagged tagged) {
        if (!(n instanceof Node.Mapping m)) return null;
        String kind = ((Node.Scalar) m.get("kind")).text();
        Spec.Obj variant = tagged.variants.get(kind);
        View v = new View(m, variant);
        Map<String, Double> params = new LinkedHashMap<>();
        Map<String, String> choices = new LinkedHashMap<>();
        for (Spec.Field f : variant.fields.values()) {
            if (f.spec() instanceof Spec.Num) {
                params.put(f.name(), v.num(f.name()));
            } else if (f.spec() instanceof Spec.Bool) {
                params.put(f.name(), v.bool(f.name()) ? 1.0 : 0.0);
            } else if (f.spec() instanceof Spec.Ref || f.spec() instanceof Spec.Choice) {
                String t = v.optionalText(f.name());
                if (t == null && f.spec() instanceof Spec.Choice && f.defaultValue() != null) t = f.defaultValue().toString();
                if (t != null) choices.put(f.name(), t);
            }
        }
        List<String> allies = variant.fields.containsKey("allies") ? v.texts("allies") : List.of();
        List<Records.ScriptedAction> script = new ArrayList<>();
        if (variant.fields.containsKey("actions")) {
            for (View a : v.objects("actions")) {
                script.add(new Records.ScriptedAction(java.time.LocalDate.parse(a.text("date")), a.text("action"),
                        a.integer("salvo", Records.Perform.DEFAULT_SALVO), a.integer("killed", Records.Perform.DRAWN),
                        a.integer("injured", Records.Perform.DRAWN)));
            }
        }
        return new Records.Rule(kind, params, choices, allies, script);
    }

    Node node() {
        return node;
    }
}
