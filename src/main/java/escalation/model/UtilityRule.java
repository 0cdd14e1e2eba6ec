package escalation.model;

import escalation.scenario.Records;

/**
 * Logit choice among the actor's actions and doing nothing. On a day with an opportunity (drawn
 * with probability {@code min(1, tempo x propensity)}), action x on rung r against target t has
 * utility
 * <pre>  U(x) = eagerness (base + gain g_t / (1 + g_t)) sqrt(I_r) - cost (1 - risk_tolerance)(1 + stake) b_t I_r</pre>
 * where g_t is grievance toward t, b_t the learned belief that t retaliates and I_r the rung's
 * intensity relative to the top rung; doing nothing has utility 0. The choice probability is
 * exp(U/temperature) over the sum. The square root makes gain concave and cost linear, so larger
 * strikes are chosen only when grievance is high and the target's retaliation is doubted. The
 * grievance motive saturates (g / (1 + g) < 1): the grievance each answer adds cannot outgrow the
 * fear that demonstrated retaliation teaches, so credible retaliation deters.
 */
final class UtilityRule implements DecisionRule {
    private double tempo;
    private double base;
    private double gain;
    private double cost;
    private double temperature;
    private final int maxRung;
    private double[] weights = new double[0];

    UtilityRule(Records.Rule r, Theatre t) {
        tempo = r.param("tempo");
        base = r.param("base");
        gain = r.param("gain");
        cost = r.param("cost");
        temperature = r.param("temperature");
        maxRung = DecisionRule.rungOrTop(r, "max_rung", t);
    }

    @Override public void decide(World w, int self, Intents out) {
        double opportunity = Math.min(1, tempo * w.propensity[self]);
        double u = w.random.nextDouble();
        if (u >= opportunity) return;
        Theatre t = w.theatre;
        CompiledAction[] actions = t.actions[self];
        if (weights.length < actions.length) weights = new double[actions.length];
        double eagerness = w.eagerness[self];
        double fear = cost * (1 - w.riskTolerance[self]) * (1 + w.stake[self]);
        double sum = 1;
        for (CompiledAction a : actions) {
            double weight = 0;
            if (a.rung() <= maxRung && t.rungKinetic[a.rung()] && w.canPerform(self, a)) {
                double g = w.grievance(self, a.target());
                double utility = eagerness * (base + gain * g / (1 + g)) * t.rootRelativeIntensity[a.rung()]
                        - fear * w.beliefs.retaliation(self, a.target()) * t.relativeIntensity[a.rung()];
                weight = Math.exp(Math.min(700, utility / temperature));
            }
            weights[a.index()] = weight;
            sum += weight;
        }
        double pick = w.random.nextDouble() * sum;
        for (CompiledAction a : actions) {
            pick -= weights[a.index()];
            if (pick < 0) {
                double pChoice = weights[a.index()] / sum;
                out.add(a.index(), -1, w.explaining ? Decision.of(kind(), opportunity, u,
                        "grievance", w.grievance(self, a.target()),
                        "belief_retaliation", w.beliefs.retaliation(self, a.target()),
                        "propensity", w.propensity[self], "opportunity", opportunity,
                        "p_choice", pChoice, "p_act", 1 - 1 / sum, "patron_order", w.orderIndex(self)) : null);
                return;
            }
        }
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "tempo" -> tempo = value;
            case "base" -> base = value;
            case "gain" -> gain = value;
            case "cost" -> cost = value;
            case "temperature" -> temperature = value;
            default -> throw new IllegalArgumentException("utility rule: cannot set " + name);
        }
    }

    @Override public String kind() {
        return "utility";
    }
}
