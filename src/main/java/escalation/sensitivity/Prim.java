package escalation.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * The patient rule induction method (Friedman and Fisher 1999, "Bump hunting in high-dimensional
 * data", Statistics and Computing 9:123-143), as scenario discovery uses it (Bryant and Lempert 2010):
 * a box in factor space is shrunk by peeling, at each step, the slice of a share {@code alpha} of the
 * remaining points off the low or the high end of one factor, the peel that leaves the highest mean
 * outcome in the box, until the box holds less than {@code minMass} of the points. Each box of this
 * peeling trajectory has a coverage (the share of all cases of interest it holds: the sum of the outcome
 * in the box over its sum over all points), a density (the outcome's mean in the box) and a mass (its
 * share of the points). Pasting, the second phase of the original method, is not done.
 *
 * <p>A limit is placed halfway between the last point peeled and the first kept. The significance of
 * each limit of a box is a one-sided binomial test (as EMA Workbench reports it): with the limit
 * removed, the box has density p0; the p-value is the chance that n points drawn at density p0 hold at
 * least the box's cases, P(X &gt;= k) for X ~ Binomial(n, p0), by the regularized incomplete beta
 * function, which also serves a fractional k (an outcome that is a probability per point).
 */
public final class Prim {
    /** One box of the trajectory: limits per factor (infinite when unrestricted) and how good it is. */
    public record Box(int step, double[] low, double[] high, double coverage, double density, double mass, int points) {
        public boolean restricts(int factor) {
            return low[factor] > Double.NEGATIVE_INFINITY || high[factor] < Double.POSITIVE_INFINITY;
        }
    }

    /** The chosen box and, per factor it restricts, the p-value of its limits. */
    public record Result(List<Box> trajectory, int chosen, double[] pValue) {
        public Box box() {
            return trajectory.get(chosen);
        }
    }

    private final double alpha;
    private final double minMass;
    private final double minCoverage;

    /**
     * @param alpha       share of the box's points peeled at each step (Friedman and Fisher suggest 0.05 to 0.1)
     * @param minMass     the smallest share of points a box may hold
     * @param minCoverage the chosen box is the densest with at least this coverage (ties: the larger coverage)
     */
    public Prim(double alpha, double minMass, double minCoverage) {
        if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass < 1) || !(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("need 0 < alpha < 0.5, 0 < min mass < 1, 0 <= min coverage <= 1");
        }
        this.alpha = alpha;
        this.minMass = minMass;
        this.minCoverage = minCoverage;
    }

    /** @param x x[point][factor]; @param y the outcome per point, each in [0, 1] (NaN points are left out) */
    public Result find(double[][] x, double[] y) {
        int k = x.length == 0 ? 0 : x[0].length;
        List<Integer> keep = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                keep.add(i);
                total += y[i];
            }
        }
        int n = keep.size();
        int[] in = keep.stream().mapToInt(Integer::intValue).toArray();
        double[] low = new double[k];
        double[] high = new double[k];
        Arrays.fill(low, Double.NEGATIVE_INFINITY);
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        List<Box> trajectory = new ArrayList<>();
        trajectory.add(box(0, low, high, in, y, total, n));
        while (true) {
            Peel best = null;
            for (int f = 0; f < k; f++) {
                for (int side = 0; side < 2; side++) {
                    Peel p = peel(x, y, in, f, side == 1);
                    if (p == null || p.kept.length < minMass * n) continue;
                    if (best == null || p.mean > best.mean + 1e-12
                            || (Math.abs(p.mean - best.mean) <= 1e-12 && p.kept.length > best.kept.length)) {
                        best = p;
                    }
                }
            }
            if (best == null) break;
            in = best.kept;
            if (best.high) high[best.factor] = best.limit;
            else low[best.factor] = best.limit;
            trajectory.add(box(trajectory.size(), low, high, in, y, total, n));
        }
        int chosen = 0;
        for (int s = 1; s < trajectory.size(); s++) {
            Box b = trajectory.get(s);
            Box c = trajectory.get(chosen);
            if (b.coverage() + 1e-12 < minCoverage) continue;
            if (b.density() > c.density() + 1e-12 || (Math.abs(b.density() - c.density()) <= 1e-12 && b.coverage() > c.coverage())) {
                chosen = s;
            }
        }
        return new Result(List.copyOf(trajectory), chosen, significance(x, y, keep, trajectory.get(chosen)));
    }

    private record Peel(int factor, boolean high, double limit, int[] kept, double mean) { }

    /** Peels a share alpha of the box's points off one end of factor f; null when the factor cannot be peeled. */
    private Peel peel(double[][] x, double[] y, int[] in, int f, boolean high) {
        int n = in.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = x[in[i]][f];
        Arrays.sort(v);
        if (v[0] == v[n - 1]) return null;
        int m = Math.max(1, (int) Math.floor(alpha * n));
        double limit;
        if (!high) {
            // remove every point below the first value at or after the m-th that differs from the one before it
            int cut = m;
            while (cut < n && v[cut] == v[cut - 1]) cut++;
            if (cut >= n) return null;
            limit = (v[cut - 1] + v[cut]) / 2;
        } else {
            int cut = n - m;
            while (cut > 0 && v[cut] == v[cut - 1]) cut--;
            if (cut <= 0) return null;
            limit = (v[cut - 1] + v[cut]) / 2;
        }
        int count = 0;
        for (int i : in) if (high ? x[i][f] < limit : x[i][f] > limit) count++;
        int[] kept = new int[count];
        double sum = 0;
        int c = 0;
        for (int i : in) {
            if (high ? x[i][f] < limit : x[i][f] > limit) {
                kept[c++] = i;
                sum += y[i];
            }
        }
        return count == 0 ? null : new Peel(f, high, limit, kept, sum / count);
    }

    private static Box box(int step, double[] low, double[] high, int[] in, double[] y, double total, int n) {
        double sum = 0;
        for (int i : in) sum += y[i];
        return new Box(step, low.clone(), high.clone(), total > 0 ? sum / total : Double.NaN, in.length == 0 ? Double.NaN : sum / in.length,
                n == 0 ? Double.NaN : (double) in.length / n, in.length);
    }

    private static double[] significance(double[][] x, double[] y, List<Integer> points, Box box) {
        int k = box.low().length;
        double[] p = new double[k];
        Arrays.fill(p, Double.NaN);
        double cases = 0;
        int n = 0;
        for (int i : points) {
            if (inside(x[i], box.low(), box.high(), -1)) {
                cases += y[i];
                n++;
            }
        }
        for (int f = 0; f < k; f++) {
            if (!box.restricts(f)) continue;
            double wider = 0;
            int m = 0;
            for (int i : points) {
                if (inside(x[i], box.low(), box.high(), f)) {
                    wider += y[i];
                    m++;
                }
            }
            double p0 = m == 0 ? 0 : wider / m;
            p[f] = binomialUpperTail(n, p0, cases);
        }
        return p;
    }

    /** P(X &gt;= k) for X ~ Binomial(n, p), for real k in [0, n]. */
    static double binomialUpperTail(int n, double p, double k) {
        if (k <= 0) return 1;
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        if (k > n) return 0;
        return Beta.regularizedBeta(p, k, n - k + 1);
    }

    /** Whether a point lies in the box, ignoring factor {@code skip} (-1: none). */
    static boolean inside(double[] x, double[] low, double[] high, int skip) {
        for (int f = 0; f < x.length; f++) {
            if (f != skip && (x[f] <= low[f] || x[f] >= high[f])) return false;
        }
        return true;
    }
}
