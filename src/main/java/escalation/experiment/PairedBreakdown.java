package escalation.experiment;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison's paired differences per actor and per (attacker, target) pair, not only summed over
 * every actor: a lever can halve one faction's attacks while the sum over all actors barely moves.
 * Per variant and per total it keeps the sum and sum of squares of the per-run value and of its
 * difference from the baseline's run with the same seed, so memory does not grow with the runs.
 */
public final class PairedBreakdown {
    /** What is totalled per actor: attacks, weapons and people killed by the actor, and people killed among its own. */
    public static final String[] ACTOR_METRICS = {"attacks", "weapons", "killed", "killed_suffered"};
    /** What is totalled per (attacker, target) pair. */
    public static final String[] PAIR_METRICS = {"attacks", "weapons", "killed"};

    /**
     * One total of one variant. {@code actor} is set for a per-actor total, {@code attacker} and {@code target}
     * for a per-pair one; difference fields are NaN on the baseline's rows; p is the paired t test's and
     * pHolm that p-value Holm-adjusted over every row of its table.
     */
    public record Row(String actor, String attacker, String target, String metric, String variant, boolean baseline, double mean,
                      double low, double high, double difference, double differenceLow, double differenceHigh, double p, double pHolm) { }

    private final Theatre theatre;
    private final int[] pairAttacker;
    private final int[] pairTarget;
    /** [variant][key]; keys are the actor totals, then the pair totals. */
    private final double[][] sum;
    private final double[][] squares;
    private final double[][] differenceSum;
    private final double[][] differenceSquares;
    private long runs;

    public PairedBreakdown(Theatre baseline, int variants) {
        theatre = baseline;
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < baseline.actors; a++) {
            for (int b = 0; b < baseline.actors; b++) {
                if (baseline.mayTarget[a][b] && baseline.actions[a].length > 0) pairs.add(new int[] {a, b});
            }
        }
        pairAttacker = pairs.stream().mapToInt(p -> p[0]).toArray();
        pairTarget = pairs.stream().mapToInt(p -> p[1]).toArray();
        int keys = baseline.actors * ACTOR_METRICS.length + pairs.size() * PAIR_METRICS.length;
        sum = new double[variants][keys];
        squares = new double[variants][keys];
        differenceSum = new double[variants][keys];
        differenceSquares = new double[variants][keys];
    }

    private double[] values(RunRecord r) {
        int actors = theatre.actors;
        double[] x = new double[sum[0].length];
        for (int a = 0; a < actors; a++) {
            x[a * 4] = r.byAttacker(r.attacks, a);
            x[a * 4 + 1] = r.byAttacker(r.weapons, a);
            x[a * 4 + 2] = r.byAttacker(r.killed, a);
            x[a * 4 + 3] = r.byTarget(r.killed, a);
        }
        int base = actors * 4;
        for (int p = 0; p < pairAttacker.length; p++) {
            int cell = r.cell(pairAttacker[p], pairTarget[p]);
            x[base + p * 3] = r.attacks[cell];
            x[base + p * 3 + 1] = r.weapons[cell];
            x[base + p * 3 + 2] = r.killed[cell];
        }
        return x;
    }

    /** Adds run i of every variant, in run order. */
    public void add(RunRecord[] records) {
        runs++;
        double[] base = values(records[0]);
        for (int v = 0; v < records.length; v++) {
            double[] x = v == 0 ? base : values(records[v]);
            for (int k = 0; k < x.length; k++) {
                sum[v][k] += x[k];
                squares[v][k] += x[k] * x[k];
                double d = x[k] - base[k];
                differenceSum[v][k] += d;
                differenceSquares[v][k] += d * d;
            }
        }
    }

    /** The per-actor rows (first) and per-pair rows (second), leaving out totals that are 0 in every run of every variant. */
    public List<List<Row>> rows(List<String> variants) {
        int actors = theatre.actors;
        List<Row> byActor = rows(variants, 0, actors * 4, k -> new String[] {theatre.actorIds[k / 4], null, null, ACTOR_METRICS[k % 4]});
        List<Row> byPair = rows(variants, actors * 4, sum[0].length, k -> {
            int p = (k - actors * 4) / 3;
            return new String[] {null, theatre.actorIds[pairAttacker[p]], theatre.actorIds[pairTarget[p]], PAIR_METRICS[(k - actors * 4) % 3]};
        });
        return List.of(byActor, byPair);
    }

    private List<Row> rows(List<String> variants, int from, int to, java.util.function.IntFunction<String[]> label) {
        List<int[]> kept = new ArrayList<>();
        for (int k = from; k < to; k++) {
            boolean any = false;
            for (int v = 0; v < variants.size(); v++) any |= squares[v][k] > 0;
            if (any) kept.add(new int[] {k});
        }
        int tests = kept.size() * (variants.size() - 1);
        double[] p = new double[tests];
        double[][][] diff = new double[kept.size()][variants.size()][];
        for (int i = 0; i < kept.size(); i++) {
            int k = kept.get(i)[0];
            for (int v = 1; v < variants.size(); v++) {
                diff[i][v] = Statistics.pairedMean(runs, differenceSum[v][k], differenceSquares[v][k]);
                p[i * (variants.size() - 1) + v - 1] = diff[i][v][3];
            }
        }
        double[] holm = Statistics.holm(p);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            int k = kept.get(i)[0];
            String[] l = label.apply(k);
            for (int v = 0; v < variants.size(); v++) {
                double[] m = Statistics.meanInterval(runs, sum[v][k], squares[v][k]);
                if (v == 0) {
                    out.add(new Row(l[0], l[1], l[2], l[3], variants.get(v), true, m[0], m[1], m[2], Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN));
                } else {
                    double[] d = diff[i][v];
                    out.add(new Row(l[0], l[1], l[2], l[3], variants.get(v), false, m[0], m[1], m[2], d[0], d[1], d[2], d[3],
                            holm[i * (variants.size() - 1) + v - 1]));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ checkpoint

    /** Adds another breakdown of the same variants (a shard's runs); exact while {@link #exact()} holds (see {@link PairedComparison#absorb}). */
    void absorb(PairedBreakdown o) {
        if (o.sum.length != sum.length || o.sum[0].length != sum[0].length) throw new IllegalArgumentException("breakdowns of different variants");
        runs += o.runs;
        PairedComparison.addDoubles(sum, o.sum);
        PairedComparison.addDoubles(squares, o.squares);
        PairedComparison.addDoubles(differenceSum, o.differenceSum);
        PairedComparison.addDoubles(differenceSquares, o.differenceSquares);
    }

    /** True when every sum of squares is below 2^53, so that every sum here is exact whatever the grouping. */
    boolean exact() {
        return PairedComparison.below(squares) && PairedComparison.below(differenceSquares);
    }

    public void write(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(runs);
        for (double[][] a : new double[][][] {sum, squares, differenceSum, differenceSquares}) PairedComparison.writeDoubles(out, a);
    }

    public void read(java.io.DataInput in) throws java.io.IOException {
        runs = in.readLong();
        for (double[][] a : new double[][][] {sum, squares, differenceSum, differenceSquares}) PairedComparison.readDoubles(in, a);
    }
}
