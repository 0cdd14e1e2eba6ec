package escalation.study;

import escalation.design.MorrisDesign;
import escalation.design.OneAtATime;
import escalation.design.SaltelliDesign;
import escalation.sensitivity.MorrisEffects;
import escalation.sensitivity.Prim;
import escalation.sensitivity.RegressionTree;
import escalation.sensitivity.SobolIndices;
import escalation.sensitivity.Tornado;
import escalation.experiment.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis of a finished experiment, from each point's mean outcomes: per policy and outcome,
 * Sobol indices (Sobol designs) with their convergence, Morris effects (Morris designs), tornado bars
 * (one-at-a-time designs), and for every design the response of each outcome to each factor and, when
 * the file asks for it, scenario discovery (PRIM and a regression tree) of one outcome.
 */
public final class Analysis {
    public record SobolRow(int policy, int outcome, int factor, SobolIndices.Index index) { }

    public record ConvergenceRow(int policy, int outcome, int factor, int samples, double first, double total) { }

    public record MorrisRow(int policy, int outcome, int factor, MorrisEffects.Effect effect) { }

    public record TornadoRow(int policy, int outcome, double baseline, Tornado.Bar bar) { }

    /** One bin of a factor's range (in unit coordinates, so bins hold equal shares of the distribution). */
    public record ResponseRow(int policy, int outcome, int factor, int bin, double from, double to, long points, double mean, double low,
                              double high) { }

    public record Discovery(int policy, int outcome, Prim.Result prim, RegressionTree tree) { }

    public record Result(Experiment experiment, List<SobolRow> sobol, List<ConvergenceRow> convergence, List<MorrisRow> morris,
                         List<TornadoRow> tornado, List<ResponseRow> response, List<Discovery> discovery) { }

    private Analysis() { }

    /**
     * @param means     means[point][outcome], the mean of each outcome over the point's runs (NaN: undefined)
     * @param discovery which outcome to discover, or null
     */
    public static Result of(Experiment e, double[][] means, ExperimentFile.Discovery discovery, int bootstrap, int bins) {
        List<SobolRow> sobol = new ArrayList<>();
        List<ConvergenceRow> convergence = new ArrayList<>();
        List<MorrisRow> morris = new ArrayList<>();
        List<TornadoRow> tornado = new ArrayList<>();
        List<ResponseRow> response = new ArrayList<>();
        List<Discovery> found = new ArrayList<>();
        int k = e.factors().size();
        int policies = e.policies().size();
        long designSize = e.design().size();
        double[][] x = new double[(int) designSize][];
        double[][] unit = new double[(int) designSize][];
        for (int d = 0; d < designSize; d++) {
            unit[d] = e.design().unit(d);
            x[d] = new double[k];
            for (int f = 0; f < k; f++) x[d][f] = e.factors().get(f).number(unit[d][f]);
        }
        for (int p = 0; p < policies; p++) {
            for (int o = 0; o < e.outcomes().size(); o++) {
                double[] y = new double[(int) designSize];
                for (int d = 0; d < designSize; d++) y[d] = means[(int) ((long) d * policies + p)][o];
                long seed = e.seed() ^ (31L * p + o);
                if (e.design() instanceof SaltelliDesign s) sobol(s, y, p, o, bootstrap, seed, sobol, convergence);
                if (e.design() instanceof MorrisDesign m) morris(m, y, p, o, bootstrap, seed, morris);
                if (e.design() instanceof OneAtATime a) tornado(a, x, y, p, o, tornado);
                response(unit, y, p, o, bins, response);
                if (discovery != null && e.outcomes().get(o).equals(discovery.outcome())) {
                    double[] w = y.clone();
                    if (discovery.above() != null) {
                        for (int i = 0; i < w.length; i++) w[i] = Double.isNaN(w[i]) ? Double.NaN : w[i] > discovery.above() ? 1 : 0;
                    }
                    Prim.Result prim = new Prim(discovery.peel(), discovery.minMass(), discovery.minCoverage()).find(x, w);
                    RegressionTree tree = new RegressionTree(x, y, discovery.treeDepth(), Math.max(5, (int) (0.01 * designSize)));
                    found.add(new Discovery(p, o, prim, tree));
                }
            }
        }
        return new Result(e, sobol, convergence, morris, tornado, response, found);
    }

    private static void sobol(SaltelliDesign s, double[] y, int p, int o, int bootstrap, long seed, List<SobolRow> out,
                              List<ConvergenceRow> convergence) {
        int k = s.factors();
        int block = s.block();
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < s.samples(); j++) {
            boolean ok = true;
            for (int r = 0; r < block; r++) ok &= !Double.isNaN(y[j * block + r]);
            if (ok) rows.add(j);
        }
        if (rows.size() < 2) return;
        for (int n : convergenceSizes(rows.size())) {
            SobolIndices.Index[] idx = estimate(y, rows.subList(0, n), k, block, n == rows.size() ? bootstrap : 0, seed);
            for (int f = 0; f < k; f++) {
                if (n == rows.size()) out.add(new SobolRow(p, o, f, idx[f]));
                convergence.add(new ConvergenceRow(p, o, f, n, idx[f].first(), idx[f].total()));
            }
        }
    }

    /** The numbers of base samples at which convergence is shown: halvings of N down to 8 (or N alone). */
    static List<Integer> convergenceSizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        for (int m = n; m >= 8 && sizes.size() < 8; m /= 2) sizes.add(0, m);
        if (sizes.isEmpty()) sizes.add(n);
        return sizes;
    }

    private static SobolIndices.Index[] estimate(double[] y, List<Integer> rows, int k, int block, int bootstrap, long seed) {
        int n = rows.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] ab = new double[k][n];
        for (int i = 0; i < n; i++) {
            int j = rows.get(i);
            a[i] = y[j * block];
            b[i] = y[j * block + 1];
            for (int f = 0; f < k; f++) ab[f][i] = y[j * block + 2 + f];
        }
        return SobolIndices.estimate(a, b, ab, bootstrap, seed);
    }

    private static void morris(MorrisDesign m, double[] y, int p, int o, int bootstrap, long seed, List<MorrisRow> out) {
        int k = m.factors();
        double[][] effects = new double[k][m.trajectories()];
        for (int t = 0; t < m.trajectories(); t++) {
            MorrisDesign.Trajectory tr = m.trajectory(t);
            for (int s = 0; s < k; s++) {
                double before = y[t * (k + 1) + s];
                double after = y[t * (k + 1) + s + 1];
                effects[tr.moved()[s]][t] = (after - before) / (tr.direction()[s] * m.delta());
            }
        }
        MorrisEffects.Effect[] fx = MorrisEffects.summarise(effects, bootstrap, seed);
        for (int f = 0; f < k; f++) out.add(new MorrisRow(p, o, f, fx[f]));
    }

    private static void tornado(OneAtATime a, double[][] x, double[] y, int p, int o, List<TornadoRow> out) {
        int n = y.length;
        int[] moved = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            moved[i] = a.moved(i);
            value[i] = moved[i] < 0 ? Double.NaN : x[i][moved[i]];
        }
        for (var bar : Tornado.bars(a.factors(), moved, value, y, y[0])) out.add(new TornadoRow(p, o, y[0], bar));
    }

    private static void response(double[][] unit, double[] y, int p, int o, int bins, List<ResponseRow> out) {
        int k = unit.length == 0 ? 0 : unit[0].length;
        for (int f = 0; f < k; f++) {
            long[] n = new long[bins];
            double[] sum = new double[bins];
            double[] squares = new double[bins];
            for (int i = 0; i < y.length; i++) {
                if (Double.isNaN(y[i])) continue;
                int b = (int) Math.min(bins - 1, Math.floor(unit[i][f] * bins));
                n[b]++;
                sum[b] += y[i];
                squares[b] += y[i] * y[i];
            }
            for (int b = 0; b < bins; b++) {
                if (n[b] == 0) continue;
                double[] ci = Statistics.meanInterval(n[b], sum[b], squares[b]);
                if (n[b] < 2) ci[1] = ci[2] = Double.NaN;
                out.add(new ResponseRow(p, o, f, b, (double) b / bins, (double) (b + 1) / bins, n[b], ci[0], ci[1], ci[2]));
            }
        }
    }
}
