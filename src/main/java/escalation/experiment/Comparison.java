package escalation.experiment;

import java.util.List;

/**
 * What a comparison of variants run with common random numbers says. Variant 0 is the baseline;
 * every difference is a variant's estimate minus the baseline's, computed on paired runs.
 *
 * @param summaries each variant's batch summary (outcome probabilities with Wilson intervals, fans)
 * @param runs      runs that completed in every variant (the pairs)
 * @param failed    runs left out because they threw in at least one variant
 * @param outcomes  per outcome and variant, in the scenario's outcome order then variant order
 * @param totals    per total and variant, in {@link PairedComparison#TOTALS} order then variant order
 * @param actors    per actor, total and variant: the totals of {@link PairedBreakdown#ACTOR_METRICS} with paired differences
 * @param pairs     per (attacker, target), total and variant: {@link PairedBreakdown#PAIR_METRICS} with paired differences
 */
public record Comparison(List<String> variants, List<BatchSummary> summaries, long runs, long failed, long seed,
                         String command, List<OutcomeRow> outcomes, List<TotalRow> totals, List<PairedBreakdown.Row> actors,
                         List<PairedBreakdown.Row> pairs) {

    /**
     * One outcome of one variant: its probability with a 95% Wilson interval; for a variant other
     * than the baseline, the paired difference with its 95% Newcombe interval, the discordant runs
     * (crossed in the baseline only, in the variant only), McNemar's exact p-value and that p-value
     * Holm-adjusted over every outcome of every variant. Difference fields are NaN on the baseline's rows.
     */
    public record OutcomeRow(String outcome, String name, String variant, boolean baseline, long crossed, double estimate,
                             double low, double high, double difference, double differenceLow, double differenceHigh,
                             long onlyBaseline, long onlyVariant, double p, double pHolm) { }

    /**
     * One per-run total of one variant: its mean with a 95% interval; for a variant other than the
     * baseline, the mean paired difference with its 95% paired t interval, the paired t test's
     * p-value and that p-value Holm-adjusted over every total of every variant.
     */
    public record TotalRow(String metric, String variant, boolean baseline, double mean, double low, double high,
                           double difference, double differenceLow, double differenceHigh, double p, double pHolm) { }

    /** Whether a variant's difference on this outcome is significant at 5% after Holm's adjustment. */
    public static boolean significant(OutcomeRow r) {
        return !r.baseline() && r.pHolm() < 0.05;
    }
}
