package escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.nio.file.Path;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A salvo's outcome has the distributions docs/ODD.md gives: each weapon intercepted independently
 * (the count binomial), killed and injured Poisson with mean hits x per-hit rate. Each run is one day
 * with one salvo, so a run's totals are one draw; many seeds give the distribution.
 */
class SalvoTest {
    private static final int RUNS = 3000;

    @TempDir
    Path dir;

    private Theatre oneSalvo(int salvo, double interception, double killed, double injured) {
        return Scenarios.fromYaml(dir, """
                name: salvo
                calendar: {start: 2025-03-01, end: 2025-03-01}
                mechanisms: {winter: false}
                weapons:
                  rocket: {name: rocket, killed: %s, injured: %s}
                actors:
                  a:
                    name: A
                    kind: proxy
                    alignment: x
                    arsenal: {rocket: {stock: 100000}}
                    grievance: {b: 2.0}
                    actions:
                      - {id: strike, rung: lethal_proxy_strike, target: b, weapon: rocket, salvo: %d}
                    rule: {kind: threshold, threshold: 0, tempo: 1, deterrence: 0}
                  b:
                    name: B
                    kind: state
                    alignment: y
                    air_defence: {rocket: %s}
                relations:
                  adversaries:
                    - {actor: a, targets: [b]}
                """.formatted(killed, injured, salvo, interception));
    }

    /** Counts of each value of {@code metric} over the runs, one salvo per run. */
    private long[] counts(Theatre t, java.util.function.ToIntFunction<RunRecord> metric, int max) {
        long[] counts = new long[max + 1];
        for (int seed = 1; seed <= RUNS; seed++) {
            RunRecord r = Scenarios.run(t, seed);
            assertEquals(1, RunRecord.total(r.attacks), "one salvo per run");
            counts[Math.min(max, metric.applyAsInt(r))]++;
        }
        return counts;
    }

    /** Chi-square goodness of fit, pooling the tails so every expected count is at least 5. */
    private static void assertFits(long[] observed, IntegerDistribution d, String what) {
        int max = observed.length - 1;
        java.util.List<Double> expected = new java.util.ArrayList<>();
        java.util.List<Long> seen = new java.util.ArrayList<>();
        double e = 0;
        long o = 0;
        for (int k = 0; k <= max; k++) {
            e += RUNS * (k == max ? 1 - d.cumulativeProbability(max - 1) : d.probability(k));
            o += observed[k];
            if (e >= 5 || k == max) {
                expected.add(e);
                seen.add(o);
                e = 0;
                o = 0;
            }
        }
        if (expected.get(expected.size() - 1) < 5 && expected.size() > 1) {
            int last = expected.size() - 1;
            expected.set(last - 1, expected.get(last - 1) + expected.remove(last));
            seen.set(last - 1, seen.get(last - 1) + seen.remove(last));
        }
        double p = new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                seen.stream().mapToLong(Long::longValue).toArray());
        assertTrue(p > 1e-3, what + ": chi-square p = " + p + ", observed " + seen + ", expected " + expected);
    }

    @Test
    void interceptionsOfASalvoAreBinomial() {
        for (double p : new double[] {0.3, 0.8}) {
            Theatre t = oneSalvo(12, p, 0, 0);
            assertFits(counts(t, r -> RunRecord.total(r.intercepted), 12), new BinomialDistribution(null, 12, p),
                    "intercepted of 12 at p = " + p);
        }
    }

    @Test
    void casualtiesArePoissonInHits() {
        // No air defence: every one of the 10 weapons hits, so killed ~ Poisson(10 x 0.4), injured ~ Poisson(10 x 2.2).
        Theatre t = oneSalvo(10, 0, 0.4, 2.2);
        assertFits(counts(t, r -> RunRecord.total(r.killed), 20), new PoissonDistribution(null, 4.0,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS), "killed");
        assertFits(counts(t, r -> RunRecord.total(r.injured), 60), new PoissonDistribution(null, 22.0,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS), "injured");
    }
}
