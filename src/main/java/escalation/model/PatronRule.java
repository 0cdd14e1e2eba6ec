package escalation.model;

import escalation.scenario.Records;
import escalation.spec.ScenarioSpec;

/**
 * The patron's strategy (Iran and the Quds Force in the domain brief): it weighs the threat to itself
 * and to its allies against the risk that its proxies draw fire onto it, and orders them to restrain,
 * hold, activate or surge. Each day, with H_self its own recent harm and H_allies its allies':
 * <ul>
 * <li>H_self at or above {@code regime_at}: the regime itself is at stake, and every proxy is ordered
 * in ({@code surge}) whatever the risk;</li>
 * <li>else H_self at or above {@code restrain_at}: a wider war would cost it most, and it restrains them
 * (the brief: Tehran prefers to pressure Israel indirectly and avoid a direct war);</li>
 * <li>else the case for ordering them in is
 * <pre>  H_allies + self_weight x H_self - risk_weight x (1 - risk_tolerance) x (its proxies' recent attacks)</pre>
 * (answering by proxy when struck below its red lines; the brief: Iraqi factions were expected to join
 * any further round), against {@code surge_at} and {@code activate_at}; below both, its default order.</li>
 * </ul>
 * An order the rule gives stands for {@code order_days} before the case is weighed again (a standing order,
 * not a daily one). A proxy's intensity is multiplied by {@code 1 + control x compliance x (effect(order) - 1)}, so an
 * order reaches a compliant, controlled faction fully and an autonomous one hardly at all.
 */
final class PatronRule implements DecisionRule {
    static final int RESTRAIN = 0;
    static final int HOLD = 1;
    static final int ACTIVATE = 2;
    static final int SURGE = 3;

    private double activateAt;
    private double surgeAt;
    private double restrainAt;
    private double regimeAt;
    private double selfWeight;
    private double riskWeight;
    private int orderDays;
    final double[] effect = new double[4];
    final int defaultOrder;
    private final int[] allies;

    PatronRule(Records.Rule r, Theatre t, int self) {
        activateAt = r.param("activate_at");
        surgeAt = r.param("surge_at");
        restrainAt = r.param("restrain_at");
        regimeAt = r.param("regime_at");
        selfWeight = r.param("self_weight");
        riskWeight = r.param("risk_weight");
        orderDays = (int) r.param("order_days");
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
        double exposure = 0;
        if (riskWeight > 0) {
            for (int p : w.theatre.proxiesOf[self]) exposure += w.attacksRecent[p];
        }
        double risk = riskWeight * (1 - w.riskTolerance[self]) * exposure;
        double caseForIn = distress + selfWeight * own - risk;
        int order = own >= regimeAt ? SURGE : own >= restrainAt ? RESTRAIN
                : caseForIn >= surgeAt ? SURGE : caseForIn >= activateAt ? ACTIVATE : defaultOrder;
        if (order != w.order[self]) {
            w.order[self] = order;
            // A standing order: it holds for order_days before the patron weighs the case again.
            if (orderDays > 1) w.orderLockedUntil[self] = w.day + orderDays - 1;
            w.propensityInputsChanged = true;
            if (w.explaining) {
                w.tell(new Occurrence(w.date, w.day, Occurrence.Kind.ORDER, self, -1, null, 0, 0, 0, 0, 0,
                        Decision.of(kind(), 1, 0, "allies_recent_harm", distress, "own_recent_harm", own,
                                "risk_of_drawing_fire", risk, "case_for_ordering_in", caseForIn,
                                "activate_at", activateAt, "surge_at", surgeAt, "restrain_at", restrainAt, "regime_at", regimeAt),
                        ScenarioSpec.ORDERS.get(order)));
            }
        }
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "activate_at" -> activateAt = value;
            case "surge_at" -> surgeAt = value;
            case "restrain_at" -> restrainAt = value;
            case "regime_at" -> regimeAt = value;
            case "self_weight" -> selfWeight = value;
            case "risk_weight" -> riskWeight = value;
            case "order_days" -> orderDays = (int) Math.max(1, Math.round(value));
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
