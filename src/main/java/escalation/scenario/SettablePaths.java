package escalation.scenario;

import escalation.scenario.Records.Actor;
import escalation.scenario.Records.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric parameters a dated event or a shock may change while a run goes on ({@code set:}).
 * The model applies them through {@code escalation.model.ParameterSetter}; this class only names them.
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
        return out;
    }
}
