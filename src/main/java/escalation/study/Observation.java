package escalation.study;

/**
 * One run's outcomes: a value per outcome (NaN when undefined), a calendar day per outcome (-1 when
 * it has no date), and per actor metric and actor a whole number (null for a model without actors).
 */
public record Observation(double[] values, int[] days, int[][] actors) {
    /** A run of a model without dates or actors. */
    public static Observation of(double... values) {
        int[] days = new int[values.length];
        java.util.Arrays.fill(days, -1);
        return new Observation(values, days, null);
    }
}
