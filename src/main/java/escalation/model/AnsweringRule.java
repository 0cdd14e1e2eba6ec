package escalation.model;

import escalation.scenario.Records;

/**
 * Tit-for-tat ({@code step} 0) and graduated escalation ({@code step} rungs above): a doctrine for
 * answering attacks. Each attack at or above {@code answer_from} on the actor, or on an ally it
 * protects, schedules an answer {@code delay} days later against the attacker. On that day it
 * answers with probability
 * <pre>  [1 - (1 - min(1, reliability x commitment x (0.5 + resolve))) exp(-pressure_weight x domestic pressure)] x attention x season</pre>
 * so domestic pressure after casualties pushes toward answering without ever exceeding certainty, and
 * each actor has its own sensitivity to it.
 * choosing the action against the attacker whose rung is nearest the received rung plus
 * {@code step}, never above {@code max_rung}; of two equally near, tit-for-tat takes the lower and
 * graduated escalation the higher, so an escalating doctrine does not fall back to matching.
 */
final class AnsweringRule implements DecisionRule {
    private double reliability;
    private double pressureWeight;
    int delay;
    int step;
    final int answerFrom;
    private final int maxRung;
    boolean defendAllies;
    private final String kind;

    AnsweringRule(Records.Rule r, Theatre t) {
        kind = r.kind();
        reliability = r.param("reliability");
        pressureWeight = r.param("pressure_weight");
        delay = (int) r.param("delay");
        step = r.params().containsKey("step") ? (int) r.param("step") : 0;
        answerFrom = r.choices().containsKey("answer_from") ? t.scenario.rungIndex(r.choices().get("answer_from")) : t.lowestKineticRung;
        maxRung = DecisionRule.rungOrTop(r, "max_rung", t);
        defendAllies = r.param("defend_allies") != 0;
    }

    @Override public void decide(World w, int self, Intents out) {
        if (w.answersOwed[self] == 0 || w.day < w.firstAnswerDue[self]) return;
        int attacker = -1;
        for (int j = 0; j < w.theatre.actors; j++) {
            int due = w.answerDue[self][j];
            if (due >= 0 && due <= w.day && (attacker < 0 || w.answerRung[self][j] > w.answerRung[self][attacker])) {
                attacker = j;
            }
        }
        if (attacker < 0) return;
        int first = Integer.MAX_VALUE;
        for (int j = 0; j < w.theatre.actors; j++) {
            if (j != attacker && w.answerDue[self][j] >= 0) first = Math.min(first, w.answerDue[self][j]);
        }
        w.firstAnswerDue[self] = first;
        int received = w.answerRung[self][attacker];
        double weight = w.answerWeight[self][attacker];
        w.answerDue[self][attacker] = -1;
        w.answersOwed[self]--;
        double base = Math.min(1, reliability * weight * (0.5 + w.resolve[self]));
        double pressure = w.theatre.mechanisms.domesticPressure() ? pressureWeight * w.pressure[self] : 0;
        double p = (1 - (1 - base) * Math.exp(-pressure)) * w.answerPropensity[self];
        double u = w.random.nextDouble();
        if (u >= p) return;
        int desired = Math.min(received + step, maxRung);
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (CompiledAction a : w.theatre.actions[self]) {
            if (a.target() != attacker || a.rung() > maxRung || !w.theatre.rungKinetic[a.rung()] || !w.canPerform(self, a)) continue;
            // Between two equally near rungs, tit-for-tat takes the lower and graduated escalation the higher.
            boolean wrongSide = step > 0 ? a.rung() < desired : a.rung() > desired;
            int distance = 2 * Math.abs(a.rung() - desired) + (wrongSide ? 1 : 0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = a.index();
            }
        }
        if (best >= 0) {
            out.add(best, -1, w.explaining ? Decision.of(kind, p, u, "received_rung", received + 1, "commitment", weight,
                    "reliability", reliability, "domestic_pressure", w.pressure[self], "attention", w.attention[self]) : null);
        }
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "reliability" -> reliability = value;
            case "pressure_weight" -> pressureWeight = value;
            case "delay" -> delay = (int) Math.max(0, Math.round(value));
            case "step" -> step = (int) Math.max(0, Math.round(value));
            case "defend_allies" -> defendAllies = value != 0;
            default -> throw new IllegalArgumentException(kind + ": cannot set " + name);
        }
    }

    @Override public String kind() {
        return kind;
    }
}
