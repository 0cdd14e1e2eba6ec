package escalation.scenario;

import escalation.scenario.Records.Actor;
import escalation.scenario.Records.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numeric parameters a dated event or a shock may change while a run goes on ({@code set:}).
 * The model applies them through {@code escalation.model.ParameterSetter}; this class only names them
 * and reads their first-day values from a scenario.
 */
public final class SettablePaths {
    private SettablePaths() { }

    public static final List<String> TRAITS = List.of("resolve", "eagerness", "risk_tolerance", "solidarity", "stake");

    /** Every settable path of a scenario, in a stable order. */
    public static List<String> all(Scenario s) {
        List<String> out = new ArrayList<>();
        for (Actor a : s.actors()) {
            String p = "actors." + a.id() + ".";
            for (String t : TRAITS) out.add(p + "traits." + t);
            out.add(p + "attention");
            out.add(p + "leverage");
            for (String w : s.weapons().keySet()) out.add(p + "air_defence." + w);
            a.airDefenceRoutes().forEach((node, byWeapon) -> byWeapon.keySet()
                    .forEach(w -> out.add(p + "air_defence_routes." + node + "." + w)));
            for (String w : a.arsenal().keySet()) out.add(p + "arsenal." + w + ".resupply");
            if (a.rule() != null) a.rule().params().keySet().forEach(k -> out.add(p + "rule." + k));
            if (a.response() != null) a.response().params().keySet().forEach(k -> out.add(p + "response." + k));
        }
        for (Records.Patronage pt : s.relations().patronage()) {
            out.add("relations.patronage." + pt.proxy() + ".control");
            out.add("relations.patronage." + pt.proxy() + ".compliance");
        }
        for (Records.Restraint r : s.relations().restraint()) {
            out.add("relations.restraint." + r.by() + ".strength");
        }
        out.add("calendar.winter.tempo");
        out.add("calendar.winter.effectiveness");
        return out;
    }

    /**
     * The value a settable path has on the first day of a run of {@code s} (for a restrainer with several
     * restraint entries, the first one's strength).
     *
     * @throws IllegalArgumentException when the path is not one of {@link #all(Scenario)}
     */
    public static double valueIn(Scenario s, String path) {
        if (!all(s).contains(path)) throw new IllegalArgumentException("not a settable parameter: " + path);
        String[] p = path.split("\\.");
        if (p[0].equals("calendar")) {
            return p[2].equals("tempo") ? s.calendar().winter().tempo() : s.calendar().winter().effectiveness();
        }
        if (p[0].equals("relations")) {
            if (p[1].equals("patronage")) {
                Records.Patronage pt = s.relations().patronage().stream().filter(x -> x.proxy().equals(p[2])).findFirst().orElseThrow();
                return p[3].equals("control") ? pt.control() : pt.compliance();
            }
            return s.relations().restraint().stream().filter(r -> r.by().equals(p[2])).findFirst().orElseThrow().strength();
        }
        Actor a = s.actors().get(s.actorIndex(p[1]));
        return switch (p[2]) {
            case "attention" -> a.attention();
            case "leverage" -> a.leverage();
            case "traits" -> switch (p[3]) {
                case "resolve" -> a.traits().resolve();
                case "eagerness" -> a.traits().eagerness();
                case "risk_tolerance" -> a.traits().riskTolerance();
                case "solidarity" -> a.traits().solidarity();
                default -> a.traits().stake();
            };
            case "air_defence" -> a.airDefence().getOrDefault(p[3], 0.0);
            case "air_defence_routes" -> a.airDefenceRoutes().getOrDefault(p[3], Map.of()).get(p[4]);
            case "arsenal" -> a.arsenal().get(p[3]).resupply();
            case "rule" -> a.rule().param(p[3]);
            default -> a.response().param(p[3]);
        };
    }
}
