package escalation.model;

/**
 * Host-state and clerical restraint as a stock of pressure on each restrained actor, one per restrainer
 * (domain brief: Baghdad and Sistani press the factions to hold back; Israel's warnings relayed through
 * Washington and Baghdad raised the pressure; Washington Institute, Militia Spotlight: a sharp drop after
 * Israel's letter of 18 Nov 2024; Al-Akhbar via ynetnews, 23 Dec 2024: a Nujaba-Sudani agreement to stop).
 * The pressure of restrainer r on actor i is its standing leverage plus what relayed threats and deals
 * added, and the added part decays each day by {@code dynamics.restraint_decay}. The restrained actor's
 * intensity is multiplied by
 * <pre>  exp(-sum over its restrainers of strength x (leverage_r + added_ir))</pre>
 * which falls smoothly with pressure, never reaches zero, and recovers as the added pressure fades.
 */
public final class RestraintPressure {
    private final Theatre theatre;
    /** [restrained][slot in its restrainedBy row]: pressure added by threats and deals. */
    private final double[][] added;
    /** True while some added pressure remains, so the factors must be recomputed each day. */
    private boolean live;

    RestraintPressure(Theatre t) {
        theatre = t;
        added = new double[t.actors][];
        for (int i = 0; i < t.actors; i++) added[i] = new double[t.restrainedBy[i].length];
    }

    /** Pressure from a threat relayed, or a deal struck, by restrainer {@code by} on {@code actor}; false when {@code by} does not restrain it. */
    boolean add(int actor, int by, double amount) {
        int[] row = theatre.restrainedBy[actor];
        boolean any = false;
        for (int k = 0; k < row.length; k++) {
            if (row[k] == by) {
                added[actor][k] += amount;
                any = true;
            }
        }
        live |= any && amount > 0;
        return any;
    }

    /** One day's fading of the added pressure. */
    void decay(double rate) {
        if (!live) return;
        double keep = 1 - rate;
        boolean any = false;
        for (double[] row : added) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= keep;
                if (row[k] < 1e-9) row[k] = 0;
                any |= row[k] > 0;
            }
        }
        live = any;
    }

    boolean live() {
        return live;
    }

    /** The restraint factor on {@code actor}'s intensity. */
    double factor(int actor, double[] leverage, double[][] strength) {
        int[] by = theatre.restrainedBy[actor];
        double exponent = 0;
        for (int k = 0; k < by.length; k++) exponent += strength[actor][k] * (leverage[by[k]] + added[actor][k]);
        return Math.exp(-exponent);
    }

    /** The total pressure on {@code actor} (standing and added), for observers. */
    public double pressureOn(int actor, double[] leverage) {
        int[] by = theatre.restrainedBy[actor];
        double sum = 0;
        for (int k = 0; k < by.length; k++) sum += leverage[by[k]] + added[actor][k];
        return sum;
    }
}
