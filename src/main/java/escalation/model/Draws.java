package escalation.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The random draws of one run, all from the run's own generator: binomial and small Poisson counts by
 * inversion from one number each, large Poisson counts by transformed rejection, and a standard normal
 * from one number by the inverse error function. Exact, allocation-free, and cheap next to building a
 * distribution per draw.
 */
final class Draws {
    private final MersenneTwisterFast random;

    Draws(MersenneTwisterFast random) {
        this.random = random;
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
     * A Poisson count: inversion from one number for small means, and for means of {@link
     * #SMALL_POISSON_MEAN} or more Hörmann's transformed rejection with squeeze (PTRS), whose cost does not
     * grow with the mean; capped at the largest int.
     */
    int poisson(double mean) {
        if (!(mean > 0)) return 0;
        if (mean >= SMALL_POISSON_MEAN) return largePoisson(mean);
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

    /**
     * Poisson by transformed rejection with squeeze, for means of 10 or more: W. Hörmann, "The transformed
     * rejection method for generating Poisson random variables", Insurance: Mathematics and Economics 12
     * (1993) 39-45, algorithm PTRS, with the constants of the paper. A pair of numbers gives a candidate
     * count k = floor((2a / (1/2 - |u|) + b) u + mean + 0.43) from a transformed uniform u; most are accepted
     * by the squeeze, the rest against the Poisson probability itself (log k! from the log-gamma
     * function). About 1.2 pairs a count on average (2.4 numbers at a mean of 30, 2.3 at 10,000), whatever the mean.
     */
    private int largePoisson(double mean) {
        double root = Math.sqrt(mean);
        double b = 0.931 + 2.53 * root;
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double squeeze = 0.9277 - 3.6224 / (b - 2);
        double logMean = Math.log(mean);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= squeeze) return capped(k);
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v * inverseAlpha / (a / (us * us) + b)) <= -mean + k * logMean - Gamma.logGamma(k + 1)) return capped(k);
        }
    }

    private static int capped(double k) {
        return k >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) k;
    }

    /** A standard normal from one number. */
    double normal() {
        double u = random.nextDouble();
        if (u <= 0) u = Double.MIN_VALUE;
        return Math.sqrt(2) * Erf.erfInv(2 * u - 1);
    }

    /** Inversion below this mean; transformed rejection (valid from a mean of 10) from it. */
    static final double SMALL_POISSON_MEAN = 30;
    private static final int MAX_SMALL_POISSON = 1000;
}
