package escalation.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * The random draws of one run, all from the run's own generator: binomial and Poisson counts by
 * inversion from one number each (exact, and cheap next to building a distribution per draw), and a
 * standard normal from one number by the inverse error function.
 */
final class Draws {
    private final MersenneTwisterFast random;
    private final RandomGenerator commonsRandom;

    Draws(MersenneTwisterFast random) {
        this.random = random;
        this.commonsRandom = new CommonsRandom(random);
    }

    double uniform() {
        return random.nextDouble();
    }

    /**
     * How many of {@code n} trials succeed, each with probability {@code p} independently: inversion
     * from one number, counting the rarer outcome upward from 0 so the search is short. A count so large
     * that the probability of none of the rarer outcome underflows falls back to one draw per trial.
     */
    int binomial(int n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        boolean countFailures = p > 0.5;
        double q = countFailures ? 1 - p : p;
        double pmf = Math.pow(1 - q, n);
        if (pmf < MIN_START_PROBABILITY) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) k++;
            }
            return k;
        }
        double odds = q / (1 - q);
        double u = random.nextDouble();
        double cdf = pmf;
        int k = 0;
        while (u >= cdf && k < n) {
            pmf *= odds * (n - k) / (k + 1);
            k++;
            cdf += pmf;
        }
        return countFailures ? n - k : k;
    }

    /** Below this, the first term of an inversion search is too close to underflow to be accurate. */
    private static final double MIN_START_PROBABILITY = 1e-250;

    /** A Poisson count: inversion from one number for small means, Commons Math's sampler for large ones. */
    int poisson(double mean) {
        if (mean <= 0) return 0;
        if (mean < SMALL_POISSON_MEAN) {
            double pmf = Math.exp(-mean);
            double u = random.nextDouble();
            double cdf = pmf;
            int n = 0;
            // The sum of the terms may stop just short of 1 by rounding; the bound ends the search there.
            while (u >= cdf && n < MAX_SMALL_POISSON) {
                n++;
                pmf *= mean / n;
                cdf += pmf;
            }
            return n;
        }
        return new PoissonDistribution(commonsRandom, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    /** A standard normal from one number. */
    double normal() {
        double u = random.nextDouble();
        if (u <= 0) u = Double.MIN_VALUE;
        return Math.sqrt(2) * Erf.erfInv(2 * u - 1);
    }

    private static final double SMALL_POISSON_MEAN = 30;
    private static final int MAX_SMALL_POISSON = 1000;
}
