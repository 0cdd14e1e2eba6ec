package escalation.sensitivity;

import ec.util.MersenneTwisterFast;

/**
 * Morris's elementary effects (Morris 1991, "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33:161-174) with the mean of their absolute values, mu*, of Campolongo,
 * Cariboni and Saltelli (2007, "An effective screening design for sensitivity analysis of large
 * models", Environmental Modelling &amp; Software 22:1509-1518). A factor's elementary effect on one
 * trajectory is the change of the output over the change of the factor (in unit coordinates, so
 * effects of different factors compare); mu is their mean, mu* the mean of their absolute values (the
 * factor's overall influence) and sigma their standard deviation (non-linearity or interactions).
 * mu*'s 95% interval is a percentile bootstrap over trajectories.
 */
public final class MorrisEffects {
    /** One factor's summary over r trajectories. */
    public record Effect(double mu, double muStar, double sigma, double muStarLow, double muStarHigh, int trajectories) { }

    private MorrisEffects() { }

    /**
     * @param effects effects[f][t]: factor f's elementary effect on trajectory t (NaN when undefined: left out)
     */
    public static Effect[] summarise(double[][] effects, int resamples, long seed) {
        Effect[] out = new Effect[effects.length];
        MersenneTwisterFast r = new MersenneTwisterFast(new int[] {(int) seed, (int) (seed >>> 32), 0x302215});
        for (int f = 0; f < effects.length; f++) {
            double[] e = java.util.Arrays.stream(effects[f]).filter(v -> !Double.isNaN(v)).toArray();
            int n = e.length;
            double mu = 0;
            double star = 0;
            for (double v : e) {
                mu += v;
                star += Math.abs(v);
            }
            mu /= n;
            star /= n;
            double ss = 0;
            for (double v : e) ss += (v - mu) * (v - mu);
            double sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
            double[] boot = new double[n > 0 ? resamples : 0];
            for (int t = 0; t < boot.length; t++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += Math.abs(e[r.nextInt(n)]);
                boot[t] = s / n;
            }
            double[] ci = SobolIndices.percentiles(boot);
            out[f] = new Effect(n == 0 ? Double.NaN : mu, n == 0 ? Double.NaN : star, sigma, ci[0], ci[1], n);
        }
        return out;
    }
}
