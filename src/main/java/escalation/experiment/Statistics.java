package escalation.experiment;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

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

    // ------------------------------------------------------------------ paired comparisons

    /**
     * McNemar's exact test of two paired proportions (McNemar 1947; exact conditional form): under
     * the null hypothesis of equal proportions, a discordant pair is as likely to go one way as the
     * other, so {@code onlyFirst} is Binomial(onlyFirst + onlySecond, 1/2). Returns the two-sided
     * p-value, twice the smaller tail, capped at 1; 1 when there is no discordant pair.
     */
    public static double mcnemarExact(long onlyFirst, long onlySecond) {
        long n = onlyFirst + onlySecond;
        if (n == 0) return 1;
        long k = Math.min(onlyFirst, onlySecond);
        // P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so that large n neither overflows nor underflows early.
        double logHalfN = n * Math.log(0.5);
        double logTerm = logHalfN; // log C(n, 0) 2^-n
        double tail = Math.exp(logTerm);
        for (long i = 1; i <= k; i++) {
            logTerm += Math.log((double) (n - i + 1) / i);
            tail += Math.exp(logTerm);
        }
        return Math.min(1, 2 * tail);
    }

    /**
     * The difference p2 - p1 of two proportions measured on the same runs, with its interval by
     * Newcombe's square-and-add (hybrid score) method for paired data (Newcombe 1998, Stat Med
     * 17:2635-2650, method 10; in the form of Fagerland, Lydersen and Laake 2014, Stat Med
     * 33:2850-2875, who recommend it): Wilson intervals of both proportions combined with the
     * continuity-corrected correlation of the pairs. The 2x2 table counts runs where both, only the
     * second, only the first, or neither crossed. Returns {difference, low, high}.
     */
    public static double[] newcombePaired(long both, long onlySecond, long onlyFirst, long neither, double z) {
        long n = both + onlySecond + onlyFirst + neither;
        if (n == 0) return new double[] {Double.NaN, -1, 1};
        long second = both + onlySecond;
        long first = both + onlyFirst;
        double p2 = (double) second / n;
        double p1 = (double) first / n;
        double d = p2 - p1;
        double[] w2 = wilson(second, n, z);
        double[] w1 = wilson(first, n, z);
        double phi = 0;
        long notSecond = n - second;
        long notFirst = n - first;
        if (second > 0 && notSecond > 0 && first > 0 && notFirst > 0) {
            double a = (double) both * neither - (double) onlySecond * onlyFirst;
            double margins = Math.sqrt((double) second * notSecond * first * notFirst);
            if (a > n / 2.0) phi = (a - n / 2.0) / margins;
            else if (a < 0) phi = a / margins;
        }
        double lowSecond = p2 - w2[0];
        double highSecond = w2[1] - p2;
        double lowFirst = p1 - w1[0];
        double highFirst = w1[1] - p1;
        double low = d - Math.sqrt(Math.max(0, lowSecond * lowSecond + highFirst * highFirst - 2 * phi * lowSecond * highFirst));
        double high = d + Math.sqrt(Math.max(0, highSecond * highSecond + lowFirst * lowFirst - 2 * phi * highSecond * lowFirst));
        return new double[] {d, Math.max(-1, low), Math.min(1, high)};
    }

    /**
     * Holm's step-down adjustment for testing several hypotheses at once (Holm 1979): the i-th
     * smallest of m p-values is multiplied by m - i + 1, and adjusted values are made monotone.
     * Controls the family-wise error rate with no assumption on how the tests depend on each other.
     * Ties keep their input order, so the result is deterministic.
     */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /**
     * The mean of per-run paired differences with its 95% Student t interval and the two-sided
     * p-value of the paired t test, from their count, sum and sum of squares. With n in the hundreds
     * the t interval is sound for the skewed totals of a simulation by the central limit theorem.
     * Returns {mean, low, high, p}.
     */
    public static double[] pairedMean(long n, double sum, double sumOfSquares) {
        if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        double mean = sum / n;
        if (n == 1) return new double[] {mean, Double.NaN, Double.NaN, Double.NaN};
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        if (variance == 0) return new double[] {mean, mean, mean, mean == 0 ? 1 : 0};
        double se = Math.sqrt(variance / n);
        TDistribution t = new TDistribution(null, n - 1);
        double q = t.inverseCumulativeProbability(0.975);
        double p = 2 * t.cumulativeProbability(-Math.abs(mean / se));
        return new double[] {mean, mean - q * se, mean + q * se, Math.min(1, p)};
    }
}
