package escalation.experiment;

import java.time.LocalDate;
import java.util.List;

/**
 * What a finished batch says, ready for tables, charts and reports: every number here is computed
 * from the streamed aggregates, so it takes memory independent of the number of runs.
 *
 * @param levelNames     index 0 is "calm", index k the name of rung k-1
 * @param levelQuantiles per day, the escalation level at each of {@link #QUANTILES} (exact, from counts)
 * @param weeklyAttacks  per actor and week, mean attacks per run launched by the actor
 */
public record BatchSummary(String scenario, String title, String command, long runs, long failed, long seed,
                           List<String> actorIds, List<String> actorNames, List<LocalDate> dates,
                           List<String> levelNames, double[][] levelQuantiles, double[] meanLevel,
                           List<OutcomeEstimate> outcomes, List<LocalDate> weekStarts, double[][] weeklyAttacks,
                           List<MetricEstimate> metrics, List<Distribution> casualties) {

    /** The quantiles of the daily escalation level: the fan chart's 90% and 50% bands and the median. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    /**
     * A named threshold: how many runs crossed it, the probability with its 95% Wilson interval, the
     * Kaplan-Meier survival curve (probability of not having crossed by the end of each day, censored at
     * the calendar's end) and the median day of first crossing, or -1 when survival never falls to 0.5.
     */
    public record OutcomeEstimate(String id, String name, long crossed, double probability, double low, double high,
                                  double[] survival, int medianDay) { }

    /** A per-run total (attacks, weapons, intercepted, hits, killed, injured) of one attacker against one target. */
    public record MetricEstimate(String attacker, String target, String metric, double mean, double low, double high,
                                 double p5, double p50, double p95) { }

    /** How often each value of a per-run total occurred: {@code values} ascending, {@code counts} alongside. */
    public record Distribution(String name, long[] values, long[] counts) {
        public long total() {
            long n = 0;
            for (long c : counts) n += c;
            return n;
        }
    }
}
