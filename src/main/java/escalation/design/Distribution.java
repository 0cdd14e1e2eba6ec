package escalation.design;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How an uncertain factor is spread: every design works in the unit hypercube, and a factor's
 * distribution turns a unit coordinate u in [0, 1] into a value by its inverse distribution
 * function. A normal distribution has no ends, so u is held within [{@link #TAIL}, 1 - {@link #TAIL}]
 * (designs that use the ends of the range, such as Morris and full factorial, then reach the 0.1% and
 * 99.9% quantiles); the other kinds reach their ends exactly.
 *
 * <p>A discrete factor takes one of {@code levels} values, each with probability 1 / levels: u falls in
 * level {@code floor(u x levels)} (the last level for u = 1).
 */
public record Distribution(Kind kind, double a, double b, double c, int levels) {
    /** The kinds, with their parameters: uniform(low, high), log-uniform(low, high) with 0 &lt; low, normal(mean, sd), triangular(low, mode, high), discrete(levels). */
    public enum Kind { UNIFORM, LOG_UNIFORM, NORMAL, TRIANGULAR, DISCRETE }

    /** The share of each tail of a normal distribution that unit coordinates do not reach. */
    public static final double TAIL = 0.001;

    public Distribution {
        boolean ok = switch (kind) {
            case UNIFORM -> a < b;
            case LOG_UNIFORM -> 0 < a && a < b;
            case NORMAL -> b > 0 && Double.isFinite(a);
            case TRIANGULAR -> a <= b && b <= c && a < c;
            case DISCRETE -> levels >= 1;
        };
        if (!ok || Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c)) {
            throw new IllegalArgumentException("bad distribution " + kind + "(" + a + ", " + b + ", " + c + ", " + levels + ")");
        }
    }

    public static Distribution uniform(double low, double high) {
        return new Distribution(Kind.UNIFORM, low, high, 0, 0);
    }

    public static Distribution logUniform(double low, double high) {
        return new Distribution(Kind.LOG_UNIFORM, low, high, 0, 0);
    }

    public static Distribution normal(double mean, double sd) {
        return new Distribution(Kind.NORMAL, mean, sd, 0, 0);
    }

    public static Distribution triangular(double low, double mode, double high) {
        return new Distribution(Kind.TRIANGULAR, low, mode, high, 0);
    }

    public static Distribution discrete(int levels) {
        return new Distribution(Kind.DISCRETE, 0, 0, 0, levels);
    }

    /** The value at unit coordinate u (for a discrete factor, the level's position 0, 1, ...). */
    public double value(double u) {
        u = Math.min(1, Math.max(0, u));
        return switch (kind) {
            case UNIFORM -> a + u * (b - a);
            // held within [a, b], which exp(log) can miss by a rounding error
            case LOG_UNIFORM -> Math.min(b, Math.max(a, Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)))));
            case NORMAL -> new NormalDistribution(null, a, b).inverseCumulativeProbability(Math.min(1 - TAIL, Math.max(TAIL, u)));
            case TRIANGULAR -> {
                double split = (b - a) / (c - a);
                double v = u <= split ? a + Math.sqrt(u * (c - a) * (b - a)) : c - Math.sqrt((1 - u) * (c - a) * (c - b));
                yield Math.min(c, Math.max(a, v));
            }
            case DISCRETE -> level(u);
        };
    }

    /** The level a unit coordinate falls in (discrete factors). */
    public int level(double u) {
        return (int) Math.min(levels - 1, Math.max(0, Math.floor(u * levels)));
    }

    /** The unit coordinate of a value: the distribution function (for a discrete factor, the middle of the level's share). */
    public double unit(double value) {
        return switch (kind) {
            case UNIFORM -> (value - a) / (b - a);
            case LOG_UNIFORM -> (Math.log(value) - Math.log(a)) / (Math.log(b) - Math.log(a));
            case NORMAL -> new NormalDistribution(null, a, b).cumulativeProbability(value);
            case TRIANGULAR -> value <= b ? (value - a) * (value - a) / ((c - a) * (b - a))
                    : 1 - (c - value) * (c - value) / ((c - a) * (c - b));
            case DISCRETE -> (value + 0.5) / levels;
        };
    }

    /** Whether a value lies in the distribution's support (for a discrete factor, is one of its positions). */
    public boolean contains(double value) {
        return switch (kind) {
            case UNIFORM -> value >= a && value <= b;
            case LOG_UNIFORM -> value >= a && value <= b;
            case NORMAL -> Double.isFinite(value);
            case TRIANGULAR -> value >= a && value <= c;
            case DISCRETE -> value == Math.rint(value) && value >= 0 && value < levels;
        };
    }

    @Override public String toString() {
        return switch (kind) {
            case UNIFORM -> "uniform(" + a + ", " + b + ")";
            case LOG_UNIFORM -> "log-uniform(" + a + ", " + b + ")";
            case NORMAL -> "normal(" + a + ", " + b + ")";
            case TRIANGULAR -> "triangular(" + a + ", " + b + ", " + c + ")";
            case DISCRETE -> levels + " levels";
        };
    }
}
