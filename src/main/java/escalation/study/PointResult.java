package escalation.study;

/**
 * What the replications of one point say: per outcome, how many runs defined it, its mean (a
 * probability for a yes/no outcome), standard deviation and 95% interval (Wilson for yes/no outcomes,
 * the normal approximation otherwise; none from fewer than 2 runs); per actor metric and actor, the
 * mean with its interval.
 *
 * @param runs   the runs that completed (those that threw are counted in {@code failed} and left out)
 * @param n      per outcome, the runs that defined it
 * @param actors actors[metric][actor] = {mean, low, high}; null for a model without actors
 */
public record PointResult(long point, long designPoint, int policy, double[] unit, long runs, long failed, long[] n, double[] mean,
                          double[] sd, double[] low, double[] high, double[][][] actors) { }
