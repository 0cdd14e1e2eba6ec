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
        // Most draws find none of the rarer outcome: r^n >= 1 - n (1 - r) for r = 1 - q in [0.5, 1]
        // (Bernoulli; 1 - r is exact), so a number below that bound, less a margin far wider than the
        // rounding of pow and of the bound, is below the probability of none, and the count is 0
        // without computing that probability. Only where the bound is well above the fallback's
        // threshold, so that the same one number is drawn.
        double r = 1 - q;
        double noneAtLeast = 1 - n * (1 - r);
        if (noneAtLeast > MIN_BOUND) {
            double u = random.nextDouble();
            if (u < noneAtLeast - BOUND_MARGIN) return countFailures ? n : 0;
            return search(n, q, countFailures, Math.pow(r, n), u);
        }
        double pmf = Math.pow(r, n);
        if (pmf < MIN_START_PROBABILITY) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < p) k++;
            }
            return k;
        }
        return search(n, q, countFailures, pmf, random.nextDouble());
    }

    /** The inversion search of {@link #binomial} from the probability of none, {@code pmf}, and the number {@code u}. */
    private static int search(int n, double q, boolean countFailures, double pmf, double u) {
        double odds = q / (1 - q);
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
    /**
     * How far below a lower bound of the probability of a count of 0 a number must be to give that count
     * without computing it: the computed probability (Math.exp and Math.pow are within 1 ulp) and the
     * bound (a few roundings) are each off by far less.
     */
    private static final double BOUND_MARGIN = 1e-12;
    /** The bound of a binomial count of 0 is used only above this, far above {@link #MIN_START_PROBABILITY}. */
    private static final double MIN_BOUND = 1e-6;

    /**
     * A Poisson count: inversion from one number for small means, Commons Math's sampler for large ones,
     * and for means beyond {@link #NORMAL_POISSON_MEAN} (where that sampler's time grows with the mean)
     * the normal approximation, whose error there is far below one count in a thousand; capped at the
     * largest int.
     */
    int poisson(double mean) {
        if (!(mean > 0)) return 0;
        if (mean > NORMAL_POISSON_MEAN) {
            double x = Math.rint(mean + Math.sqrt(mean) * normal());
            return x <= 0 ? 0 : x >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) x;
        }
        if (mean < SMALL_POISSON_MEAN) {
            double u = random.nextDouble();
            // exp(-m) >= 1 - m + m^2/2 - m^3/6 for m >= 0: a number below that bound, less a margin, gives
            // a count of 0 without computing exp (most days of most actors).
            if (u < 1 - mean * (1 - mean * (0.5 - mean / 6)) - BOUND_MARGIN) return 0;
            double pmf = Math.exp(-mean);
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
    /** Commons Math's sampler sums a logarithm per unit of the mean; beyond this, the normal approximation. */
    static final double NORMAL_POISSON_MEAN = 1e5;
    private static final int MAX_SMALL_POISSON = 1000;
}
