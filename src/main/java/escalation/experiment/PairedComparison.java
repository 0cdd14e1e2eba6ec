package escalation.experiment;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison of variants of a scenario run with common random numbers: run i of every variant
 * used the same seed, so each run is a matched set and differences are estimated on pairs, which
 * removes the run-to-run noise the variants share. Accumulated run by run in run order, in memory
 * independent of the number of runs: a full {@link Aggregate} per variant (for charts and tables),
 * and per variant and outcome the 2x2 table of the variant against the baseline (variant 0), and
 * per variant and total the sum and sum of squares of the per-run differences.
 *
 * <p>A run that threw in any variant is left out of every variant's statistics, so that the
 * estimates stay paired.
 */
public final class PairedComparison {
    /** The per-run totals compared, summed over all actors: attacks, killed, injured, and the highest level reached. */
    public static final String[] TOTALS = {"attacks", "killed", "injured", "peak_level"};

    private final List<String> names;
    private final List<Theatre> theatres;
    private final Aggregate[] aggregates;
    /** [variant][outcome]: runs where both crossed, only the variant, only the baseline, neither. */
    private final long[][][] tables;
    private final double[][] totalSum;
    private final double[][] totalSquares;
    private final double[][] differenceSum;
    private final double[][] differenceSquares;
    private long pairs;
    private long failed;
    private final PairedBreakdown breakdown;

    public PairedComparison(List<String> names, List<Theatre> theatres) {
        if (names.size() != theatres.size() || names.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two variants, one name each");
        }
        List<String> problems = incompatibilities(names, theatres);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        this.names = List.copyOf(names);
        this.theatres = List.copyOf(theatres);
        int v = theatres.size();
        int outcomes = theatres.get(0).thresholdRung.length;
        aggregates = new Aggregate[v];
        for (int i = 0; i < v; i++) aggregates[i] = new Aggregate(theatres.get(i));
        tables = new long[v][outcomes][4];
        totalSum = new double[v][TOTALS.length];
        totalSquares = new double[v][TOTALS.length];
        differenceSum = new double[v][TOTALS.length];
        differenceSquares = new double[v][TOTALS.length];
        breakdown = new PairedBreakdown(theatres.get(0), v);
    }

    /**
     * Why these variants cannot be compared run for run, one line each; empty when they can. They
     * must share their calendar (the same days), their named outcomes (the same ids in the same
     * order) and their escalation ladder (the same rungs), or side-by-side numbers would compare
     * different things.
     */
    public static List<String> incompatibilities(List<String> names, List<Theatre> theatres) {
        List<String> out = new ArrayList<>();
        Records.Scenario base = theatres.get(0).scenario;
        for (int v = 1; v < theatres.size(); v++) {
            Records.Scenario s = theatres.get(v).scenario;
            String which = "variant '" + names.get(v) + "' and the baseline '" + names.get(0) + "'";
            if (!s.calendar().start().equals(base.calendar().start()) || !s.calendar().end().equals(base.calendar().end())) {
                out.add(which + " have different calendars (" + s.calendar().start() + " to " + s.calendar().end() + " against "
                        + base.calendar().start() + " to " + base.calendar().end() + ")");
            }
            List<String> outcomes = s.thresholds().stream().map(Records.Threshold::id).toList();
            List<String> baseOutcomes = base.thresholds().stream().map(Records.Threshold::id).toList();
            if (!outcomes.equals(baseOutcomes)) {
                out.add(which + " have different outcomes (thresholds " + outcomes + " against " + baseOutcomes + ")");
            }
            List<String> rungs = s.ladder().stream().map(Records.Rung::id).toList();
            List<String> baseRungs = base.ladder().stream().map(Records.Rung::id).toList();
            if (!rungs.equals(baseRungs)) {
                out.add(which + " have different escalation ladders (rungs " + rungs + " against " + baseRungs + ")");
            }
        }
        return out;
    }

    /** Adds run i of every variant, in run order. */
    public void add(RunRecord[] runs) {
        if (runs.length != aggregates.length) throw new IllegalArgumentException("one record per variant expected");
        pairs++;
        breakdown.add(runs);
        double[] base = totals(runs[0]);
        for (int v = 0; v < runs.length; v++) {
            RunRecord r = runs[v];
            aggregates[v].add(r);
            long[][] t = tables[v];
            for (int k = 0; k < t.length; k++) {
                boolean variant = r.thresholdDay[k] >= 0;
                boolean baseline = runs[0].thresholdDay[k] >= 0;
                t[k][variant ? (baseline ? 0 : 1) : (baseline ? 2 : 3)]++;
            }
            double[] x = v == 0 ? base : totals(r);
            for (int m = 0; m < x.length; m++) {
                totalSum[v][m] += x[m];
                totalSquares[v][m] += x[m] * x[m];
                double d = x[m] - base[m];
                differenceSum[v][m] += d;
                differenceSquares[v][m] += d * d;
            }
        }
    }

    /** A run that threw in at least one variant: counted, left out of every variant's statistics. */
    public void addFailure() {
        failed++;
        for (Aggregate a : aggregates) a.addFailure();
    }

    private static double[] totals(RunRecord r) {
        return new double[] {RunRecord.total(r.attacks), RunRecord.total(r.killed), RunRecord.total(r.injured), r.maxLevel()};
    }

    public long pairs() {
        return pairs;
    }

    public long failed() {
        return failed;
    }

    public List<String> names() {
        return names;
    }

    public Aggregate aggregate(int variant) {
        return aggregates[variant];
    }

    /** What the comparison says. */
    public Comparison result(String command, long seed) {
        List<BatchSummary> summaries = new ArrayList<>();
        for (Aggregate a : aggregates) summaries.add(a.summary(command, seed));
        Theatre t0 = theatres.get(0);
        int outcomes = t0.thresholdRung.length;
        int variants = aggregates.length;

        double[] p = new double[outcomes * (variants - 1)];
        for (int v = 1; v < variants; v++) {
            for (int k = 0; k < outcomes; k++) p[(v - 1) * outcomes + k] = Statistics.mcnemarExact(tables[v][k][2], tables[v][k][1]);
        }
        double[] pHolm = Statistics.holm(p);
        List<Comparison.OutcomeRow> rows = new ArrayList<>();
        for (int k = 0; k < outcomes; k++) {
            Records.Threshold th = t0.scenario.thresholds().get(k);
            for (int v = 0; v < variants; v++) {
                BatchSummary.OutcomeEstimate e = summaries.get(v).outcomes().get(k);
                if (v == 0) {
                    rows.add(new Comparison.OutcomeRow(th.id(), th.name(), names.get(v), true, e.crossed(), e.probability(),
                            e.low(), e.high(), Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN));
                    continue;
                }
                long[] c = tables[v][k];
                double[] d = Statistics.newcombePaired(c[0], c[1], c[2], c[3], Statistics.Z95);
                int i = (v - 1) * outcomes + k;
                rows.add(new Comparison.OutcomeRow(th.id(), th.name(), names.get(v), false, e.crossed(), e.probability(),
                        e.low(), e.high(), d[0], d[1], d[2], c[2], c[1], p[i], pHolm[i]));
            }
        }

        double[] tp = new double[TOTALS.length * (variants - 1)];
        double[][][] diffs = new double[variants][TOTALS.length][];
        for (int v = 1; v < variants; v++) {
            for (int m = 0; m < TOTALS.length; m++) {
                diffs[v][m] = Statistics.pairedMean(pairs, differenceSum[v][m], differenceSquares[v][m]);
                tp[(v - 1) * TOTALS.length + m] = diffs[v][m][3];
            }
        }
        double[] tpHolm = Statistics.holm(tp);
        List<Comparison.TotalRow> totals = new ArrayList<>();
        for (int m = 0; m < TOTALS.length; m++) {
            for (int v = 0; v < variants; v++) {
                double[] mean = Statistics.meanInterval(pairs, totalSum[v][m], totalSquares[v][m]);
                if (v == 0) {
                    totals.add(new Comparison.TotalRow(TOTALS[m], names.get(v), true, mean[0], mean[1], mean[2],
                            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                } else {
                    double[] d = diffs[v][m];
                    int i = (v - 1) * TOTALS.length + m;
                    totals.add(new Comparison.TotalRow(TOTALS[m], names.get(v), false, mean[0], mean[1], mean[2],
                            d[0], d[1], d[2], d[3], tpHolm[i]));
                }
            }
        }
        List<List<PairedBreakdown.Row>> detail = breakdown.rows(names);
        return new Comparison(names, summaries, pairs, failed, seed, command, rows, totals, detail.get(0), detail.get(1));
    }

    /**
     * Adds the statistics of another comparison of the same variants (a shard's runs) to these. Counts
     * add exactly; every floating-point sum is a sum of whole numbers (per-run totals, their squares,
     * their differences from the baseline's and the squares of those), which add exactly in any grouping
     * while every partial sum stays below 2^53 ({@link #exact()}), so the result is the one a single pass
     * in run order gives.
     */
    public void absorb(PairedComparison o) {
        if (o.aggregates.length != aggregates.length || o.tables[0].length != tables[0].length) {
            throw new IllegalArgumentException("comparisons of different variants");
        }
        pairs += o.pairs;
        failed += o.failed;
        for (int v = 0; v < aggregates.length; v++) {
            aggregates[v].absorb(o.aggregates[v]);
            for (int k = 0; k < tables[v].length; k++) {
                for (int c = 0; c < 4; c++) tables[v][k][c] = Math.addExact(tables[v][k][c], o.tables[v][k][c]);
            }
        }
        addDoubles(totalSum, o.totalSum);
        addDoubles(totalSquares, o.totalSquares);
        addDoubles(differenceSum, o.differenceSum);
        addDoubles(differenceSquares, o.differenceSquares);
        breakdown.absorb(o.breakdown);
    }

    /**
     * True when every floating-point sum is exact whatever the grouping: every variant's aggregates are
     * ({@link Aggregate#exact()}), and every sum of squares is below 2^53. For whole numbers |x| <= x^2, so
     * a sum of squares below 2^53 bounds every partial sum of the values (and of their differences) too.
     */
    public boolean exact() {
        for (Aggregate a : aggregates) {
            if (!a.exact()) return false;
        }
        return below(totalSquares) && below(differenceSquares) && breakdown.exact();
    }

    static void addDoubles(double[][] into, double[][] more) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) into[i][j] += more[i][j];
        }
    }

    static boolean below(double[][] squares) {
        for (double[] row : squares) {
            for (double v : row) {
                if (!(v < Histogram.EXACT)) return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ checkpoint

    /** Writes everything accumulated, so that {@link #read} resumes an interrupted comparison exactly. */
    public void write(DataOutput out) throws IOException {
        out.writeLong(pairs);
        out.writeLong(failed);
        for (Aggregate a : aggregates) a.write(out);
        for (long[][] t : tables) {
            for (long[] row : t) {
                for (long c : row) out.writeLong(c);
            }
        }
        for (double[][] a : new double[][][] {totalSum, totalSquares, differenceSum, differenceSquares}) writeDoubles(out, a);
        breakdown.write(out);
    }

    /** Reads what {@link #write} wrote for the same variants. */
    public void read(DataInput in) throws IOException {
        pairs = in.readLong();
        failed = in.readLong();
        for (Aggregate a : aggregates) a.read(in);
        for (long[][] t : tables) {
            for (long[] row : t) {
                for (int i = 0; i < row.length; i++) row[i] = in.readLong();
            }
        }
        for (double[][] a : new double[][][] {totalSum, totalSquares, differenceSum, differenceSquares}) readDoubles(in, a);
        breakdown.read(in);
    }

    static void writeDoubles(DataOutput out, double[][] a) throws IOException {
        for (double[] row : a) {
            for (double v : row) out.writeDouble(v);
        }
    }

    static void readDoubles(DataInput in, double[][] a) throws IOException {
        for (double[] row : a) {
            for (int i = 0; i < row.length; i++) row[i] = in.readDouble();
        }
    }
}
