package escalation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanisms at the heart of the model, over many seeds, with bounds a broken mechanism would
 * break: demonstrated retaliation deters, a patron's restraint reaches compliant factions more than
 * autonomous ones, and winter lowers the tempo.
 */
class DeterrenceTest {
    private static final int SEEDS = 30;

    @TempDir
    Path dir;

    private static double[] attacks(Theatre t, String actor) {
        List<Integer> seeds = Scenarios.seeds(SEEDS);
        double[] out = new double[seeds.size()];
        for (int i = 0; i < out.length; i++) out[i] = Scenarios.attacksBy(t, Scenarios.run(t, seeds.get(i)), actor);
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    @Test
    void demonstratedRetaliationLowersTheMilitiasAttackRate() {
        Path primer = Scenarios.SHIPPED.resolve("deterrence-primer.yaml");
        double[] empty = attacks(Scenarios.theatre(primer, "actors.state.response.reliability=0.05"), "militia");
        double[] credible = attacks(Scenarios.theatre(primer, "actors.state.response.reliability=0.95"), "militia");
        double p = new MannWhitneyUTest().mannWhitneyUTest(empty, credible);
        assertTrue(mean(credible) < 0.75 * mean(empty) && p < 0.001,
                "credible retaliation deters: " + mean(empty) + " vs " + mean(credible) + " attacks a year, p=" + p);
        // Without learning the militia never finds out, and the doctrine cannot deter through belief.
        double[] blind = attacks(Scenarios.theatre(primer, "actors.state.response.reliability=0.95", "mechanisms.learning=false",
                "mechanisms.grievance=false"), "militia");
        double[] blindEmpty = attacks(Scenarios.theatre(primer, "actors.state.response.reliability=0.05", "mechanisms.learning=false",
                "mechanisms.grievance=false"), "militia");
        assertTrue(Math.abs(mean(blind) - mean(blindEmpty)) < 0.1 * mean(blindEmpty),
                "with learning off, retaliation no longer deters: " + mean(blindEmpty) + " vs " + mean(blind));
    }

    @Test
    void credibleRetaliationLowersLethalStrikesFromIraqInTheAutumnScenario() {
        Theatre base = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));
        Theatre credible = Scenarios.theatre(Scenarios.SHIPPED.resolve("credible-retaliation.yaml"));
        double[] a = new double[SEEDS];
        double[] b = new double[SEEDS];
        int israel = base.index("israel");
        List<Integer> seeds = Scenarios.seeds(SEEDS);
        for (int i = 0; i < SEEDS; i++) {
            a[i] = lethalFromIraq(base, Scenarios.run(base, seeds.get(i)), israel);
            b[i] = lethalFromIraq(credible, Scenarios.run(credible, seeds.get(i)), israel);
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        assertTrue(mean(b) < mean(a) && p < 0.01, "lethal strikes from Iraq on Israel: " + mean(a) + " vs " + mean(b) + ", p=" + p);
    }

    /** Drone strikes (2 drones each) on Israel by the four Iraqi factions: weapons minus one per attack. */
    private static double lethalFromIraq(Theatre t, RunRecord r, int israel) {
        double sum = 0;
        for (String f : new String[] {"kh", "nujaba", "aah", "kss"}) {
            int cell = r.cell(t.index(f), israel);
            sum += r.weapons[cell] - r.attacks[cell];   // 2 per strike, 1 per harassment: excess = strikes
        }
        return sum;
    }

    private static final String PATRON_WORLD = """
            name: patron-test
            calendar: {start: 2025-03-01, end: 2025-10-31}
            mechanisms: {winter: false, learning: false, grievance: false}
            dynamics: {grievance_decay: 0}
            weapons:
              rocket: {name: rocket}
            actors:
              patron:
                name: Patron
                kind: patron
                alignment: axis
                rule: {kind: patron, default_order: %s, activate_at: 1000, surge_at: 1000, restrain_at: 1000}
              loyal:
                name: Compliant faction
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                grievance: {enemy: 2}
                actions: [{id: fire, rung: harassment, target: enemy, weapon: rocket}]
                rule: {kind: threshold, threshold: 1, tempo: 0.4, deterrence: 0}
              maverick:
                name: Autonomous faction
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                grievance: {enemy: 2}
                actions: [{id: fire, rung: harassment, target: enemy, weapon: rocket}]
                rule: {kind: threshold, threshold: 1, tempo: 0.4, deterrence: 0}
              enemy:
                name: Enemy
                kind: state
                alignment: west
            relations:
              patronage:
                - {patron: patron, proxy: loyal, control: 1, compliance: 0.9}
                - {patron: patron, proxy: maverick, control: 1, compliance: 0.1}
              adversaries:
                - {actor: loyal, targets: [enemy]}
                - {actor: maverick, targets: [enemy]}
            """;

    @Test
    void aRestrainOrderReachesCompliantFactionsMoreThanAutonomousOnes() {
        Theatre hold = Scenarios.fromYaml(dir, PATRON_WORLD.formatted("hold"));
        Theatre restrain = Scenarios.fromYaml(dir, PATRON_WORLD.formatted("restrain"));
        double loyalCut = 1 - mean(attacks(restrain, "loyal")) / mean(attacks(hold, "loyal"));
        double maverickCut = 1 - mean(attacks(restrain, "maverick")) / mean(attacks(hold, "maverick"));
        // Expected from the formula: 1 - (1 + 0.9 (0.2 - 1)) / (1 + 0.9 (0.7 - 1)) = 0.62 against 0.05.
        assertTrue(loyalCut > 0.5 && maverickCut < 0.15 && loyalCut > maverickCut + 0.35,
                "restraint cuts the compliant faction's attacks by " + loyalCut + " and the autonomous one's by " + maverickCut);
        Theatre offRestrain = Scenarios.fromYaml(dir, PATRON_WORLD.formatted("restrain"), "mechanisms.patron_orders=false");
        Theatre offHold = Scenarios.fromYaml(dir, PATRON_WORLD.formatted("hold"), "mechanisms.patron_orders=false");
        double offCut = 1 - mean(attacks(offRestrain, "loyal")) / mean(attacks(offHold, "loyal"));
        assertTrue(Math.abs(offCut) < 0.1, "with patron orders switched off, the order changes nothing: " + offCut);
    }

    @Test
    void winterLowersTheTempo() {
        String yearRound = PATRON_WORLD.formatted("hold").replace("calendar: {start: 2025-03-01, end: 2025-10-31}",
                "calendar: {start: 2025-01-01, end: 2025-12-31, winter: {from: \"12-01\", to: \"02-28\", tempo: 0.6}}")
                .replace("winter: false, ", "");
        double[] ratio = winterToSummerRate(Scenarios.fromYaml(dir, yearRound));
        assertTrue(ratio[0] > 0.5 && ratio[0] < 0.7, "winter tempo 0.6 shows in the daily attack rate: " + ratio[0]);
        double[] off = winterToSummerRate(Scenarios.fromYaml(dir, yearRound, "mechanisms.winter=false"));
        assertTrue(off[0] > 0.9 && off[0] < 1.1, "with winter switched off the rate is the same all year: " + off[0]);
    }

    /** Attacks per day in winter over attacks per day outside it, all factions and seeds pooled. */
    private static double[] winterToSummerRate(Theatre t) {
        double winter = 0;
        double summer = 0;
        int winterDays = 0;
        for (int d = 0; d < t.days; d++) winterDays += t.winter[d] ? 1 : 0;
        for (int seed : Scenarios.seeds(SEEDS)) {
            RunRecord r = Scenarios.run(t, seed);
            for (int d = 0; d < t.days; d++) {
                if (r.dailyLevel[d] > 0) {
                    if (t.winter[d]) winter++;
                    else summer++;
                }
            }
        }
        // Days with any attack: with two factions acting independently, P(any) = 1 - (1 - p)^2.
        double pw = winter / (SEEDS * (double) winterDays);
        double ps = summer / (SEEDS * (double) (t.days - winterDays));
        double perFactionWinter = 1 - Math.sqrt(1 - pw);
        double perFactionSummer = 1 - Math.sqrt(1 - ps);
        return new double[] {perFactionWinter / perFactionSummer};
    }
}
