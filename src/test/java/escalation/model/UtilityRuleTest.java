package escalation.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Initiative as a rate ({@link UtilityRule}): the day's opportunities are a Poisson draw of mean
 * tempo x propensity, each taken with the logit probability of acting, so a day may hold several
 * attacks and the daily count is Poisson with mean tempo x P(act).
 */
class UtilityRuleTest {
    private static final int SEEDS = 200;

    @TempDir
    Path dir;

    private static final String TEMPO = """
            name: tempo
            calendar: {start: 2025-03-01, end: 2025-04-29}
            mechanisms: {winter: false, learning: false}
            weapons:
              rocket: {name: rocket}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000000}}
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: %s, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    /**
     * The logit probability of acting at an opportunity: U = eagerness x base x sqrt(I_r / I_top), with
     * no grievance and no cost, against doing nothing (utility 0).
     */
    private static double pAct(Theatre t) {
        double u = 0.5 * 0.5 * t.rootRelativeIntensity[t.actions[t.index("militia")][0].rung()];
        double e = Math.exp(u / 0.5);
        return e / (1 + e);
    }

    @Test
    void aHighTempoGivesSeveralAttacksADayPoissonDistributed() {
        Theatre t = Runs.theatre(dir, TEMPO.formatted(5));
        int militia = t.index("militia");
        int days = t.days;
        long[] counts = new long[SEEDS * days];
        int maxWeek = 0;
        int k = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            int[] daily = new int[days];
            for (int i = 0; i < r.strikes.size(); i++) {
                if (r.strikes.attacker(i) == militia) daily[r.strikes.day(i)]++;
            }
            for (int d = 0; d < days; d++) counts[k++] = daily[d];
            for (int w = 0; w < r.weeks; w++) maxWeek = Math.max(maxWeek, r.weeklyAttacks[militia * r.weeks + w]);
        }
        double mean = 0;
        for (long c : counts) mean += c;
        mean /= counts.length;
        double var = 0;
        int several = 0;
        for (long c : counts) {
            var += (c - mean) * (c - mean);
            if (c >= 2) several++;
        }
        var /= counts.length - 1;
        double expected = 5 * pAct(t);
        assertTrue(Math.abs(mean / expected - 1) < 0.03, "mean daily attacks " + mean + " against tempo x P(act) = " + expected);
        assertTrue(var / mean > 0.93 && var / mean < 1.07, "Poisson: variance " + var + " against mean " + mean);
        assertTrue(several > counts.length / 2, "most days hold several attacks: " + several + " of " + counts.length);
        assertTrue(maxWeek > 7, "more than one attack a day over a week: " + maxWeek);

        // Goodness of fit to Poisson(tempo x P(act)), the tail pooled.
        PoissonDistribution poisson = new PoissonDistribution(expected);
        int top = 9;
        long[] observed = new long[top + 1];
        for (long c : counts) observed[(int) Math.min(top, c)]++;
        double[] want = new double[top + 1];
        for (int c = 0; c < top; c++) want[c] = counts.length * poisson.probability(c);
        want[top] = counts.length * (1 - poisson.cumulativeProbability(top - 1));
        double p = new ChiSquareTest().chiSquareTest(want, observed);
        assertTrue(p > 0.001, "daily counts fit Poisson(" + expected + "): p=" + p);
    }

    @Test
    void aLowTempoRarelyDoublesUp() {
        Theatre t = Runs.theatre(dir, TEMPO.formatted(0.3));
        int militia = t.index("militia");
        long days = 0;
        long attacks = 0;
        long doubled = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            int[] daily = new int[t.days];
            for (int i = 0; i < r.strikes.size(); i++) {
                if (r.strikes.attacker(i) == militia) daily[r.strikes.day(i)]++;
            }
            for (int c : daily) {
                days++;
                attacks += c;
                if (c >= 2) doubled++;
            }
        }
        double mean = (double) attacks / days;
        double expected = 0.3 * pAct(t);
        PoissonDistribution poisson = new PoissonDistribution(expected);
        double wantDoubled = 1 - poisson.cumulativeProbability(1);
        assertTrue(Math.abs(mean / expected - 1) < 0.06, "mean " + mean + " against " + expected);
        assertTrue(Math.abs((double) doubled / days / wantDoubled - 1) < 0.25,
                "days with two or more: " + (double) doubled / days + " against " + wantDoubled);
    }
}
