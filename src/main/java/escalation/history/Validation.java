package escalation.history;

import escalation.experiment.BatchRunner;
import escalation.experiment.BatchSummary;
import escalation.experiment.Statistics;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

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
     * simulated 90% interval (the lenient check); {@code pointInside}: the observed value itself lies
     * in that interval (the strict one). For a censored kind neither may pass through censored runs alone:
     * see {@link Validation#check}. {@code undefined} counts runs where the statistic had no value (a share
     * with nothing launched), left out of the quantiles; {@code censoredShare} is the share of runs with no
     * event by the window's end; {@code inRangeShare} the share of runs whose value lies in the observed range.
     */
    public record Check(Target target, double median, double low, double high, double mean, long undefined,
                        double censoredShare, double inRangeShare, boolean covered, boolean pointInside) { }

    /**
     * The runs that match a period's whole record at once: every target's value within its observed
     * range. Each target may be matched by many runs and the record as a whole by few, which the
     * per-target checks cannot show.
     */
    public record WholeRecord(long matching, long runs) {
        public double share() {
            return runs == 0 ? Double.NaN : (double) matching / runs;
        }

        /** The 95% Wilson interval of the share: {low, high}. */
        public double[] interval() {
            return Statistics.wilson(matching, runs, Statistics.Z95);
        }
    }

    /** Per week of the charted series: the quantiles {@link BatchSummary#QUANTILES} (5% to 95%) across runs. */
    public record Fan(Target series, double[][] quantiles) { }

    public record Result(long runs, long failed, long seed, List<Check> checks, Fan fan, WholeRecord wholeRecord) {
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
     * One run's statistics: per target its value (NaN where undefined), and the charted weekly series
     * (null when none is charted); {@code values} is null for a run that threw.
     */
    public record Sample(double[] values, double[] weekly) {
        /** A run that threw. */
        public static final Sample FAILED = new Sample(null, null);

        public boolean failed() {
            return values == null;
        }
    }

    /** Takes the targets' statistics (and the weekly series) of runs of one theatre. */
    public static final class Sampler {
        private final List<Statistic> stats;
        private final Statistic series;

        public Sampler(Theatre theatre, List<Target> targets, Target weekly) {
            if (!theatre.keepsStrikes) throw new IllegalArgumentException("the theatre must keep strikes");
            stats = targets.stream().map(t -> new Statistic(t, theatre)).toList();
            series = weekly == null ? null : new Statistic(weekly, theatre);
        }

        /** The sample of a run; {@link Sample#FAILED} for a run that threw (null record). */
        public Sample of(RunRecord record) {
            if (record == null) return Sample.FAILED;
            return new Sample(values(stats, record), series == null ? null : series.weekly(record.strikes));
        }
    }

    /**
     * Runs {@code runs} replications of {@code theatre} (which must keep strikes) and checks every target.
     * Each run's statistics are kept (a few doubles a run) for exact quantiles, so memory grows with
     * {@code runs}: thousands of runs, as validation and calibration use, not the millions of a batch.
     */
    public static Result run(Theatre theatre, List<Target> targets, Target weekly, long seed, long runs, int threads) throws Exception {
        Sampler sampler = new Sampler(theatre, targets, weekly);
        List<Sample> samples = new ArrayList<>();
        BatchRunner.run(theatre, seed, 0, runs, threads, (run, runSeed, record, error) -> samples.add(sampler.of(record)));
        return result(targets, weekly, seed, samples);
    }

    /** Every target checked against the samples of runs 0, 1, ... of a batch with master seed {@code seed}. */
    public static Result result(List<Target> targets, Target weekly, long seed, List<Sample> samples) {
        int runs = samples.size();
        // A run that threw is reported as failed, not counted as a run without an event or a value.
        List<Sample> completed = samples.stream().filter(x -> !x.failed()).toList();
        double[][] kept = new double[targets.size()][completed.size()];
        for (int i = 0; i < completed.size(); i++) {
            for (int k = 0; k < targets.size(); k++) kept[k][i] = completed.get(i).values()[k];
        }
        List<Check> checks = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) checks.add(check(targets.get(k), kept[k]));
        Fan fan = null;
        if (weekly != null) {
            List<double[]> weeks = completed.stream().map(Sample::weekly).filter(a -> a != null).toList();
            int w = weeks.stream().mapToInt(a -> a.length).max().orElse(0);
            double[][] q = new double[w][BatchSummary.QUANTILES.length];
            double[] column = new double[weeks.size()];
            for (int k = 0; k < w; k++) {
                int n = 0;
                for (double[] run : weeks) column[n++] = run[k];
                double[] sorted = Arrays.copyOf(column, n);
                Arrays.sort(sorted);
                for (int j = 0; j < BatchSummary.QUANTILES.length; j++) q[k][j] = quantile(sorted, BatchSummary.QUANTILES[j]);
            }
            fan = new Fan(weekly, q);
        }
        return new Result(runs, runs - completed.size(), seed, checks, fan, wholeRecord(targets, kept));
    }

    /**
     * A target against the simulated values of its statistic (NaN for undefined), one per run.
     *
     * <p>A censored kind (lag, first date) takes its censoring value in every run without an event, so
     * its 90% interval can reach the window's end, and an observed value, when no run has an event
     * anywhere near it. Such a target may not pass through censoring alone, so its checks are stated in
     * shares of runs, the interval's ends being the values with 5% of runs on either side: point inside
     * needs at least 5% of runs at or before the observed value and at least 5% with an actual event on
     * or after it; covered needs at least 5% at or before the range's high end and at least 5% with an
     * event on or after its low end. Where the record itself says "no event" (the observed value is the
     * censoring value), censored runs are what matches it: point inside needs at least 5% of runs
     * censored, and covered (a range from an event to "no event") at least 5% of runs on or after its low end.
     */
    public static Check check(Target t, double[] simulated) {
        double[] defined = Arrays.stream(simulated).filter(v -> !Double.isNaN(v)).sorted().toArray();
        long undefined = simulated.length - defined.length;
        double censored = share(simulated, t::isCensored);
        double inRange = share(simulated, t::inRange);
        if (defined.length == 0) {
            return new Check(t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, undefined, censored, inRange, false, false);
        }
        double lo = quantile(defined, LOW_Q);
        double hi = quantile(defined, HIGH_Q);
        double mean = Arrays.stream(defined).sum() / defined.length;
        boolean covered;
        boolean inside;
        if (t.kind().censors()) {
            covered = atLeast(share(simulated, v -> v <= t.high()), LOW_Q)
                    && atLeast(t.isCensored(t.high()) ? share(simulated, v -> v >= t.low()) : eventsFrom(t, simulated, t.low()), LOW_Q);
            inside = t.observedCensored() ? atLeast(censored, LOW_Q)
                    : atLeast(share(simulated, v -> v <= t.observed()), LOW_Q) && atLeast(eventsFrom(t, simulated, t.observed()), LOW_Q);
        } else {
            covered = t.covered(lo, hi);
            inside = t.observed() >= lo && t.observed() <= hi;
        }
        return new Check(t, quantile(defined, 0.5), lo, hi, mean, undefined, censored, inRange, covered, inside);
    }

    /** The runs whose every value (values[target][run]) lies within its target's observed range. */
    public static WholeRecord wholeRecord(List<Target> targets, double[][] values) {
        int runs = values.length == 0 ? 0 : values[0].length;
        long matching = 0;
        for (int i = 0; i < runs; i++) {
            boolean all = true;
            for (int k = 0; k < targets.size() && all; k++) all = targets.get(k).inRange(values[k][i]);
            if (all) matching++;
        }
        return new WholeRecord(matching, runs);
    }

    /** The share of runs with an actual event (not censored) on or after {@code from}. */
    private static double eventsFrom(Target t, double[] simulated, double from) {
        return share(simulated, v -> v >= from && !t.isCensored(v));
    }

    private static double share(double[] values, DoublePredicate p) {
        if (values.length == 0) return 0;
        return (double) Arrays.stream(values).filter(p).count() / values.length;
    }

    /** share >= q, forgiving the rounding of a count over a number of runs (50 / 1000 is 5%). */
    private static boolean atLeast(double share, double q) {
        return share >= q - 1e-12;
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
