package escalation.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The statistics of paired comparisons against values worked out by hand or computed independently
 * (the exact binomial tail, Newcombe's formula evaluated step by step, Student's t quantiles).
 */
class PairedStatisticsTest {
    private static final double EPS = 1e-9;

    @Test
    void mcnemarExactMatchesTheBinomialTail() {
        // 1 of 8 discordant pairs one way: P(X <= 1) = (1 + 8) / 2^8, two-sided twice that.
        assertEquals(18.0 / 256, Statistics.mcnemarExact(1, 7), EPS);
        assertEquals(18.0 / 256, Statistics.mcnemarExact(7, 1), EPS, "symmetric in the two directions");
        // 0 of 5: 2 / 2^5.
        assertEquals(2.0 / 32, Statistics.mcnemarExact(0, 5), EPS);
        // 6 of 22: 2 * sum_{i<=6} C(22, i) / 2^22 = 2 * 110056 / 4194304.
        assertEquals(2 * 110056.0 / 4194304, Statistics.mcnemarExact(6, 16), EPS);
        assertEquals(1, Statistics.mcnemarExact(0, 0), "no discordant pair: no evidence of a difference");
        assertEquals(1, Statistics.mcnemarExact(5, 5), "balanced discordance: p capped at 1");
        assertEquals(1, Statistics.mcnemarExact(50_000, 50_000), EPS, "large n neither overflows nor underflows");
        assertTrue(Statistics.mcnemarExact(400, 600) < 1e-9);
    }

    @Test
    void newcombePairedIntervalMatchesWorkedExamples() {
        // Airway hyper-responsiveness before/after transplantation (Bentur et al. 2009, as tabulated by
        // Fagerland, Lydersen and Laake): both 1, only after 1, only before 7, neither 12; difference -6/21.
        assertArrayEquals(new double[] {-6.0 / 21, -0.506920226686141, -0.02555912416485978},
                Statistics.newcombePaired(1, 1, 7, 12, Statistics.Z95), 1e-9);
        // Complete response before/after consolidation (Cavo et al. 2012): 59, 6, 16, 80.
        assertArrayEquals(new double[] {-10.0 / 161, -0.11862119563870992, -0.004625113933050047},
                Statistics.newcombePaired(59, 6, 16, 80, Statistics.Z95), 1e-9);
    }

    @Test
    void newcombeIsAntisymmetricAndCoversZeroForIdenticalVariants() {
        double[] ab = Statistics.newcombePaired(30, 25, 10, 35, Statistics.Z95);
        double[] ba = Statistics.newcombePaired(30, 10, 25, 35, Statistics.Z95);
        assertEquals(ab[0], -ba[0], EPS);
        assertEquals(ab[1], -ba[2], EPS);
        assertEquals(ab[2], -ba[1], EPS);
        double[] same = Statistics.newcombePaired(120, 0, 0, 380, Statistics.Z95);
        assertEquals(0, same[0]);
        assertTrue(same[1] < 0 && same[2] > 0, "an identical pair still has sampling uncertainty about the difference");
        double[] all = Statistics.newcombePaired(500, 0, 0, 0, Statistics.Z95);
        assertEquals(0, all[0]);
        assertTrue(all[1] >= -1 && all[2] <= 1);
    }

    @Test
    void holmAdjustsStepDownAndStaysMonotone() {
        // Sorted: 0.01 x 4 = 0.04; 0.03 x 3 = 0.09; 0.04 x 2 = 0.08, raised to 0.09; 0.5 x 1.
        assertArrayEquals(new double[] {0.04, 0.09, 0.09, 0.5}, Statistics.holm(new double[] {0.01, 0.04, 0.03, 0.5}), EPS);
        assertArrayEquals(new double[] {1, 1}, Statistics.holm(new double[] {0.6, 0.7}), EPS, "capped at 1");
        assertArrayEquals(new double[] {0.02}, Statistics.holm(new double[] {0.02}), EPS, "one test: unchanged");
    }

    @Test
    void pairedMeanIsTheStudentTInterval() {
        // Differences 1, -2, 3, 0, 4, 2, -1, 5: mean 1.5, sd 2.4495 (variance 6), t(0.975, 7) = 2.364624.
        double[] d = {1, -2, 3, 0, 4, 2, -1, 5};
        double sum = 0;
        double squares = 0;
        for (double x : d) {
            sum += x;
            squares += x * x;
        }
        double[] r = Statistics.pairedMean(d.length, sum, squares);
        double half = 2.3646242515927844 * Math.sqrt(6.0 / 8);
        assertEquals(1.5, r[0], EPS);
        assertEquals(1.5 - half, r[1], 1e-9);
        assertEquals(1.5 + half, r[2], 1e-9);
        assertEquals(0.12687036692367099, r[3], 1e-9);
        assertArrayEquals(new double[] {0, 0, 0, 1}, Statistics.pairedMean(100, 0, 0), EPS, "all differences zero");
    }
}
