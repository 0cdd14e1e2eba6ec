package escalation.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A regression tree (CART: Breiman, Friedman, Olshen and Stone 1984) of an outcome on the factors:
 * each node splits its points at the factor and threshold that most reduce the sum of squared
 * deviations, down to a maximum depth or a minimum leaf size. A factor's score is the share of the total
 * reduction its splits bring, a simple impurity-based feature score. Ties go to the lower factor index
 * and the lower threshold, so the tree is the same on every run.
 */
public final class RegressionTree {
    /** A node: a leaf when {@code factor} is -1; else points with x[factor] &lt;= threshold go to {@code left}. */
    public record Node(int id, int depth, int factor, double threshold, int left, int right, int points, double mean) { }

    private final List<Node> nodes = new ArrayList<>();
    private final double[] scores;

    public RegressionTree(double[][] x, double[] y, int maxDepth, int minLeaf) {
        int k = x.length == 0 ? 0 : x[0].length;
        scores = new double[k];
        int[] all = java.util.stream.IntStream.range(0, y.length).filter(i -> !Double.isNaN(y[i])).toArray();
        grow(x, y, all, 0, maxDepth, Math.max(1, minLeaf));
        double sum = Arrays.stream(scores).sum();
        for (int f = 0; f < k; f++) scores[f] = sum > 0 ? scores[f] / sum : 0;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Per factor, its share of the tree's total reduction of squared deviations (they sum to 1 when the tree splits at all). */
    public double[] scores() {
        return scores.clone();
    }

    private int grow(double[][] x, double[] y, int[] in, int depth, int maxDepth, int minLeaf) {
        int id = nodes.size();
        double mean = 0;
        for (int i : in) mean += y[i];
        mean = in.length == 0 ? Double.NaN : mean / in.length;
        nodes.add(new Node(id, depth, -1, Double.NaN, -1, -1, in.length, mean));
        if (depth >= maxDepth || in.length < 2 * minLeaf) return id;
        double parent = 0;
        for (int i : in) parent += (y[i] - mean) * (y[i] - mean);
        int bestF = -1;
        double bestT = 0;
        double bestGain = 1e-12 * Math.max(1, parent);
        int k = x[0].length;
        for (int f = 0; f < k; f++) {
            final int ff = f;
            Integer[] order = Arrays.stream(in).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(x[a][ff], x[b][ff]));
            double total = 0;
            for (int i : in) total += y[i];
            double left = 0;
            double leftSq = 0;
            double totalSq = 0;
            for (int i : in) totalSq += y[i] * y[i];
            for (int s = 0; s < order.length - 1; s++) {
                double v = y[order[s]];
                left += v;
                leftSq += v * v;
                int nl = s + 1;
                int nr = order.length - nl;
                if (nl < minLeaf || nr < minLeaf || x[order[s]][f] == x[order[s + 1]][f]) continue;
                double sseL = leftSq - left * left / nl;
                double right = total - left;
                double sseR = (totalSq - leftSq) - right * right / nr;
                double gain = parent - sseL - sseR;
                if (gain > bestGain + 1e-12) {
                    bestGain = gain;
                    bestF = f;
                    bestT = (x[order[s]][f] + x[order[s + 1]][f]) / 2;
                }
            }
        }
        if (bestF < 0) return id;
        scores[bestF] += bestGain;
        final int bf = bestF;
        final double bt = bestT;
        int[] l = Arrays.stream(in).filter(i -> x[i][bf] <= bt).toArray();
        int[] r = Arrays.stream(in).filter(i -> x[i][bf] > bt).toArray();
        int li = grow(x, y, l, depth + 1, maxDepth, minLeaf);
        int ri = grow(x, y, r, depth + 1, maxDepth, minLeaf);
        nodes.set(id, new Node(id, depth, bestF, bestT, li, ri, in.length, mean));
        return id;
    }
}
