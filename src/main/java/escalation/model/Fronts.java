package escalation.model;

import escalation.spec.ScenarioSpec;

/**
 * The fronts of the wider war in one run (Gaza, Lebanon, the Red Sea, the direct Iran-Israel track),
 * each quiet, at war, in a truce or under a ceasefire, set by dated events. Two couplings read them:
 * <ul>
 * <li><b>attention</b>: a state's capacity is shared among its fronts at war, so its attention to this
 * theatre is {@code attention / (1 + sum of the demands of its fronts at war)} (domain brief: Israel's
 * assets are committed to Lebanon and Gaza, so the Iraqi front is not yet a priority);</li>
 * <li><b>solidarity</b>: an actor's intensity of action is multiplied by the factor of each of its
 * couplings whose front is in the coupled state (the factions' tempo followed Hezbollah's war and fell
 * with the ceasefires of Nov 2024 and Jan 2025: Washington Institute, Militia Spotlight tallies;
 * al-Nujaba suspended its attacks on the Gaza ceasefire, Jan 2025).</li>
 * </ul>
 */
public final class Fronts {
    static final int QUIET = ScenarioSpec.FRONT_STATES.indexOf("quiet");
    static final int WAR = ScenarioSpec.FRONT_STATES.indexOf("war");
    static final int TRUCE = ScenarioSpec.FRONT_STATES.indexOf("truce");
    static final int CEASEFIRE = ScenarioSpec.FRONT_STATES.indexOf("ceasefire");

    private final Theatre theatre;
    private final int[] state;

    Fronts(Theatre t) {
        theatre = t;
        state = t.initialFrontState.clone();
    }

    /** The state of front {@code f}, an index into {@link ScenarioSpec#FRONT_STATES}. */
    public int state(int f) {
        return state[f];
    }

    /** Sets a front's state; true when it changed. */
    boolean set(int f, int newState) {
        if (state[f] == newState) return false;
        state[f] = newState;
        return true;
    }

    /** True while the front holds a truce or a ceasefire: answers owed for it are dropped. */
    static boolean pacified(int s) {
        return s == TRUCE || s == CEASEFIRE;
    }

    /** The share of {@code attention} left to this theatre by the actor's fronts at war. */
    double attentionShare(int actor, double attention) {
        int[] fronts = theatre.demandFront[actor];
        double load = 0;
        for (int k = 0; k < fronts.length; k++) {
            if (state[fronts[k]] == WAR) load += theatre.demand[actor][k];
        }
        return attention / (1 + load);
    }

    /** The product of the factors of the actor's couplings whose front is in the coupled state. */
    double coupling(int actor) {
        int[] fronts = theatre.couplingFront[actor];
        double factor = 1;
        for (int k = 0; k < fronts.length; k++) {
            if (state[fronts[k]] == theatre.couplingState[actor][k]) factor *= theatre.couplingFactor[actor][k];
        }
        return factor;
    }
}
