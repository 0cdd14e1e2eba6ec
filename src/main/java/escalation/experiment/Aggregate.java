package escalation.experiment;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a batch reports, accumulated run by run in run order, in memory independent of the
 * number of runs: counts of each escalation level per day, first-crossing days per threshold,
 * exact distributions of per-run totals per attacker and target, weekly attacks per actor. Runs are
 * added in run order by one thread, so floating-point sums, and every output, are the same whatever
 * the number of threads. Its state can be written and read back to resume an interrupted batch.
 */
public final class Aggregate {
    /** The per-run totals summarised for each (attacker, target) pair. */
    public static final String[] METRICS = {"attacks", "weapons", "intercepted", "hits", "killed", "injured"};

    private final Theatre theatre;
    private long runs;
    private long failed;
    private final long[][] levelCounts;
    private final long[] endLevelCounts;
    private final long[] crossed;
    private final long[][] crossingDayCounts;
    /** [pair][metric] for the pairs that may fight: attacker may target target. */
    private final Histogram[][] pairMetrics;
    private final int[] pairAttacker;
    private final int[] pairTarget;
    private final Histogram[] killedSuffered;
    private final double[][] weeklyAttacks;

    public Aggregate(Theatre t) {
        theatre = t;
        int levels = t.rungs() + 1;
        levelCounts = new long[t.days][levels];
        endLevelCounts = new long[levels];
        int thresholds = t.thresholdRung.length;
        crossed = new long[thresholds];
        crossingDayCounts = new long[thresholds][t.days];
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < t.actors; a++) {
            for (int b = 0; b < t.actors; b++) {
                if (t.mayTarget[a][b] && t.actions[a].length > 0) pairs.add(new int[] {a, b});
            }
        }
        pairAttacker = pairs.stream().mapToInt(p -> p[0]).toArray();
        pairTarget = pairs.stream().mapToInt(p -> p[1]).toArray();
        pairMetrics = new Histogram[pairs.size()][METRICS.length];
        for (Histogram[] row : pairMetrics) {
            for (int m = 0; m < row.length; m++) row[m] = new Histogram();
        }
        killedSuffered = new Histogram[t.actors];
        for (int a = 0; a < t.actors; a++) killedSuffered[a] = new Histogram();
        weeklyAttacks = new double[t.actors][(t.days + 6) / 7];
    }

    /** Adds the next run, in run order. */
    public void add(RunRecord r) {
        runs++;
        for (int d = 0; d < r.dailyLevel.length; d++) levelCounts[d][r.dailyLevel[d]]++;
        endLevelCounts[r.endLevel(RunRecord.END_WINDOW)]++;
        for (int k = 0; k < crossed.length; k++) {
            int day = r.thresholdDay[k];
            if (day >= 0) {
                crossed[k]++;
                crossingDayCounts[k][day]++;
            }
        }
        for (int p = 0; p < pairAttacker.length; p++) {
            int cell = r.cell(pairAttacker[p], pairTarget[p]);
            Histogram[] h = pairMetrics[p];
            h[0].add(r.attacks[cell]);
            h[1].add(r.weapons[cell]);
            h[2].add(r.intercepted[cell]);
            h[3].add(r.hits[cell]);
            h[4].add(r.killed[cell]);
            h[5].add(r.injured[cell]);
        }
        for (int a = 0; a < theatre.actors; a++) {
            killedSuffered[a].add(r.byTarget(r.killed, a));
            double[] w = weeklyAttacks[a];
            for (int k = 0; k < w.length; k++) w[k] += r.weeklyAttacks[a * r.weeks + k];
        }
    }

    /** A run that threw: counted, not aggregated. */
    public void addFailure() {
        failed++;
    }

    public long runs() {
        return runs;
    }

    public long failed() {
        return failed;
    }

    public long[] endLevelCounts() {
        return endLevelCounts.clone();
    }

    public long crossed(int threshold) {
        return crossed[threshold];
    }

    /** What the batch says, for tables, charts and the report. */
    public BatchSummary summary(String command, long seed) {
        Theatre t = theatre;
        List<java.time.LocalDate> dates = new ArrayList<>();
        for (int d = 0; d < t.days; d++) dates.add(t.date(d));
        List<String> levelNames = new ArrayList<>();
        levelNames.add("calm");
        for (String n : t.rungNames) levelNames.add(n);
        long[] levels = java.util.stream.LongStream.range(0, t.rungs() + 1).toArray();
        double[][] q = new double[t.days][BatchSummary.QUANTILES.length];
        double[] mean = new double[t.days];
        for (int d = 0; d < t.days; d++) {
            for (int k = 0; k < q[d].length; k++) q[d][k] = Statistics.quantile(levels, levelCounts[d], BatchSummary.QUANTILES[k]);
            double s = 0;
            for (int l = 0; l < levelCounts[d].length; l++) s += l * (double) levelCounts[d][l];
            mean[d] = runs == 0 ? Double.NaN : s / runs;
        }
        List<BatchSummary.OutcomeEstimate> outcomes = new ArrayList<>();
        for (int k = 0; k < crossed.length; k++) {
            double[] ci = Statistics.wilson(crossed[k], runs, Statistics.Z95);
            double[] survival = Statistics.kaplanMeier(crossingDayCounts[k], runs);
            var th = t.scenario.thresholds().get(k);
            outcomes.add(new BatchSummary.OutcomeEstimate(th.id(), th.name(), crossed[k],
                    runs == 0 ? Double.NaN : (double) crossed[k] / runs, ci[0], ci[1], survival, Statistics.medianDay(survival)));
        }
        List<java.time.LocalDate> weekStarts = new ArrayList<>();
        for (int w = 0; w < weeklyAttacks[0].length; w++) weekStarts.add(t.date(7 * w));
        double[][] weekly = new double[t.actors][];
        for (int a = 0; a < t.actors; a++) {
            weekly[a] = weeklyAttacks[a].clone();
            for (int w = 0; w < weekly[a].length; w++) weekly[a][w] = runs == 0 ? 0 : weekly[a][w] / runs;
        }
        List<BatchSummary.MetricEstimate> metrics = new ArrayList<>();
        for (int p = 0; p < pairAttacker.length; p++) {
            if (pairMetrics[p][0].allZero()) continue;
            for (int m = 0; m < METRICS.length; m++) {
                Histogram h = pairMetrics[p][m];
                double[] ci = h.meanInterval();
                metrics.add(new BatchSummary.MetricEstimate(t.actorIds[pairAttacker[p]], t.actorIds[pairTarget[p]], METRICS[m],
                        ci[0], ci[1], ci[2], h.quantile(0.05), h.quantile(0.5), h.quantile(0.95)));
            }
        }
        List<BatchSummary.Distribution> casualties = new ArrayList<>();
        for (int a = 0; a < t.actors; a++) {
            if (!killedSuffered[a].allZero()) {
                casualties.add(new BatchSummary.Distribution(t.actorNames[a], killedSuffered[a].values(), killedSuffered[a].countsOfValues()));
            }
        }
        return new BatchSummary(t.scenario.name(), t.scenario.title(), command, runs, failed, seed, List.of(t.actorIds),
                List.of(t.actorNames), dates, levelNames, q, mean, outcomes, weekStarts, weekly, metrics, casualties);
    }

    /** Level counts of one day (for daily.csv). */
    public long[] levelCounts(int day) {
        return levelCounts[day].clone();
    }

    // ------------------------------------------------------------------ merge

    /**
     * Adds the aggregates of the runs that follow this one's (the next shard of a batch). Counts add
     * exactly; the floating-point sums are sums of whole numbers, which add exactly, in any grouping, as
     * long as they stay below 2^53 ({@link #exact()}), so the result is the one a single pass in run order gives.
     */
    public void absorb(Aggregate o) {
        if (o.levelCounts.length != levelCounts.length || o.pairMetrics.length != pairMetrics.length) {
            throw new IllegalArgumentException("aggregates of different scenarios");
        }
        runs += o.runs;
        failed += o.failed;
        for (int d = 0; d < levelCounts.length; d++) addLongs(levelCounts[d], o.levelCounts[d]);
        addLongs(endLevelCounts, o.endLevelCounts);
        addLongs(crossed, o.crossed);
        for (int k = 0; k < crossingDayCounts.length; k++) addLongs(crossingDayCounts[k], o.crossingDayCounts[k]);
        for (int p = 0; p < pairMetrics.length; p++) {
            for (int m = 0; m < pairMetrics[p].length; m++) pairMetrics[p][m].absorb(o.pairMetrics[p][m]);
        }
        for (int a = 0; a < killedSuffered.length; a++) killedSuffered[a].absorb(o.killedSuffered[a]);
        for (int a = 0; a < weeklyAttacks.length; a++) {
            for (int w = 0; w < weeklyAttacks[a].length; w++) weeklyAttacks[a][w] += o.weeklyAttacks[a][w];
        }
    }

    /**
     * True when every floating-point sum is below 2^53: then every partial sum of whole numbers on the
     * way was exact too, whatever the grouping, and merged shards give the bytes of one pass.
     */
    public boolean exact() {
        for (Histogram[] row : pairMetrics) {
            for (Histogram h : row) {
                if (!h.exact()) return false;
            }
        }
        for (Histogram h : killedSuffered) {
            if (!h.exact()) return false;
        }
        for (double[] row : weeklyAttacks) {
            for (double v : row) {
                if (!(v < Histogram.EXACT)) return false;
            }
        }
        return true;
    }

    private static void addLongs(long[] into, long[] more) {
        for (int i = 0; i < into.length; i++) into[i] = Math.addExact(into[i], more[i]);
    }

    // ------------------------------------------------------------------ checkpoint

    public void write(DataOutput out) throws IOException {
        out.writeLong(runs);
        out.writeLong(failed);
        for (long[] row : levelCounts) writeLongs(out, row);
        writeLongs(out, endLevelCounts);
        writeLongs(out, crossed);
        for (long[] row : crossingDayCounts) writeLongs(out, row);
        for (Histogram[] row : pairMetrics) {
            for (Histogram h : row) h.write(out);
        }
        for (Histogram h : killedSuffered) h.write(out);
        for (double[] row : weeklyAttacks) {
            for (double v : row) out.writeDouble(v);
        }
    }

    public void read(DataInput in) throws IOException {
        runs = in.readLong();
        failed = in.readLong();
        for (long[] row : levelCounts) readLongs(in, row);
        readLongs(in, endLevelCounts);
        readLongs(in, crossed);
        for (long[] row : crossingDayCounts) readLongs(in, row);
        for (Histogram[] row : pairMetrics) {
            for (Histogram h : row) h.read(in);
        }
        for (Histogram h : killedSuffered) h.read(in);
        for (double[] row : weeklyAttacks) {
            for (int i = 0; i < row.length; i++) row[i] = in.readDouble();
        }
    }

    private static void writeLongs(DataOutput out, long[] a) throws IOException {
        for (long v : a) out.writeLong(v);
    }

    private static void readLongs(DataInput in, long[] a) throws IOException {
        for (int i = 0; i < a.length; i++) a[i] = in.readLong();
    }
}
