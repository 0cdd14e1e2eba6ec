package escalation.model;

import escalation.scenario.Records;

/**
 * How an actor decides, once a day, in the decide phase. Decisions read the state as the perceive
 * phase left it (yesterday's outcomes, today's decay, resupply, events and propensities) and change
 * nothing but their own intents, so the order in which actors decide does not matter.
 */
public interface DecisionRule {
    /** Adds today's actions of {@code self} to {@code out}. */
    void decide(World world, int self, Intents out);

    /** Changes a numeric parameter mid-run; names are those of the scenario file. */
    void set(String name, double value);

    String kind();

    /** False for rules that give orders rather than act: they run even on days the actor's doctrine answers. */
    default boolean acts() {
        return true;
    }

    /** Builds the rule an actor's scenario entry declares. */
    static DecisionRule of(Records.Rule rule, Theatre t, int self) {
        if (rule == null) return null;
        return switch (rule.kind()) {
            case "threshold" -> new ThresholdRule(rule, t);
            case "utility" -> new UtilityRule(rule, t);
            case "scripted" -> new ScriptedRule(rule, t, self);
            case "patron" -> new PatronRule(rule, t, self);
            case "host" -> new HostRule(rule);
            case "tit_for_tat", "graduated" -> new AnsweringRule(rule, t);
            default -> throw new IllegalArgumentException("unknown rule kind " + rule.kind());
        };
    }

    /** The highest rung at or below {@code maxRung} among the actor's usable actions against {@code target}, or -1. */
    static int bestAction(World w, int self, int target, int maxRung) {
        CompiledAction[] actions = w.theatre.actions[self];
        int best = -1;
        for (CompiledAction a : actions) {
            if ((target < 0 || a.target() == target) && a.rung() <= maxRung && w.canPerform(self, a)
                    && (best < 0 || a.rung() > actions[best].rung())) {
                best = a.index();
            }
        }
        return best;
    }

    static int rungOrTop(Records.Rule rule, String key, Theatre t) {
        String id = rule.choices().get(key);
        return id == null ? t.rungs() - 1 : t.scenario.rungIndex(id);
    }
}
