package escalation.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/** The batch statistics against values worked out by hand, and the seeds of a batch's runs. */
class StatisticsTest {
    @Test
    void wilsonIntervalMatchesHandComputedValues() {
        // 8 of 10 at z = 1.96: centre (0.8 + 1.96^2/20) / (1 + 1.96^2/10) = 0.716738,
        // half-width 1.96 / 1.38416 * sqrt(0.016 + 0.009604) = 0.226581.
        assertArrayEquals(new double[] {0.490157, 0.943319}, Statistics.wilson(8, 10, 1.96), 1e-6);
        // None of 10: exactly 0 below, and above 1.96^2/10 / (1 + 1.96^2/10) = 0.277541.
        double[] none = Statistics.wilson(0, 10, 1.96);
        assertEquals(0.0, none[0]);
        assertEquals(0.277541, none[1], 1e-6);
        double[] all = Statistics.wilson(10, 10, 1.96);
        assertEquals(1 - 0.277541, all[0], 1e-6);
        assertEquals(1.0, all[1]);
        assertEquals(1.959964, Statistics.Z95, 1e-6);
    }

    @Test
    void wilsonIntervalCoversTheTrueProbabilityNinetyFivePercentOfTheTime() {
        BinomialDistribution binomial = new BinomialDistribution(new MersenneTwister(7), 60, 0.3);
        int covered = 0;
        int trials = 4000;
        for (int k = 0; k < trials; k++) {
            double[] ci = Statistics.wilson(binomial.sample(), 60, Statistics.Z95);
            if (ci[0] <= 0.3 && 0.3 <= ci[1]) covered++;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage > 0.925 && coverage < 0.975, "coverage " + coverage);
    }

    @Test
    void kaplanMeierMatchesHandComputedCurve() {
        // 10 runs; first crossings: 2 on day 0, 3 on day 2, 1 on day 3; 4 never cross (censored at the end).
        // S = 1 - 2/10 = 0.8; 0.8; 0.8 (1 - 3/8) = 0.5; 0.5 (1 - 1/5) = 0.4; 0.4.
        double[] s = Statistics.kaplanMeier(new long[] {2, 0, 3, 1, 0}, 10);
        assertArrayEquals(new double[] {0.8, 0.8, 0.5, 0.4, 0.4}, s, 1e-12);
        assertEquals(2, Statistics.medianDay(s));
        assertEquals(-1, Statistics.medianDay(Statistics.kaplanMeier(new long[] {1, 1, 0}, 10)));
    }

    @Test
    void quantilesFromCountsAreExact() {
        long[] values = {0, 1, 2, 5};
        long[] counts = {3, 3, 2, 2};
        assertEquals(0, Statistics.quantile(values, counts, 0.05));
        assertEquals(1, Statistics.quantile(values, counts, 0.5));
        assertEquals(2, Statistics.quantile(values, counts, 0.75));
        assertEquals(5, Statistics.quantile(values, counts, 0.95));
    }

    @Test
    void meanIntervalMatchesHandComputedValues() {
        // Values 2, 4, 6, 8: mean 5, sample variance 20/3, half-width 1.959964 * sqrt(20/3/4) = 2.530303.
        double[] m = Statistics.meanInterval(4, 20, 4 + 16 + 36 + 64);
        assertArrayEquals(new double[] {5, 5 - 2.530303, 5 + 2.530303}, m, 1e-6);
    }

    @Test
    void runsNeededShrinksTheIntervalToTheRequestedWidth() {
        long n = Statistics.runsNeeded(0.3, 0.02);
        assertEquals(2017, n); // 1.959964^2 * 0.21 / 0.0004 = 2016.7
        double[] ci = Statistics.wilson(Math.round(0.3 * n), n, Statistics.Z95);
        assertTrue((ci[1] - ci[0]) / 2 <= 0.0201);
    }

    @Test
    void seedsOfABatchAreDistinctNonZeroAndDependOnTheMasterSeed() {
        int n = 1_000_000;
        int[] seeds = new int[n];
        for (int i = 0; i < n; i++) seeds[i] = Seeds.of(42, i);
        int[] sorted = seeds.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertNotEquals(0, sorted[i]);
            if (i > 0) assertNotEquals(sorted[i - 1], sorted[i], "duplicate seed");
        }
        assertEquals(seeds[12345], Seeds.of(42, 12345), "a run's seed depends on (master, run) alone");
        int same = 0;
        for (int i = 0; i < 1000; i++) if (Seeds.of(43, i) == seeds[i]) same++;
        assertEquals(0, same, "another master seed gives other seeds");
        // The one run whose mixed seed would be 0 gets another, still distinct, seed.
        int base = Seeds.fmix32((int) (42L ^ (42L >>> 32)) ^ 0x9E3779B9);
        long zeroRun = (-base) & 0xFFFFFFFFL;
        assertNotEquals(0, Seeds.of(42, zeroRun));
    }
}
