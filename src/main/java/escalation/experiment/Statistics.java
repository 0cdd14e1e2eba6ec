package escalation.experiment;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics a batch reports, as small pure functions checked against hand-computed values.
 */
public final class Statistics {
    private Statistics() { }

    /** z for a two-sided 95% interval. */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    /**
     * The Wilson score interval for a binomial proportion (Wilson 1927): well-behaved near 0 and 1
     * and for small n, unlike the normal approximation. Returns {low, high}.
     */
    public static double[] wilson(long successes, long n, double z) {
        if (n == 0) return new double[] {0, 1};
        double p = (double) successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 and n the bound is exactly 0 or 1; the formula gives it only up to rounding.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new double[] {low, high};
    }

    /**
     * The Kaplan-Meier survival curve from the number of first crossings on each day, for
     * {@code population} runs all followed to the end of the calendar (censored there): S(d) is the
     * probability of not having crossed by the end of day d.
     */
    public static double[] kaplanMeier(long[] eventsPerDay, long population) {
        double[] s = new double[eventsPerDay.length];
        double survival = 1;
        long atRisk = population;
        for (int d = 0; d < s.length; d++) {
            if (atRisk > 0 && eventsPerDay[d] > 0) survival *= 1 - (double) eventsPerDay[d] / atRisk;
            atRisk -= eventsPerDay[d];
            s[d] = survival;
        }
        return s;
    }

    /** The first day on which survival is at or below one half, or -1 when it never is. */
    public static int medianDay(double[] survival) {
        for (int d = 0; d < survival.length; d++) {
            if (survival[d] <= 0.5) return d;
        }
        return -1;
    }

    /**
     * The q-quantile of a distribution given as counts per value (values ascending), by the
     * inverse of the empirical distribution function: the smallest value whose cumulative count
     * reaches q x n.
     */
    public static double quantile(long[] values, long[] counts, double q) {
        long n = 0;
        for (long c : counts) n += c;
        if (n == 0) return Double.NaN;
        double target = q * n;
        long cumulative = 0;
        for (int i = 0; i < values.length; i++) {
            cumulative += counts[i];
            if (cumulative >= target && cumulative > 0) return values[i];
        }
        return values[values.length - 1];
    }

    /** Mean and its 95% normal-approximation interval from a count, a sum and a sum of squares. Returns {mean, low, high}. */
    public static double[] meanInterval(long n, double sum, double sumOfSquares) {
        if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1)) : 0;
        double half = Z95 * Math.sqrt(variance / n);
        return new double[] {mean, mean - half, mean + half};
    }

    /**
     * Runs needed for a 95% Wilson interval of half-width at most {@code halfWidth} around a
     * proportion near {@code p} (the normal approximation n = z^2 p (1-p) / h^2, which the Wilson
     * interval matches away from 0 and 1; p is floored at 1/n-scale values so rare outcomes still ask
     * for enough runs).
     */
    public static long runsNeeded(double p, double halfWidth) {
        double q = Math.max(p * (1 - p), 0.01 * 0.99);
        return (long) Math.ceil(Z95 * Z95 * q / (halfWidth * halfWidth));
    }
}
