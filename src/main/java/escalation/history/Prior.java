package escalation.history;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A prior on one calibrated parameter. Sampling, perturbation and densities work in an internal
 * space where the prior is simple: the value itself for uniform and normal priors, its logarithm for
 * log-uniform ones (so a perturbation kernel moves scale parameters by ratios, not differences).
 */
public record Prior(Kind kind, double a, double b) {
    /** uniform(a, b), log_uniform(a, b) with 0 < a, normal(mean a, sd b). */
    public enum Kind { UNIFORM, LOG_UNIFORM, NORMAL }

    public Prior {
        // Finite bounds whose width is finite too, or draws and densities overflow.
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(b - a) || !Double.isFinite(a + b)
                || (kind == Kind.NORMAL ? !(b > 0) : !(a < b) || (kind == Kind.LOG_UNIFORM && !(a > 0)))) {
            throw new IllegalArgumentException("bad prior " + kind + "(" + a + ", " + b + ")");
        }
    }

    /** A draw in the internal space. */
    public double sample(MersenneTwisterFast r) {
        return switch (kind) {
            case UNIFORM -> a + (b - a) * r.nextDouble();
            case LOG_UNIFORM -> Math.log(a) + (Math.log(b) - Math.log(a)) * r.nextDouble();
            case NORMAL -> a + b * r.nextGaussian();
        };
    }

    /** The prior density at an internal value, up to a constant; 0 outside the support. */
    public double density(double internal) {
        return switch (kind) {
            case UNIFORM -> internal >= a && internal <= b ? 1 : 0;
            case LOG_UNIFORM -> internal >= Math.log(a) && internal <= Math.log(b) ? 1 : 0;
            case NORMAL -> Math.exp(-0.5 * Math.pow((internal - a) / b, 2));
        };
    }

    /** The parameter's value for an internal value. */
    public double value(double internal) {
        return kind == Kind.LOG_UNIFORM ? Math.exp(internal) : internal;
    }

    /** The prior's q-quantile, in the parameter's own units. */
    public double quantile(double q) {
        return switch (kind) {
            case UNIFORM -> a + (b - a) * q;
            case LOG_UNIFORM -> Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * q);
            case NORMAL -> new NormalDistribution(a, b).inverseCumulativeProbability(q);
        };
    }

    /** The internal value of a parameter value. */
    public double internal(double value) {
        return kind == Kind.LOG_UNIFORM ? Math.log(value) : value;
    }

    @Override public String toString() {
        return switch (kind) {
            case UNIFORM -> "uniform(" + a + ", " + b + ")";
            case LOG_UNIFORM -> "log-uniform(" + a + ", " + b + ")";
            case NORMAL -> "normal(" + a + ", " + b + ")";
        };
    }
}
