package escalation.sensitivity;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;

/**
 * First-order and total Sobol indices from a Saltelli design's outputs (Saltelli et al. 2010,
 * "Variance based sensitivity analysis of model output", Computer Physics Communications 181:259-270,
 * table 2): with f(A), f(B) and f(AB_i) over N base samples, the first-order index of factor i is
 * S_i = (1/N) sum f(B)(f(AB_i) - f(A)) / V and the total index, by Jansen's estimator (Jansen 1999,
 * "Analysis of variance designs for model output", Computer Physics Communications 117:35-43),
 * ST_i = (1/2N) sum (f(A) - f(AB_i))^2 / V, where V is the variance of f over the 2N points of A and B.
 * In the first-order sum, f(B) is taken less the mean of f over A and B: the expectation is the same
 * (the mean times the mean of f(AB_i) - f(A), which is 0), but an outcome far from 0 (an escalation
 * level of 6 give or take 1) no longer multiplies the noise of f(AB_i) - f(A) by its mean.
 * Intervals are percentile bootstrap intervals over base samples drawn with replacement, from a
 * seeded generator, so they are reproducible.
 */
public final class SobolIndices {
    /** One factor's indices with their 95% bootstrap intervals. */
    public record Index(double first, double firstLow, double firstHigh, double total, double totalLow, double totalHigh) { }

    private SobolIndices() { }

    /**
     * @param a   f(A_j), j &lt; N
     * @param b   f(B_j)
     * @param ab  ab[i][j] = f(AB_i,j)
     * @param resamples bootstrap resamples (0: no intervals, NaN bounds)
     */
    public static Index[] estimate(double[] a, double[] b, double[][] ab, int resamples, long seed) {
        int n = a.length;
        int k = ab.length;
        Index[] out = new Index[k];
        double[][] first = new double[k][resamples];
        double[][] total = new double[k][resamples];
        int[] all = new int[n];
        for (int j = 0; j < n; j++) all[j] = j;
        double[] s = new double[k];
        double[] st = new double[k];
        indices(a, b, ab, all, s, st);
        MersenneTwisterFast r = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), 0x50B0});
        int[] draw = new int[n];
        double[] bs = new double[k];
        double[] bst = new double[k];
        for (int t = 0; t < resamples; t++) {
            for (int j = 0; j < n; j++) draw[j] = r.nextInt(n);
            indices(a, b, ab, draw, bs, bst);
            for (int i = 0; i < k; i++) {
                first[i][t] = bs[i];
                total[i][t] = bst[i];
            }
        }
        for (int i = 0; i < k; i++) {
            double[] f = percentiles(first[i]);
            double[] tt = percentiles(total[i]);
            out[i] = new Index(s[i], f[0], f[1], st[i], tt[0], tt[1]);
        }
        return out;
    }

    /** The point estimates over the base samples {@code rows} (with repeats for a bootstrap resample). */
    static void indices(double[] a, double[] b, double[][] ab, int[] rows, double[] first, double[] total) {
        int n = rows.length;
        double sum = 0;
        double squares = 0;
        for (int j : rows) {
            sum += a[j] + b[j];
            squares += a[j] * a[j] + b[j] * b[j];
        }
        double mean = sum / (2.0 * n);
        double variance = squares / (2.0 * n) - mean * mean;
        for (int i = 0; i < ab.length; i++) {
            double v = 0;
            double e = 0;
            for (int j : rows) {
                v += (b[j] - mean) * (ab[i][j] - a[j]);
                double d = a[j] - ab[i][j];
                e += d * d;
            }
            first[i] = variance > 0 ? v / n / variance : Double.NaN;
            total[i] = variance > 0 ? e / (2.0 * n) / variance : Double.NaN;
        }
    }

    /** The 2.5% and 97.5% percentiles of bootstrap estimates; NaN when there are none. */
    static double[] percentiles(double[] x) {
        if (x.length == 0) return new double[] {Double.NaN, Double.NaN};
        double[] s = x.clone();
        Arrays.sort(s);
        return new double[] {quantile(s, 0.025), quantile(s, 0.975)};
    }

    /** The q-quantile of sorted values, interpolated between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
