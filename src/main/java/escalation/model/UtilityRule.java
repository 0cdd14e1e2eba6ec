package escalation.model;

import escalation.scenario.Records;

/**
 * Initiative as a rate, then a logit choice. The actor's intensity {@code lambda = tempo x propensity}
 * is its expected number of opportunities to act today (propensity is the product of the mechanisms
 * that scale it: orders, restraint, fronts, command, season, rivalry); the day's count is a Poisson
 * draw, so a day may hold none, one or many attacks, and a faction can go quiet or surge by an order of
 * magnitude (the record: 41 claims in the week of 29 Oct 2024, a near-halt two months later). At each
 * opportunity, action x on rung r against target t has utility
 * <pre>  U(x) = eagerness (base + gain G_t / (1 + G_t)) sqrt(I_r) + reach_weight s_x
 *          - cost (1 - risk_tolerance)(1 + stake) F_t I_r</pre>
 * where G_t = g_t + blame x (grievance toward the allies t protects) is the grievance held against t and
 * its proteges (the US blamed for Israel's war), s_x the expected share of its weapons that get through
 * (reach, then the target's interception on that route: US bases in Iraq and Syria are near, Israel is
 * far), F_t the expected severity of t's retaliation (belief that it answers x its believed size), and
 * I_r the rung's intensity over the top rung's; doing nothing has utility 0, and the choice probability
 * is exp(U / temperature) over the sum. Gain is concave and cost linear in intensity, so larger strikes
 * are chosen only when grievance is high and retaliation doubted; the grievance motive saturates
 * (G / (1 + G) &lt; 1), so the grievance each answer adds cannot outgrow the fear a demonstrated,
 * severe retaliation teaches.
 */
final class UtilityRule implements DecisionRule {
    /** Most opportunities drawn in one day, a bound on the Poisson draw's tail. */
    static final int MAX_PER_DAY = 200;

    private double tempo;
    private double base;
    private double gain;
    private double cost;
    private double temperature;
    private double blame;
    private double reachWeight;
    private final int maxRung;
    private double[] weights = new double[0];

    UtilityRule(Records.Rule r, Theatre t) {
        tempo = r.param("tempo");
        base = r.param("base");
        gain = r.param("gain");
        cost = r.param("cost");
        temperature = r.param("temperature");
        blame = r.param("blame");
        reachWeight = r.param("reach_weight");
        maxRung = DecisionRule.rungOrTop(r, "max_rung", t);
    }

    @Override public void decide(World w, int self, Intents out) {
        double intensity = tempo * w.propensity[self];
        int opportunities = Math.min(MAX_PER_DAY, w.draws.poisson(intensity));
        if (opportunities == 0) return;
        Theatre t = w.theatre;
        CompiledAction[] actions = t.actions[self];
        if (weights.length < actions.length) weights = new double[actions.length];
        double eagerness = w.eagerness[self];
        double fear = cost * (1 - w.riskTolerance[self]) * (1 + w.stake[self]);
        double sum = 1;
        for (CompiledAction a : actions) {
            double weight = 0;
            if (a.rung() <= maxRung && t.rungKinetic[a.rung()] && w.canPerform(self, a)) {
                double g = heldAgainst(w, self, a.target());
                double utility = eagerness * (base + gain * g / (1 + g)) * t.rootRelativeIntensity[a.rung()]
                        - fear * w.beliefs.fear(self, a.target()) * t.relativeIntensity[a.rung()];
                if (reachWeight > 0 && a.launchesWeapons()) utility += reachWeight * w.getsThrough(self, a);
                weight = Math.exp(Math.min(700, utility / temperature));
            }
            weights[a.index()] = weight;
            sum += weight;
        }
        for (int k = 0; k < opportunities; k++) {
            double u = w.draws.uniform();
            double pick = u * sum;
            for (CompiledAction a : actions) {
                pick -= weights[a.index()];
                if (pick < 0) {
                    out.add(a.index(), -1, w.explaining ? Decision.of(kind(), weights[a.index()] / sum, u,
                            "grievance", heldAgainst(w, self, a.target()),
                            "belief_retaliation", w.beliefs.retaliation(self, a.target()),
                            "believed_severity", w.beliefs.severity(self, a.target()),
                            "propensity", w.propensity[self], "intensity", intensity, "opportunities", opportunities,
                            "p_act", 1 - 1 / sum, "patron_order", w.orderIndex(self)) : null);
                    break;
                }
            }
        }
    }

    private double heldAgainst(World w, int self, int target) {
        double g = w.grievance(self, target);
        if (blame > 0) {
            for (int ally : w.theatre.alliesProtected[target]) g += blame * w.grievance(self, ally);
        }
        return g;
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "tempo" -> tempo = value;
            case "base" -> base = value;
            case "gain" -> gain = value;
            case "cost" -> cost = value;
            case "temperature" -> temperature = value;
            case "blame" -> blame = value;
            case "reach_weight" -> reachWeight = value;
            default -> throw new IllegalArgumentException("utility rule: cannot set " + name);
        }
    }

    @Override public String kind() {
        return "utility";
    }
}
