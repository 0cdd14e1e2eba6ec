package escalation.sensitivity;

/**
 * A one-at-a-time analysis: per factor, the outcome at the baseline and at the levels where it is
 * lowest and highest while the other factors stay at their baseline; the swing (highest - lowest)
 * orders a tornado chart.
 */
public final class Tornado {
    /** One factor's bar: the lowest and highest outcome over its levels, with the factor values that gave them. */
    public record Bar(int factor, double low, double lowAt, double high, double highAt, double swing) { }

    private Tornado() { }

    /**
     * @param moved  per point, the factor it moves (-1 for the baseline)
     * @param values per point, the factor's value (for moved points) in natural units
     * @param y      per point, the outcome
     */
    public static Bar[] bars(int factors, int[] moved, double[] values, double[] y, double baseline) {
        Bar[] out = new Bar[factors];
        for (int f = 0; f < factors; f++) {
            double lo = baseline;
            double hi = baseline;
            double loAt = Double.NaN;
            double hiAt = Double.NaN;
            for (int p = 0; p < moved.length; p++) {
                if (moved[p] != f || Double.isNaN(y[p])) continue;
                if (y[p] < lo || Double.isNaN(loAt) && y[p] == lo) {
                    lo = y[p];
                    loAt = values[p];
                }
                if (y[p] > hi || Double.isNaN(hiAt) && y[p] == hi) {
                    hi = y[p];
                    hiAt = values[p];
                }
            }
            out[f] = new Bar(f, lo, loAt, hi, hiAt, hi - lo);
        }
        return out;
    }
}
