package escalation.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node tree as plain maps, lists, strings, numbers and booleans, for writing as JSON (a manifest's scenario). */
public final class Plain {
    private Plain() { }

    public static Object of(Node n) {
        if (n instanceof Node.Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, of(v)));
            return out;
        }
        if (n instanceof Node.Sequence s) {
            List<Object> out = new ArrayList<>();
            s.items().forEach(i -> out.add(of(i)));
            return out;
        }
        Node.Scalar s = (Node.Scalar) n;
        return switch (s.kind()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.parseBoolean(s.text());
            case NUMBER -> number(s.text());
            case TEXT -> s.text();
        };
    }

    private static Object number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;   // .inf and .nan: kept as text, which validation rejects anyway
        }
    }
}
