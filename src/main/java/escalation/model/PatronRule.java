package escalation.model;

import escalation.scenario.Records;
import escalation.spec.ScenarioSpec;

/**
 * The patron's rule (Iran and the Quds Force in the domain brief): it watches the recent harm
 * suffered by its allies and by itself, and orders its proxies to restrain (when it is itself
 * under fire and wants to avoid a direct war), surge or activate; when no threshold is met it gives
 * its default order ({@code hold} unless the scenario says otherwise). A proxy's daily propensity
 * is multiplied by {@code 1 + control x compliance x (effect(order) - 1)}, so an order reaches a
 * compliant, controlled faction fully and an autonomous one hardly at all.
 */
final class PatronRule implements DecisionRule {
    static final int RESTRAIN = 0;
    static final int HOLD = 1;
    static final int ACTIVATE = 2;
    static final int SURGE = 3;

    private double activateAt;
    private double surgeAt;
    private double restrainAt;
    final double[] effect = new double[4];
    final int defaultOrder;
    private final int[] allies;

    PatronRule(Records.Rule r, Theatre t, int self) {
        activateAt = r.param("activate_at");
        surgeAt = r.param("surge_at");
        restrainAt = r.param("restrain_at");
        effect[RESTRAIN] = r.param("restrain_effect");
        effect[HOLD] = r.param("hold_effect");
        effect[ACTIVATE] = r.param("activate_effect");
        effect[SURGE] = r.param("surge_effect");
        defaultOrder = ScenarioSpec.ORDERS.indexOf(r.choices().getOrDefault("default_order", "hold"));
        if (!r.allies().isEmpty()) {
            allies = r.allies().stream().mapToInt(t::index).toArray();
        } else {
            java.util.List<Integer> list = new java.util.ArrayList<>();
            for (int i = 0; i < t.actors; i++) {
                if (i != self && (t.patronOf[i] == self || t.camp[i] == t.camp[self])) list.add(i);
            }
            allies = list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Override public void decide(World w, int self, Intents out) {
        if (w.orderLockedUntil[self] >= w.day) return;
        double distress = 0;
        for (int a : allies) distress += w.harmRecent[a];
        double own = w.harmRecent[self];
        int order = own >= restrainAt ? RESTRAIN : distress >= surgeAt ? SURGE : distress >= activateAt ? ACTIVATE : defaultOrder;
        if (order != w.order[self]) {
            w.order[self] = order;
            w.propensityInputsChanged = true;
            if (w.explaining) {
                w.tell(new Occurrence(w.date, w.day, Occurrence.Kind.ORDER, self, -1, null, 0, 0, 0, 0, 0,
                        Decision.of(kind(), 1, 0, "allies_recent_harm", distress, "own_recent_harm", own,
                                "activate_at", activateAt, "surge_at", surgeAt, "restrain_at", restrainAt),
                        ScenarioSpec.ORDERS.get(order)));
            }
        }
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "activate_at" -> activateAt = value;
            case "surge_at" -> surgeAt = value;
            case "restrain_at" -> restrainAt = value;
            case "restrain_effect" -> effect[RESTRAIN] = value;
            case "hold_effect" -> effect[HOLD] = value;
            case "activate_effect" -> effect[ACTIVATE] = value;
            case "surge_effect" -> effect[SURGE] = value;
            default -> throw new IllegalArgumentException("patron rule: cannot set " + name);
        }
    }

    @Override public String kind() {
        return "patron";
    }

    @Override public boolean acts() {
        return false;
    }
}
