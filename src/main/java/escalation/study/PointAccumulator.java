package escalation.study;

import escalation.experiment.Statistics;

/** Adds up one point's replications, in replication order, into a {@link PointResult}. */
final class PointAccumulator {
    private final Experiment e;
    private long point = -1;
    private long runs;
    private long failed;
    private long[] n;
    private double[] sum;
    private double[] squares;
    private double[][] actorSum;
    private double[][] actorSquares;
    private long actorRuns;

    PointAccumulator(Experiment e) {
        this.e = e;
    }

    void start(long point) {
        this.point = point;
        int m = e.outcomes().size();
        runs = 0;
        failed = 0;
        n = new long[m];
        sum = new double[m];
        squares = new double[m];
        actorSum = null;
        actorSquares = null;
        actorRuns = 0;
    }

    void add(Observation o) {
        runs++;
        for (int k = 0; k < n.length; k++) {
            double v = o.values()[k];
            if (Double.isNaN(v)) continue;
            n[k]++;
            sum[k] += v;
            squares[k] += v * v;
        }
        if (o.actors() != null) {
            if (actorSum == null) {
                actorSum = new double[o.actors().length][o.actors()[0].length];
                actorSquares = new double[o.actors().length][o.actors()[0].length];
            }
            actorRuns++;
            for (int m = 0; m < actorSum.length; m++) {
                for (int a = 0; a < actorSum[m].length; a++) {
                    double v = o.actors()[m][a];
                    actorSum[m][a] += v;
                    actorSquares[m][a] += v * v;
                }
            }
        }
    }

    void addFailure() {
        failed++;
    }

    PointResult result() {
        int m = n.length;
        double[] mean = new double[m];
        double[] sd = new double[m];
        double[] low = new double[m];
        double[] high = new double[m];
        for (int k = 0; k < m; k++) {
            if (n[k] == 0) {
                mean[k] = sd[k] = low[k] = high[k] = Double.NaN;
                continue;
            }
            mean[k] = sum[k] / n[k];
            sd[k] = n[k] > 1 ? Math.sqrt(Math.max(0, (squares[k] - n[k] * mean[k] * mean[k]) / (n[k] - 1))) : Double.NaN;
            if (e.binary()[k]) {
                double[] w = Statistics.wilson(Math.round(sum[k]), n[k], Statistics.Z95);
                low[k] = w[0];
                high[k] = w[1];
            } else if (n[k] > 1) {
                double[] ci = Statistics.meanInterval(n[k], sum[k], squares[k]);
                low[k] = ci[1];
                high[k] = ci[2];
            } else {
                low[k] = high[k] = Double.NaN;
            }
        }
        double[][][] actors = null;
        if (actorSum != null) {
            actors = new double[actorSum.length][actorSum[0].length][];
            for (int x = 0; x < actorSum.length; x++) {
                for (int a = 0; a < actorSum[x].length; a++) {
                    double[] ci = Statistics.meanInterval(actorRuns, actorSum[x][a], actorSquares[x][a]);
                    if (actorRuns < 2) ci[1] = ci[2] = Double.NaN;
                    actors[x][a] = ci;
                }
            }
        }
        return new PointResult(point, e.designPoint(point), e.policy(point), e.unit(point), runs, failed, n, mean, sd, low, high, actors);
    }
}
