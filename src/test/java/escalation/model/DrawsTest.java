package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/**
 * The run's own Poisson sampler against the Poisson distribution: inversion below a mean of 30 and
 * transformed rejection from it, each fitted by chi-square on either side of the switch and far above it,
 * and its mean and variance where the counts are too many to tabulate.
 */
class DrawsTest {
    private static final int DRAWS = 200_000;

    /** Chi-square p-value of {@code DRAWS} draws of the run's sampler at {@code mean}. */
    private static double fit(double mean, long seed) {
        Draws draws = new Draws(new MersenneTwisterFast(seed));
        return fit(mean, () -> draws.poisson(mean));
    }

    /** Chi-square p-value of {@code DRAWS} counts from {@code sampler} against Poisson({@code mean}), over cells of at least 20 expected counts. */
    private static double fit(double mean, java.util.function.IntSupplier sampler) {
        PoissonDistribution d = new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        int low = (int) Math.max(0, Math.floor(mean - 6 * Math.sqrt(mean)));
        int high = (int) Math.ceil(mean + 6 * Math.sqrt(mean));
        long[] seen = new long[high - low + 1];
        for (int i = 0; i < DRAWS; i++) {
            int k = sampler.getAsInt();
            seen[Math.min(high, Math.max(low, k)) - low]++;
        }
        java.util.List<Double> expected = new java.util.ArrayList<>();
        java.util.List<Long> observed = new java.util.ArrayList<>();
        double e = 0;
        long o = 0;
        for (int k = low; k <= high; k++) {
            double p = k == low ? d.cumulativeProbability(low) : k == high ? 1 - d.cumulativeProbability(high - 1) : d.probability(k);
            e += DRAWS * p;
            o += seen[k - low];
            if (e >= 20) {
                expected.add(e);
                observed.add(o);
                e = 0;
                o = 0;
            }
        }
        int last = expected.size() - 1;
        expected.set(last, expected.get(last) + e);
        observed.set(last, observed.get(last) + o);
        return new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                observed.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void countsArePoissonOnBothSidesOfTheSwitchAndFarAboveIt() {
        for (double mean : new double[] {3.5, 29.9, 30, 31.7, 75, 400, 12_345.6}) {
            double p = fit(mean, 17 + (long) mean);
            assertTrue(p > 1e-4, "mean " + mean + ": chi-square p = " + p);
        }
    }

    @Test
    void aBrokenSamplerIsCaughtByTheFit() {
        // The fit is a real check: counts one too high, or rounded normal counts, are rejected at the same bound.
        Draws draws = new Draws(new MersenneTwisterFast(5));
        double p = fit(75, () -> draws.poisson(75) + 1);
        assertTrue(p < 1e-4, "a sampler shifted by one passes with p = " + p);
        MersenneTwisterFast r = new MersenneTwisterFast(6);
        double q = fit(31.7, () -> (int) Math.max(0, Math.rint(31.7 + Math.sqrt(31.7) * r.nextGaussian())));
        assertTrue(q < 1e-4, "the normal approximation at a mean of 31.7 passes with p = " + q);
    }

    @Test
    void hugeMeansKeepTheirMeanAndVarianceAndAreCapped() {
        for (double mean : new double[] {1e6, 4e8}) {
            Draws draws = new Draws(new MersenneTwisterFast(11));
            int n = 20_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double k = draws.poisson(mean);
                sum += k;
                squares += k * k;
            }
            double m = sum / n;
            double variance = squares / n - m * m;
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean at " + mean);
            assertEquals(mean, variance, 0.1 * mean, "variance at " + mean);
        }
        assertEquals(Integer.MAX_VALUE, new Draws(new MersenneTwisterFast(3)).poisson(1e12), "beyond the largest int, the largest int");
    }
}
