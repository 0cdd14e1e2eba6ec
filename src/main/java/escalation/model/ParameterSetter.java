package escalation.model;

import java.util.Arrays;

/**
 * Applies a {@code set:} effect of a dated event or shock to a running world. The paths are those
 * listed by {@link escalation.scenario.SettablePaths}, checked when the scenario was loaded.
 */
final class ParameterSetter {
    private ParameterSetter() { }

    static void apply(World w, String path, double value) {
        Theatre t = w.theatre;
        w.propensityInputsChanged = true;
        String[] p = path.split("\\.");
        if (p[0].equals("calendar")) {
            if (p[2].equals("tempo")) w.winterTempo = value;
            else w.winterEffectiveness = value;
            return;
        }
        if (p[0].equals("relations")) {
            int actor = t.index(p[2]);
            if (p[1].equals("patronage")) {
                if (p[3].equals("control")) w.control[actor] = value;
                else w.compliance[actor] = value;
            } else {
                for (int i = 0; i < t.actors; i++) {
                    int[] by = t.restrainedBy[i];
                    for (int k = 0; k < by.length; k++) {
                        if (by[k] == actor) w.restraintStrength[i][k] = value;
                    }
                }
            }
            return;
        }
        int a = t.index(p[1]);
        switch (p[2]) {
            case "attention" -> w.attention[a] = value;
            case "leverage" -> w.leverage[a] = value;
            case "traits" -> {
                switch (p[3]) {
                    case "resolve" -> w.resolve[a] = value;
                    case "eagerness" -> w.eagerness[a] = value;
                    case "risk_tolerance" -> w.riskTolerance[a] = value;
                    case "solidarity" -> w.solidarity[a] = value;
                    default -> w.stake[a] = value;
                }
            }
            case "air_defence" -> {
                w.airDefence[a][Arrays.asList(t.weaponIds).indexOf(p[3])] = value;
                w.rebuildInterception();
            }
            case "air_defence_routes" -> w.setRouteDefence(a, Arrays.asList(t.nodes).indexOf(p[3]), Arrays.asList(t.weaponIds).indexOf(p[4]), value);
            case "arsenal" -> w.setResupply(a, Arrays.asList(t.weaponIds).indexOf(p[3]), value);
            case "rule" -> (w.rules[a] != null ? w.rules[a] : w.doctrines[a]).set(p[3], value);
            case "response" -> w.doctrines[a].set(p[3], value);
            default -> throw new IllegalArgumentException("not settable: " + path);
        }
    }
}
