package escalation.history;

/**
 * How much a calibration taught about one parameter: the width of its posterior 90% interval over
 * the width of its prior's. Near 1, the targets said little about it; near 0, they pin it down.
 * Widths are taken in the prior's internal space (the logarithm for a log-uniform prior), so that
 * for a scale parameter the ratio does not depend on where in its range the posterior sits.
 *
 * @param priorLow      the prior's 5% quantile, in the parameter's units
 * @param posteriorLow  the posterior's weighted 5% quantile, in the parameter's units
 */
public record Narrowing(double priorLow, double priorHigh, double posteriorLow, double posteriorHigh, double ratio) {

    /** The narrowing of parameter {@code p} of population {@code post} from its prior. */
    public static Narrowing of(Prior prior, Calibration.Population post, int p) {
        double[] column = Calibration.column(post, p);
        return of(prior, Calibration.quantile(column, post.weights(), Validation.LOW_Q),
                Calibration.quantile(column, post.weights(), Validation.HIGH_Q));
    }

    /** The narrowing of a posterior 90% interval [low, high] from the prior's. */
    public static Narrowing of(Prior prior, double low, double high) {
        double priorLow = prior.quantile(Validation.LOW_Q);
        double priorHigh = prior.quantile(Validation.HIGH_Q);
        double ratio = (prior.internal(high) - prior.internal(low)) / (prior.internal(priorHigh) - prior.internal(priorLow));
        return new Narrowing(priorLow, priorHigh, low, high, ratio);
    }

    /** "linear" or "log": the scale the widths are compared on. */
    public static String scale(Prior prior) {
        return prior.kind() == Prior.Kind.LOG_UNIFORM ? "log" : "linear";
    }
}
