package escalation.model;

import escalation.scenario.Records;
import java.util.ArrayList;
import java.util.List;

/**
 * A state's doctrine for answering attacks, per adversary, keyed to harm: tit-for-tat ({@code step} 0)
 * or graduated escalation ({@code step} rungs above the attack).
 *
 * <p><b>Triggers.</b> An attack on the actor, or on an ally it protects ({@code defend_allies}), is owed
 * an answer when its rung is at or above {@code answer_from}, or when it crosses a red line the scenario
 * declares: at least {@code killed_at} of its people killed, or {@code injured_at} injured (domain brief:
 * the US is expected to retaliate when its soldiers die; Israel's critics wanted an answer for the
 * soldiers killed from Iraq). A drone that kills soldiers is thus answered whatever rung it sits on.
 *
 * <p><b>Size and timing.</b> The answer's scale is {@code clamp(harm / harm_reference, 0.25, 4)} with
 * harm = hits + killed + injured, and its salvo is the chosen action's salvo times the scale (answers
 * sized to the provocation). It is due after a planning time
 * <pre>  delay x scale / attention x exp(planning x Z),   Z ~ N(0, 1),   at least one day</pre>
 * where attention is the share its fronts at war leave to this theatre: a larger answer takes longer to
 * prepare, and longer while other fronts absorb the state (the record: Israel answered Iran after 6 days
 * in April 2024, a limited strike, and after 25 days in October 2024, a strike on about 20 targets while
 * at war in Lebanon). A direct attack (a {@code direct} rung) on a front that is at war is answered after
 * {@code war_delay} days instead (times the same spread), whatever its size and the attention: it is the war
 * itself, and forces already at war strike within days; an answer still being planned for earlier attacks
 * then falls due at that pace too.
 *
 * <p><b>Whether.</b> When due, it answers with probability
 * <pre>  [1 - (1 - min(1, reliability x commitment x (0.5 + resolve))) exp(-pressure_weight x domestic pressure)]
 *     x (1 - deterrence x min(1, fear of the attacker's counter-retaliation)) x season x attention</pre>
 * where attention is left out for a direct attack on its territory ({@code direct} rungs), which a state
 * answers whatever its other fronts, and {@code war_deterrence} takes the place of {@code deterrence} when
 * one of the debt's fronts is at war: fear of a counter-blow checks an answer while the war it threatens has
 * not begun, and once it is on no longer does, unless the scenario says otherwise (default 0; Iran avoids a
 * direct war, domain brief, yet a war on the direct track is already that war).
 *
 * <p><b>How.</b> Among its actions against the attacker (signals included, so a warning is an option),
 * it takes the one whose rung is nearest the received rung plus {@code step}, plus the action's political
 * {@code cost} (striking Iraq costs standing with Baghdad and Washington); of two equally near, tit-for-tat
 * takes the lower and graduated escalation the higher. With probability {@code follow_up} the answer opens
 * a campaign: a further answer one rung higher {@code follow_up_days} later (a large strike, then a
 * decapitation). A ceasefire on the attack's front drops an answer still owed ({@link Debts#forgive}).
 */
final class AnsweringRule implements DecisionRule {
    static final double MIN_SCALE = 0.25;
    static final double MAX_SCALE = 4;

    private double reliability;
    private double pressureWeight;
    double delay;
    int step;
    final int answerFrom;
    private final int maxRung;
    boolean defendAllies;
    private double killedAt;
    private double injuredAt;
    private double harmReference;
    private double planning;
    private double deterrence;
    private double warDeterrence;
    private double warDelay;
    private double followUp;
    private int followUpDays;
    private final String kind;

    AnsweringRule(Records.Rule r, Theatre t) {
        kind = r.kind();
        reliability = r.param("reliability");
        pressureWeight = r.param("pressure_weight");
        delay = r.param("delay");
        step = r.params().containsKey("step") ? (int) r.param("step") : 0;
        answerFrom = r.choices().containsKey("answer_from") ? t.scenario.rungIndex(r.choices().get("answer_from")) : t.lowestKineticRung;
        maxRung = DecisionRule.rungOrTop(r, "max_rung", t);
        defendAllies = r.param("defend_allies") != 0;
        killedAt = r.param("killed_at");
        injuredAt = r.param("injured_at");
        harmReference = r.param("harm_reference");
        planning = r.param("planning");
        deterrence = r.param("deterrence");
        warDeterrence = r.param("war_deterrence");
        warDelay = r.param("war_delay");
        followUp = r.param("follow_up");
        followUpDays = (int) r.param("follow_up_days");
    }

    /** Whether an attack with this rung and harm is owed an answer. */
    boolean triggered(int rung, int killed, int injured) {
        return rung >= answerFrom || (killedAt > 0 && killed >= killedAt) || (injuredAt > 0 && injured >= injuredAt);
    }

    /** The answer's scale for attacks of this harm (hits + killed + injured, summed over the attacks it answers). */
    double scale(double harm) {
        if (harmReference <= 0) return 1;
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, harm / harmReference));
    }

    /** Whether an attack is answered at the war's pace: a direct attack on a front at war, and a {@code war_delay} set. */
    boolean warPaced(boolean directAtWar) {
        return directAtWar && warDelay > 0;
    }

    /** Days from the attack to the answer's due day; {@code warPaced} as {@link #warPaced} says. */
    int planningDays(World w, int self, double scale, boolean warPaced) {
        // The floor keeps a state with almost no attention left from planning an answer for years.
        double share = w.theatre.mechanisms.attention() ? Math.max(0.05, w.attentionShare[self]) : 1;
        double days = warPaced ? warDelay : delay * scale / share;
        if (planning > 0) days *= Math.exp(planning * w.draws.normal());
        return (int) Math.max(1, Math.round(days));
    }

    @Override public void decide(World w, int self, Intents out) {
        int attacker = w.debts.settleDue(self, w.day);
        if (attacker < 0) return;
        Debts d = w.debts;
        int received = d.rung[self][attacker];
        double weight = d.weight[self][attacker];
        double scale = d.scale[self][attacker];
        int behalf = d.onBehalf[self][attacker];
        Theatre t = w.theatre;
        double base = Math.min(1, reliability * weight * (0.5 + w.resolve[self]));
        double pressure = t.mechanisms.domesticPressure() ? pressureWeight * w.pressure[self] : 0;
        boolean atWar = t.mechanisms.fronts() && d.atWar(self, attacker, w.fronts);
        double restraint = 1 - (atWar ? warDeterrence : deterrence) * Math.min(1, w.beliefs.fear(self, attacker));
        double rationed = t.rungDirect[received] ? w.season : w.answerPropensity[self];
        double p = (1 - (1 - base) * Math.exp(-pressure)) * restraint * rationed;
        double u = w.draws.uniform();
        if (u >= p) return;
        int desired = Math.min(received + step, maxRung);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (CompiledAction a : t.actions[self]) {
            if (a.target() != attacker || a.rung() > maxRung || !w.canPerform(self, a)) continue;
            // Between two equally near rungs, tit-for-tat takes the lower and graduated escalation the higher.
            boolean wrongSide = step > 0 ? a.rung() < desired : a.rung() > desired;
            double distance = 2 * Math.abs(a.rung() - desired) + (wrongSide ? 1 : 0) + a.cost();
            if (distance < bestDistance) {
                bestDistance = distance;
                best = a.index();
            }
        }
        if (best < 0) return;
        CompiledAction chosen = t.actions[self][best];
        int salvo = chosen.launchesWeapons() ? Math.max(1, (int) Math.round(chosen.salvo() * scale)) : -1;
        out.add(best, salvo, scale, behalf, w.explaining ? explain(w, self, attacker, p, u, received, weight, scale, chosen, atWar) : null);
        if (followUp > 0 && chosen.rung() + 1 <= maxRung && w.draws.uniform() < followUp) {
            d.owe(self, attacker, w.day + followUpDays, chosen.rung() + 1 - step, weight, d.harm[self][attacker], scale,
                    d.fronts[self][attacker], behalf);
        }
    }

    /** The answer's inputs, for the log; a front at war is named only when it holds. */
    private Decision explain(World w, int self, int attacker, double p, double u, int received, double weight, double scale,
                             CompiledAction chosen, boolean atWar) {
        List<Object> inputs = new ArrayList<>(List.of("received_rung", received + 1, "commitment", weight,
                "reliability", reliability, "domestic_pressure", w.pressure[self], "attention", w.attentionShare[self], "scale", scale,
                "fear_of_counter", w.beliefs.fear(self, attacker), "cost", chosen.cost()));
        if (atWar) inputs.addAll(List.of("at_war", 1));
        return Decision.of(kind, p, u, inputs.toArray());
    }

    @Override public void set(String name, double value) {
        switch (name) {
            case "reliability" -> reliability = value;
            case "pressure_weight" -> pressureWeight = value;
            case "delay" -> delay = Math.max(0, value);
            case "step" -> step = (int) Math.max(0, Math.round(value));
            case "defend_allies" -> defendAllies = value != 0;
            case "killed_at" -> killedAt = value;
            case "injured_at" -> injuredAt = value;
            case "harm_reference" -> harmReference = value;
            case "planning" -> planning = value;
            case "deterrence" -> deterrence = value;
            case "war_deterrence" -> warDeterrence = value;
            case "war_delay" -> warDelay = Math.max(0, value);
            case "follow_up" -> followUp = value;
            case "follow_up_days" -> followUpDays = (int) Math.max(1, Math.round(value));
            default -> throw new IllegalArgumentException(kind + ": cannot set " + name);
        }
    }

    @Override public String kind() {
        return kind;
    }
}
