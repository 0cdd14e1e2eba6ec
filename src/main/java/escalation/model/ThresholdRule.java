package escalation.model;

import escalation.scenario.Records;

/**
 * Acts when grievance toward an adversary passes a level: against the adversary it holds the most
 * grievance toward, with its highest usable action up to {@code max_rung}. The daily probability is
 * {@code min(1, tempo x propensity) x (1 - deterrence x belief that the target retaliates)}.
 */
final class ThresholdRule implements DecisionRule {
    private double threshold;
    private double tempo;
    private double deterrence;
    private final int maxRung;

    ThresholdRule(Records.Rule r, Theatre t) {
        threshold = r.param("threshold");
        tempo = r.param("tempo");
        deterrence = r.param("deterrence");
        maxRung = DecisionRule.rungOrTop(r, "max_rung", t);
    }

    @Override public void decide(World w, int self, Intents out) {
        int target = -1;
        double most = -1;
        for (int j : w.theatre.targetsOf[self]) {
            double g = w.grievance(self, j);
            if (g > most) {
                most = g;
                target = j;
            }
        }
        if (target < 0 || most < threshold) return;
        int action = DecisionRule.bestAction(w, self, target, maxRung);
        if (action < 0) return;
        double belief = w.beliefs.retaliation(self, target);
        double p = Math.min(1, tempo * w.propensity[self]) * (1 - deterrence * belief);
        double u = w.draws.uniform();
        if (u < p) {
            out.add(action, -1, w.explaining ? Decision.of(kind(), p, u, "grievance", most, "threshold", threshold,
                    "belief_retaliation", belief, "propensity", w.propensity[self], "patron_order", w.orderIndex(self)) : null);
        }
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "threshold" -> threshold = value;
            case "tempo" -> tempo = value;
            case "deterrence" -> deterrence = value;
            default -> throw new IllegalArgumentException("threshold rule: cannot set " + name);
        }
    }

    @Override public String kind() {
        return "threshold";
    }
}
