package escalation.history;

import escalation.experiment.BatchRunner;
import escalation.experiment.BatchSummary;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets each observed figure against the distribution of the same statistic over a Monte Carlo batch
 * (pattern-oriented validation: one parameter set must reproduce every pattern at once). Runs are
 * seeded and consumed in run order, so the result is the same whatever the number of threads.
 */
public final class Validation {
    private Validation() { }

    /** The share of runs the simulated interval holds: 5% to 95%. */
    public static final double LOW_Q = 0.05;
    public static final double HIGH_Q = 0.95;

    /**
     * One target against its simulated distribution. {@code covered}: the observed range meets the
     * simulated 90% interval (the lenient check); {@link #pointInside()}: the observed value itself lies
     * in that interval (the strict one); {@code undefined} counts runs where the statistic had no value (a share
     * with nothing launched), left out of the quantiles.
     */
    public record Check(Target target, double median, double low, double high, double mean, long undefined, boolean covered) {
        /** The observed value itself lies within the simulated 90% interval. */
        public boolean pointInside() {
            return target.observed() >= low && target.observed() <= high;
        }
    }

    /** Per week of the charted series: the quantiles {@link BatchSummary#QUANTILES} (5% to 95%) across runs. */
    public record Fan(Target series, double[][] quantiles) { }

    public record Result(long runs, long failed, long seed, List<Check> checks, Fan fan) {
        public long coveredCount() {
            return checks.stream().filter(Check::covered).count();
        }

        /** How many observed values lie inside their simulated 90% interval: the stricter check. */
        public long pointInsideCount() {
            return checks.stream().filter(Check::pointInside).count();
        }

        public boolean allCovered() {
            return coveredCount() == checks.size();
        }
    }

    /**
     * Runs {@code runs} replications of {@code theatre} (which must keep strikes) and checks every target.
     * Each run's statistics are kept (a few doubles a run) for exact quantiles, so memory grows with
     * {@code runs}: thousands of runs, as validation and calibration use, not the millions of a batch.
     */
    public static Result run(Theatre theatre, List<Target> targets, Target weekly, long seed, long runs, int threads) throws Exception {
        if (!theatre.keepsStrikes) throw new IllegalArgumentException("the theatre must keep strikes");
        List<Statistic> stats = targets.stream().map(t -> new Statistic(t, theatre)).toList();
        double[][] values = new double[stats.size()][(int) runs];
        Statistic series = weekly == null ? null : new Statistic(weekly, theatre);
        double[][] weeks = series == null ? null : new double[(int) runs][];
        long[] failed = {0};
        BatchRunner.run(theatre, seed, 0, runs, threads, (run, runSeed, record, error) -> {
            if (record == null) {
                failed[0]++;
                for (double[] v : values) v[(int) run] = Double.NaN;
                return;
            }
            for (int k = 0; k < stats.size(); k++) values[k][(int) run] = stats.get(k).value(record);
            if (series != null) weeks[(int) run] = series.weekly(record.strikes);
        });
        List<Check> checks = new ArrayList<>();
        for (int k = 0; k < stats.size(); k++) checks.add(check(targets.get(k), values[k]));
        Fan fan = null;
        if (series != null) {
            int w = (int) Arrays.stream(weeks).filter(a -> a != null).mapToInt(a -> a.length).max().orElse(0);
            double[][] q = new double[w][BatchSummary.QUANTILES.length];
            double[] column = new double[(int) runs];
            for (int k = 0; k < w; k++) {
                int n = 0;
                for (double[] run : weeks) {
                    if (run != null) column[n++] = run[k];
                }
                double[] sorted = Arrays.copyOf(column, n);
                Arrays.sort(sorted);
                for (int j = 0; j < BatchSummary.QUANTILES.length; j++) q[k][j] = quantile(sorted, BatchSummary.QUANTILES[j]);
            }
            fan = new Fan(weekly, q);
        }
        return new Result(runs, failed[0], seed, checks, fan);
    }

    /** A target against the simulated values of its statistic (NaN for undefined). */
    public static Check check(Target t, double[] simulated) {
        double[] defined = Arrays.stream(simulated).filter(v -> !Double.isNaN(v)).sorted().toArray();
        long undefined = simulated.length - defined.length;
        if (defined.length == 0) return new Check(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, undefined, false);
        double lo = quantile(defined, LOW_Q);
        double hi = quantile(defined, HIGH_Q);
        double mean = Arrays.stream(defined).sum() / defined.length;
        return new Check(t, quantile(defined, 0.5), lo, hi, mean, undefined, t.covered(lo, hi));
    }

    /** The q-quantile of sorted values by the inverse of the empirical distribution function. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** The statistics of one run, in the order of {@code stats}. */
    public static double[] values(List<Statistic> stats, RunRecord r) {
        double[] v = new double[stats.size()];
        for (int k = 0; k < v.length; k++) v[k] = stats.get(k).value(r);
        return v;
    }
}
