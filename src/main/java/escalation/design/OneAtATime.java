package escalation.design;

/**
 * One factor at a time: point 0 is the baseline (each factor at its baseline coordinate), then each
 * factor in turn takes each of its levels while the others stay at the baseline. A continuous factor's
 * L levels are the unit coordinates 0, 1/(L-1), ..., 1; a discrete factor's are its own values. A
 * level equal to the baseline is not repeated.
 */
public final class OneAtATime implements Design {
    private final double[] baseline;
    /** Per point after the baseline: the factor moved and its coordinate. */
    private final int[] factor;
    private final double[] coordinate;

    public OneAtATime(double[] baseline, int[] levels, boolean[] discrete) {
        this.baseline = baseline.clone();
        java.util.List<int[]> moves = new java.util.ArrayList<>();
        java.util.List<Double> coords = new java.util.ArrayList<>();
        for (int f = 0; f < baseline.length; f++) {
            for (int l = 0; l < levels[f]; l++) {
                double c = FullFactorial.coordinate(l, levels[f], discrete[f]);
                if (Math.abs(c - baseline[f]) < 1e-12) continue;
                moves.add(new int[] {f});
                coords.add(c);
            }
        }
        factor = moves.stream().mapToInt(m -> m[0]).toArray();
        coordinate = coords.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override public int factors() {
        return baseline.length;
    }

    @Override public long size() {
        return 1L + factor.length;
    }

    @Override public double[] unit(long index) {
        double[] u = baseline.clone();
        if (index > 0) u[factor[(int) index - 1]] = coordinate[(int) index - 1];
        return u;
    }

    /** The factor point {@code index} moves, or -1 for the baseline. */
    public int moved(long index) {
        return index == 0 ? -1 : factor[(int) index - 1];
    }

    public double[] baseline() {
        return baseline.clone();
    }

    @Override public String kind() {
        return "one_at_a_time";
    }
}
