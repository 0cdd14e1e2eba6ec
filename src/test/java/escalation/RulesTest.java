package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule kind behaves as docs/ODD.md says, checked against its formula over many days and seeds. */
class RulesTest {
    @TempDir
    Path dir;

    /** Two actors; 'a' attacks 'b'. Grievance is frozen (no decay, no accumulation) and there is no winter. */
    static String world(String aRule, String bResponse, String extra) {
        return """
                name: rules
                calendar: {start: 2025-03-01, end: 2025-10-31}
                mechanisms: {grievance: false, learning: false, winter: false, domestic_pressure: false}
                dynamics: {grievance_decay: 0}
                weapons:
                  rocket: {name: rocket, killed: 0.1, injured: 0.5}
                actors:
                  a:
                    name: A
                    kind: proxy
                    alignment: x
                    traits: {eagerness: 0.8, risk_tolerance: 0.5, stake: 0}
                    arsenal: {rocket: {stock: 100000}}
                    grievance: {b: 2.0}
                    beliefs: {b: {alpha: 3, beta: 1}}
                    actions:
                      - {id: harass, rung: harassment, target: b, weapon: rocket, salvo: 2}
                      - {id: strike, rung: lethal_proxy_strike, target: b, weapon: rocket, salvo: 4}
                    rule: %s
                  b:
                    name: B
                    kind: state
                    alignment: y
                    traits: {resolve: 0.5}
                    arsenal: {rocket: {stock: 100000}}
                    actions:
                      - {id: harass_back, rung: harassment, target: a, weapon: rocket, salvo: 1}
                      - {id: strike_back, rung: lethal_proxy_strike, target: a, weapon: rocket, salvo: 1}
                      - {id: hit_hard, rung: iraq_strike, target: a, weapon: rocket, salvo: 1}
                    %s
                relations:
                  adversaries:
                    - {actor: a, targets: [b]}
                    - {actor: b, targets: [a]}
                %s
                """.formatted(aRule, bResponse, extra);
    }

    private long totalAttacks(Theatre t, String actor, int seeds) {
        long sum = 0;
        for (int seed : Scenarios.seeds(seeds)) sum += Scenarios.attacksBy(t, Scenarios.run(t, seed), actor);
        return sum;
    }

    /** Asserts an observed count of a binomial(n, p) is within 4.5 standard deviations of n p. */
    private static void assertBinomial(long observed, long n, double p, String what) {
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(observed - mean) <= 4.5 * sd + 1,
                what + ": observed " + observed + " of " + n + ", expected " + mean + " +- " + 4.5 * sd);
    }

    @Test
    void thresholdRuleNeverActsBelowItsThreshold() {
        Theatre t = Scenarios.fromYaml(dir, world("{kind: threshold, threshold: 2.5, tempo: 1, deterrence: 0}", "", ""));
        assertEquals(0, totalAttacks(t, "a", 5));
    }

    @Test
    void thresholdRuleActsAtTempoTimesDeterrenceAboveIt() {
        Theatre t = Scenarios.fromYaml(dir, world("{kind: threshold, threshold: 1.5, tempo: 0.3, deterrence: 0.5}", "", ""));
        // belief Beta(3, 1) = 0.75: p = 0.3 x (1 - 0.5 x 0.75)
        assertBinomial(totalAttacks(t, "a", 20), 20L * t.days, 0.3 * (1 - 0.5 * 0.75), "threshold rule daily rate");
    }

    @Test
    void utilityRuleFollowsTheLogitFormula() {
        double tempo = 0.7;
        double eagerness = 0.8;
        double base = 0.3;
        double gain = 1.0;
        double cost = 2.0;
        double temperature = 0.5;
        double g = 2.0;
        double belief = 0.75;
        double fear = cost * (1 - 0.5) * (1 + 0) * belief;
        double[] intensity = {2.0 / 9, 3.0 / 9};
        double[] w = new double[2];
        double sum = 1;
        for (int k = 0; k < 2; k++) {
            double u = eagerness * (base + gain * g / (1 + g)) * Math.sqrt(intensity[k]) - fear * intensity[k];
            w[k] = Math.exp(u / temperature);
            sum += w[k];
        }
        Theatre t = Scenarios.fromYaml(dir, world("{kind: utility, tempo: %s, base: %s, gain: %s, cost: %s, temperature: %s}"
                .formatted(tempo, base, gain, cost, temperature), "", ""));
        long days = 20L * t.days;
        long harass = 0;
        long strike = 0;
        for (int seed : Scenarios.seeds(20)) {
            RunRecord r = Scenarios.run(t, seed);
            // each harassment launches 2 rockets and each strike 4: weapons = 2 harass + 4 strike
            int attacks = r.byAttacker(r.attacks, 0);
            int weapons = r.byAttacker(r.weapons, 0);
            strike += (weapons - 2L * attacks) / 2;
            harass += attacks - (weapons - 2L * attacks) / 2;
        }
        assertBinomial(harass, days, tempo * w[0] / sum, "utility rule: harassment");
        assertBinomial(strike, days, tempo * w[1] / sum, "utility rule: lethal strike");
    }

    @Test
    void utilityRuleIsDeterredByAFearedRetaliation() {
        Theatre bold = Scenarios.fromYaml(dir, world("{kind: utility, tempo: 0.7, cost: 0}", "", ""));
        Theatre deterred = Scenarios.fromYaml(dir, world("{kind: utility, tempo: 0.7, cost: 20}", "", ""));
        long a = totalAttacks(bold, "a", 10);
        long b = totalAttacks(deterred, "a", 10);
        assertTrue(b < a / 4, "a feared retaliation deters: " + a + " vs " + b);
    }

    @Test
    void scriptedRuleActsOnItsDatesOnly() {
        Theatre t = Scenarios.fromYaml(dir, world("""
                {kind: scripted, actions: [{date: 2025-03-10, action: strike, salvo: 7}, {date: 2025-05-01, action: harass}]}""", "", ""));
        for (int seed : Scenarios.seeds(3)) {
            RunRecord r = Scenarios.run(t, seed);
            int[] active = java.util.stream.IntStream.range(0, t.days).filter(d -> r.dailyLevel[d] > 0).toArray();
            assertEquals(List.of(t.dayOf(java.time.LocalDate.of(2025, 3, 10)), t.dayOf(java.time.LocalDate.of(2025, 5, 1))),
                    Arrays.stream(active).boxed().toList());
            assertEquals(3, r.dailyLevel[active[0]], "the strike sits on the lethal rung (level 3)");
            assertEquals(9, r.byAttacker(r.weapons, 0), "7 scripted weapons + 2 of the harassment salvo");
        }
    }

    private static final String ONE_STRIKE = "{kind: scripted, actions: [{date: 2025-03-10, action: strike}]}";

    private int[] answerDayAndLevel(Theatre t, int seed) {
        RunRecord r = Scenarios.run(t, seed);
        int strikeDay = t.dayOf(java.time.LocalDate.of(2025, 3, 10));
        for (int d = strikeDay + 1; d < t.days; d++) {
            if (r.dailyLevel[d] > 0) return new int[] {d - strikeDay, r.dailyLevel[d]};
        }
        return null;
    }

    @Test
    void titForTatAnswersOnTheSameRungAfterItsDelay() {
        Theatre t = Scenarios.fromYaml(dir, world(ONE_STRIKE, "response: {kind: tit_for_tat, reliability: 1, delay: 3}", ""));
        for (int seed : Scenarios.seeds(5)) {
            assertEquals(List.of(3, 3), Arrays.stream(answerDayAndLevel(t, seed)).boxed().toList());
        }
    }

    @Test
    void graduatedEscalationAnswersARungHigherOrTheNextAvailable() {
        // lethal strike (level 3) + 1 = corridor strike (level 4), which B lacks: it takes the next rung up, level 5.
        Theatre t = Scenarios.fromYaml(dir, world(ONE_STRIKE, "response: {kind: graduated, reliability: 1, delay: 2}", ""));
        for (int seed : Scenarios.seeds(5)) {
            assertEquals(List.of(2, 5), Arrays.stream(answerDayAndLevel(t, seed)).boxed().toList());
        }
        Theatre capped = Scenarios.fromYaml(dir, world(ONE_STRIKE,
                "response: {kind: graduated, reliability: 1, delay: 2, max_rung: lethal_proxy_strike}", ""));
        assertEquals(3, answerDayAndLevel(capped, 1)[1], "max_rung caps the answer");
    }

    @Test
    void answeringProbabilityIsReliabilityTimesResolve() {
        // resolve 0.5 gives a factor 1: p = reliability; below answer_from nothing is owed.
        Theatre t = Scenarios.fromYaml(dir, world(ONE_STRIKE, "response: {kind: tit_for_tat, reliability: 0.3, delay: 1}", ""));
        int answered = 0;
        int n = 400;
        for (int seed : Scenarios.seeds(n)) {
            if (answerDayAndLevel(t, seed) != null) answered++;
        }
        assertBinomial(answered, n, 0.3, "answers");
        // Casualties push toward answering: four hits killing about 20 give pressure about 2, so with
        // pressure_weight 2 the probability is about 1 - 0.7 e^-4 = 0.99.
        Theatre pressed = Scenarios.fromYaml(dir, world(ONE_STRIKE,
                "response: {kind: tit_for_tat, reliability: 0.3, delay: 1, pressure_weight: 2}", "")
                .replace("domestic_pressure: false", "domestic_pressure: true"), "weapons.rocket.killed=5");
        int pressedAnswers = 0;
        for (int seed : Scenarios.seeds(100)) {
            if (answerDayAndLevel(pressed, seed) != null) pressedAnswers++;
        }
        assertTrue(pressedAnswers > 90, "domestic pressure after casualties makes an answer near certain: " + pressedAnswers);
        Theatre ignores = Scenarios.fromYaml(dir, world(ONE_STRIKE,
                "response: {kind: tit_for_tat, reliability: 1, delay: 1, answer_from: iraq_strike}", ""));
        assertTrue(answerDayAndLevel(ignores, 1) == null, "attacks below answer_from are not answered");
    }

    @Test
    void patronOrdersFollowTheDistressOfItsAllies() {
        String yaml = world(ONE_STRIKE, "", "").replace("relations:\n", """
                  p:
                    name: Patron
                    kind: patron
                    alignment: y
                    rule: {kind: patron, allies: [b], activate_at: 0.2, surge_at: 100, restrain_at: 100}
                relations:
                  patronage:
                    - {patron: p, proxy: b, control: 1, compliance: 1}
                """);
        Theatre t = Scenarios.fromYaml(dir, yaml);
        String events = Scenarios.logged(t, 5)[0];
        List<String> orders = events.lines().filter(l -> l.contains(",order,")).toList();
        assertEquals(2, orders.size(), events);
        assertTrue(orders.get(0).startsWith("2025-03-11") && orders.get(0).contains("activate"),
                "the day after its ally is struck, the patron orders activation: " + orders);
        assertTrue(orders.get(1).contains("to hold"), "once the harm fades from memory it holds again: " + orders);
        String day = orders.get(1).substring(0, 10);
        assertTrue(day.compareTo("2025-03-14") > 0 && day.compareTo("2025-04-10") < 0, "fading takes days, not months: " + day);
    }
}
