package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answering doctrine keyed to harm ({@link AnsweringRule}): a red line on people killed triggers an
 * answer whatever the attack's rung, the answer's salvo scales with the harm received, and its planning
 * time grows with that harm and with the fronts at war that absorb the state; on a front at war the answer
 * weighs war_deterrence for fear of a counter-blow, and a direct attack there is answered after war_delay.
 */
class AnsweringRuleTest {
    private static final int SEEDS = 300;

    @TempDir
    Path dir;

    /** A militia that strikes only on five dated days, ten days apart, and a state that only answers. */
    private static final String RED_LINE = """
            name: red-line
            calendar:
              start: 2025-03-01
              end: 2025-04-30
              events:
                - {date: 2025-03-05, name: drone 1, effects: [{perform: {actor: militia, action: drone}}]}
                - {date: 2025-03-15, name: drone 2, effects: [{perform: {actor: militia, action: drone}}]}
                - {date: 2025-03-25, name: drone 3, effects: [{perform: {actor: militia, action: drone}}]}
                - {date: 2025-04-04, name: drone 4, effects: [{perform: {actor: militia, action: drone}}]}
                - {date: 2025-04-14, name: drone 5, effects: [{perform: {actor: militia, action: drone}}]}
            mechanisms: {winter: false}
            weapons:
              drone: {name: drone, killed: %s}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {drone: {stock: 1000}}
                actions: [{id: drone, rung: harassment, target: state, weapon: drone, salvo: 2}]
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: strike_back, rung: iraq_strike, target: militia, weapon: air_munition, salvo: 3}]
                response: {kind: tit_for_tat, answer_from: iraq_strike, killed_at: 1, reliability: 1, delay: 2}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void aRedLineOnPeopleKilledAnswersAttacksBelowTheAnsweredRung() {
        Theatre harmless = Runs.theatre(dir, RED_LINE.formatted(0));
        Theatre lethal = Runs.theatre(dir, RED_LINE.formatted(3));
        int state = lethal.index("state");
        int militia = lethal.index("militia");
        double[] none = Runs.perSeed(harmless, SEEDS, r -> Runs.strikes(r, state, militia, 0, 1000));
        double[] many = Runs.perSeed(lethal, SEEDS, r -> Runs.strikes(r, state, militia, 0, 1000));
        assertEquals(0, Runs.sum(none), "attacks below answer_from that kill nobody are never answered");
        double p = Runs.mannWhitney(none, many);
        assertTrue(Runs.mean(many) > 4.8 && p < 0.01,
                "attacks that kill (3 per hit, 2 hits) cross the red line and are answered: " + Runs.mean(many) + " of 5, p=" + p);

        // Mixed: some attacks kill and some do not; exactly those that kill are answered.
        Theatre mixed = Runs.theatre(dir, RED_LINE.formatted(0.3));
        int answered = 0;
        int unanswered = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(mixed, seed);
            int killing = 0;
            for (int i = 0; i < r.strikes.size(); i++) {
                if (r.strikes.attacker(i) == militia && r.strikes.killed(i) >= 1) killing++;
            }
            int answers = Runs.strikes(r, state, militia, 0, 1000);
            assertEquals(killing, answers, "seed " + seed + ": one answer per attack that killed");
            answered += killing;
            unanswered += 5 - killing;
        }
        assertTrue(answered > 200 && unanswered > 200, "both kinds occur: " + answered + " and " + unanswered);

        // Without the red line the same lethal attacks sit below answer_from and go unanswered.
        Theatre noRedLine = Runs.theatre(dir, RED_LINE.formatted(3), "actors.state.response.killed_at=0");
        assertEquals(0, Runs.sum(Runs.perSeed(noRedLine, SEEDS, r -> Runs.strikes(r, state, militia, 0, 1000))));
        // And attacks at or above answer_from are answered whatever they kill.
        Theatre byRung = Runs.theatre(dir, RED_LINE.formatted(0), "actors.state.response.answer_from=harassment");
        assertEquals(5.0, Runs.mean(Runs.perSeed(byRung, SEEDS, r -> Runs.strikes(r, state, militia, 0, 1000))), 1e-9);
    }

    /** One dated attack of varying harm and a state whose answer is sized by harm_reference. */
    private static final String SIZED = """
            name: sized
            calendar:
              start: 2025-03-01
              end: 2025-07-31
              events:
                - {date: 2025-03-06, name: drones, effects: [{perform: {actor: militia, action: drones}}]}
            mechanisms: {winter: false}
            fronts:
              lebanon: {state: quiet}
            weapons:
              drone: {name: drone, killed: %s}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {drone: {stock: 1000}}
                actions: [{id: drones, rung: harassment, target: state, weapon: drone, salvo: 4}]
              state:
                name: State
                kind: state
                alignment: west
                fronts: {lebanon: {demand: 2}}
                air_defence: {drone: 0.5}
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: strike_back, rung: iraq_strike, target: militia, weapon: air_munition, salvo: 4}]
                response: {kind: tit_for_tat, reliability: 1, delay: 4, harm_reference: 4, planning: %s}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    private static final int ATTACK_DAY = 5;

    @Test
    void theAnswersSalvoAndPlanningTimeFollowTheHarmReceived() {
        Theatre t = Runs.theatre(dir, SIZED.formatted(1.5, 0));
        int state = t.index("state");
        int militia = t.index("militia");
        List<Double> harms = new ArrayList<>();
        List<Double> salvos = new ArrayList<>();
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            int attack = Runs.firstStrike(r, militia, 0);
            int answer = Runs.firstStrike(r, state, 0);
            RunRecord.Strikes s = r.strikes;
            int hits = s.reached(attack) - s.intercepted(attack);
            double harm = hits + s.killed(attack) + s.injured(attack);
            double scale = Math.max(0.25, Math.min(4, harm / 4));
            assertEquals(Math.max(1, Math.round(4 * scale)), s.launched(answer), "seed " + seed + ": salvo 4 x harm / 4");
            // planning 0: the delay is 4 x scale at full attention
            assertEquals(Math.max(1, Math.round(4 * scale)), s.day(answer) - ATTACK_DAY, "seed " + seed + ": planning time");
            harms.add(harm);
            salvos.add((double) s.launched(answer));
        }
        double rho = new SpearmansCorrelation().correlation(Runs.toArray(harms), Runs.toArray(salvos));
        assertTrue(rho > 0.9, "the answer's salvo rises with the harm: Spearman " + rho);

        // Larger harm, larger salvo: a weapon killing nobody against one killing 3 per hit.
        double[] small = Runs.perSeed(Runs.theatre(dir, SIZED.formatted(0, 0)), SEEDS, r -> r.strikes.launched(Runs.firstStrike(r, state, 0)));
        double[] large = Runs.perSeed(Runs.theatre(dir, SIZED.formatted(3, 0)), SEEDS, r -> r.strikes.launched(Runs.firstStrike(r, state, 0)));
        double p = Runs.mannWhitney(small, large);
        assertTrue(Runs.mean(large) > 3 * Runs.mean(small) && p < 0.01,
                "answer salvo " + Runs.mean(small) + " for harmless attacks against " + Runs.mean(large) + " for lethal ones, p=" + p);
    }

    @Test
    void attacksBeforeTheAnswerIsDueAreAnsweredTogetherForTheirSummedHarm() {
        // A second attack the day after the first, while the answer to the first is still being planned.
        String twice = SIZED.formatted(1.5, 0).replace(
                "    - {date: 2025-03-06, name: drones, effects: [{perform: {actor: militia, action: drones}}]}\n",
                "    - {date: 2025-03-06, name: drones, effects: [{perform: {actor: militia, action: drones}}]}\n"
                        + "    - {date: 2025-03-07, name: more drones, effects: [{perform: {actor: militia, action: drones}}]}\n")
                .replace("delay: 4,", "delay: 8,");
        Theatre t = Runs.theatre(dir, twice);
        int state = t.index("state");
        int militia = t.index("militia");
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            RunRecord.Strikes s = r.strikes;
            double harm = 0;
            double firstHarm = 0;
            int attacks = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.attacker(i) != militia) continue;
                double h = s.reached(i) - s.intercepted(i) + s.killed(i) + s.injured(i);
                if (attacks++ == 0) firstHarm = h;
                harm += h;
            }
            assertEquals(2, attacks);
            assertEquals(1, Runs.strikes(r, state, militia, 0, 1000), "seed " + seed + ": one answer for both");
            int answer = Runs.firstStrike(r, state, 0);
            double scale = Math.max(0.25, Math.min(4, harm / 4));
            assertEquals(Math.max(1, Math.round(4 * scale)), s.launched(answer), "seed " + seed + ": sized to the summed harm");
            // due when the combined answer is planned from the second attack, and never before the first's
            long firstDue = ATTACK_DAY + Math.max(1, Math.round(8 * Math.max(0.25, Math.min(4, firstHarm / 4))));
            long combinedDue = ATTACK_DAY + 1 + Math.max(1, Math.round(8 * scale));
            assertEquals(Math.max(firstDue, combinedDue), s.day(answer), "seed " + seed + ": planned anew");
        }
    }

    @Test
    void planningTakesLongerForLargerAnswersAndWhileFrontsAreAtWar() {
        Theatre light = Runs.theatre(dir, SIZED.formatted(0, 0.3));
        Theatre heavy = Runs.theatre(dir, SIZED.formatted(3, 0.3));
        Theatre heavyAtWar = Runs.theatre(dir, SIZED.formatted(3, 0.3), "fronts.lebanon.state=war");
        int state = light.index("state");
        double[] lightLag = lags(light, state);
        double[] heavyLag = lags(heavy, state);
        double[] warLag = lags(heavyAtWar, state);
        double p = Runs.mannWhitney(lightLag, heavyLag);
        assertTrue(median(heavyLag) > 2 * median(lightLag) && p < 0.01,
                "larger answers take longer to plan: " + median(lightLag) + " against " + median(heavyLag) + " days, p=" + p);
        double q = Runs.mannWhitney(heavyLag, warLag);
        double ratio = median(warLag) / median(heavyLag);
        // demand 2 leaves a third of the attention: three times the planning time
        assertTrue(ratio > 2.3 && ratio < 3.8 && q < 0.01,
                "a front at war slows the planning: " + median(heavyLag) + " against " + median(warLag) + " days, p=" + q);
    }

    /** Days from the attack to the answer, in the runs where it came. */
    private static double[] lags(Theatre t, int state) {
        List<Double> out = new ArrayList<>();
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            int answer = Runs.firstStrike(r, state, 0);
            if (answer >= 0) out.add((double) (r.strikes.day(answer) - ATTACK_DAY));
        }
        assertTrue(out.size() > 50, "answers came in " + out.size() + " runs");
        return Runs.toArray(out);
    }

    private static final String CAMPAIGN = """
            name: campaign
            calendar:
              start: 2025-03-01
              end: 2025-04-30
              events:
                - {date: 2025-03-06, name: rockets, effects: [{perform: {actor: militia, action: rockets}}]}
            mechanisms: {winter: false, learning: false}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000}}
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                beliefs: {militia: {alpha: 9, beta: 1}}
                actions:
                  - {id: raid, rung: lethal_proxy_strike, target: militia, weapon: air_munition, salvo: 1}
                  - {id: campaign, rung: corridor_strike, target: militia, weapon: air_munition, salvo: 7}
                response: {kind: tit_for_tat, reliability: 1, delay: 2, max_rung: corridor_strike, follow_up: %s, follow_up_days: 10, deterrence: %s}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void anAnswerOpensACampaignOneRungHigherWithProbabilityFollowUp() {
        Theatre t = Runs.theatre(dir, CAMPAIGN.formatted(0.4, 0));
        int state = t.index("state");
        int campaigns = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            RunRecord.Strikes s = r.strikes;
            int first = Runs.firstStrike(r, state, 0);
            assertEquals(ATTACK_DAY + 2, s.day(first));
            assertEquals(1, s.launched(first), "the answer on the attack's rung (nearest above it): the raid");
            int n = Runs.strikes(r, state, -1, 0, 1000);
            assertTrue(n <= 2, "no follow-up above max_rung");
            if (n == 2) {
                int second = Runs.firstStrike(r, state, s.day(first) + 1);
                assertEquals(s.day(first) + 10, s.day(second), "follow_up_days later");
                assertEquals(7, s.launched(second), "one rung higher: the campaign strike");
                campaigns++;
            }
        }
        double share = campaigns / (double) SEEDS;
        assertTrue(Math.abs(share - 0.4) < 4 * Math.sqrt(0.4 * 0.6 / SEEDS), "campaigns opened: " + share);
    }

    @Test
    void fearOfTheAttackersCounterRetaliationDetersTheAnswer() {
        Theatre bold = Runs.theatre(dir, CAMPAIGN.formatted(0, 0));
        Theatre deterred = Runs.theatre(dir, CAMPAIGN.formatted(0, 1));
        int state = bold.index("state");
        double[] a = Runs.perSeed(bold, SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        double[] b = Runs.perSeed(deterred, SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        assertEquals(1.0, Runs.mean(a), 1e-9, "undeterred, it always answers");
        // 1 - deterrence x fear, fear = 0.9 x severity 1: one answer in ten
        double share = Runs.mean(b);
        double p = Runs.mannWhitney(a, b);
        assertTrue(Math.abs(share - 0.1) < 4 * Math.sqrt(0.1 * 0.9 / SEEDS) && p < 0.01, "answered when deterred: " + share);
    }

    /**
     * A militia's dated attack on a front, against a state that fears the militia's counter-blow (belief 0.9,
     * deterrence 1) and answers after 6 days in peace.
     */
    private static final String AT_WAR = """
            name: at-war
            calendar:
              start: 2025-03-01
              end: 2025-04-30
              events:
                - {date: 2025-03-06, name: rockets, effects: [{perform: {actor: militia, action: rockets}}]}
            mechanisms: {winter: false, learning: false}
            fronts:
              north: {state: %s}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000}}
                actions: [{id: rockets, rung: %s, target: state, weapon: rocket, front: north}]
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                beliefs: {militia: {alpha: 9, beta: 1}}
                actions: [{id: raid, rung: lethal_proxy_strike, target: militia, weapon: air_munition, salvo: 1}]
                response: {kind: tit_for_tat, reliability: 1, delay: 6, deterrence: 1, war_deterrence: %s, war_delay: %s}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void onAFrontAtWarTheFearOfACounterBlowWeighsWarDeterrence() {
        int state = Runs.theatre(dir, AT_WAR.formatted("quiet", "harassment", 0, 0)).index("state");
        double[] quiet = Runs.perSeed(Runs.theatre(dir, AT_WAR.formatted("quiet", "harassment", 0, 0)), SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        double[] war = Runs.perSeed(Runs.theatre(dir, AT_WAR.formatted("war", "harassment", 0, 0)), SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        double[] warDeterred = Runs.perSeed(Runs.theatre(dir, AT_WAR.formatted("war", "harassment", 1, 0)), SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        double[] warOff = Runs.perSeed(Runs.theatre(dir, AT_WAR.formatted("war", "harassment", 0, 0), "mechanisms.fronts=false"), SEEDS,
                r -> Runs.strikes(r, state, -1, 0, 1000));
        // 1 - deterrence x fear, fear 0.9: one answer in ten while the front is quiet
        double bound = 4 * Math.sqrt(0.1 * 0.9 / SEEDS);
        assertTrue(Math.abs(Runs.mean(quiet) - 0.1) < bound, "answered on a quiet front: " + Runs.mean(quiet));
        assertEquals(1.0, Runs.mean(war), 1e-9, "at war, war_deterrence 0: the counter-blow it feared is no check, so it always answers");
        assertTrue(Math.abs(Runs.mean(warDeterred) - 0.1) < bound, "war_deterrence 1 deters as in peace: " + Runs.mean(warDeterred));
        assertTrue(Math.abs(Runs.mean(warOff) - 0.1) < bound, "with the fronts mechanism off no front is at war: " + Runs.mean(warOff));
        assertTrue(Runs.mannWhitney(quiet, war) < 0.01);
    }

    @Test
    void aDirectAttackOnAFrontAtWarIsAnsweredAfterWarDelay() {
        Theatre fast = Runs.theatre(dir, AT_WAR.formatted("war", "direct_exchange", 0, 1));
        Theatre usual = Runs.theatre(dir, AT_WAR.formatted("war", "direct_exchange", 0, 0));
        Theatre peace = Runs.theatre(dir, AT_WAR.formatted("quiet", "direct_exchange", 1, 1));
        Theatre proxyWar = Runs.theatre(dir, AT_WAR.formatted("war", "harassment", 0, 1));
        int state = fast.index("state");
        int inPeace = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            assertEquals(ATTACK_DAY + 1, answerDay(fast, state, seed), "seed " + seed + ": war_delay 1, the next day");
            assertEquals(ATTACK_DAY + 6, answerDay(usual, state, seed), "seed " + seed + ": war_delay 0 keeps the usual delay of 6 days");
            assertEquals(ATTACK_DAY + 6, answerDay(proxyWar, state, seed), "seed " + seed + ": an attack below the direct rungs keeps the usual delay");
            int day = answerDay(peace, state, seed);
            if (day >= 0) {
                assertEquals(ATTACK_DAY + 6, day, "seed " + seed + ": a quiet front plans as usual");
                inPeace++;
            }
        }
        assertTrue(inPeace > 10, "answers on the quiet front: " + inPeace);
    }

    /** A rocket attack on a quiet front, then, two days later, a barrage that takes the front to war. */
    private static final String TO_WAR = """
            name: to-war
            calendar:
              start: 2025-03-01
              end: 2025-04-30
              events:
                - {date: 2025-03-06, name: rockets, effects: [{perform: {actor: militia, action: rockets}}]}
                - {date: 2025-03-08, name: barrage, effects: [{perform: {actor: militia, action: barrage, killed: 50}}]}
            mechanisms: {winter: false, learning: false}
            fronts:
              north: {state: quiet, war_at: 10}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000}}
                actions:
                  - {id: rockets, rung: harassment, target: state, weapon: rocket, front: north}
                  - {id: barrage, rung: direct_exchange, target: state, weapon: rocket, salvo: 20, front: north}
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: raid, rung: lethal_proxy_strike, target: militia, weapon: air_munition, salvo: 1}]
                response: {kind: tit_for_tat, reliability: 1, delay: 6, war_delay: %s}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void anAnswerStillBeingPlannedWhenTheWarBeginsComesAtTheWarsPace() {
        Theatre paced = Runs.theatre(dir, TO_WAR.formatted(1));
        Theatre unpaced = Runs.theatre(dir, TO_WAR.formatted(0));
        int state = paced.index("state");
        for (int seed : Runs.seeds(50)) {
            RunRecord r = Runs.run(paced, seed);
            assertEquals(ATTACK_DAY + 3, answerDay(paced, state, seed), "seed " + seed + ": the barrage of day 7 takes the front to war, answered on day 8");
            assertEquals(1, Runs.strikes(r, state, -1, 0, 1000), "one answer for both attacks");
            assertEquals(ATTACK_DAY + 8, answerDay(unpaced, state, seed), "seed " + seed + ": without war_delay, re-planned from day 7: 6 days");
        }
    }

    /** The day of the state's first strike, or -1. */
    private static int answerDay(Theatre t, int state, int seed) {
        RunRecord r = Runs.run(t, seed);
        int answer = Runs.firstStrike(r, state, 0);
        return answer < 0 ? -1 : r.strikes.day(answer);
    }

    private static double median(double[] x) {
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(x);
    }
}
