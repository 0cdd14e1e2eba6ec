package escalation.history;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An observed figure and how to compute the same quantity from a run: a statistic of the strikes of
 * some actors ({@code by}) on others ({@code against}) over a date window, with the figure's value,
 * uncertainty range and source. One general definition serves every target; see {@link Statistic}.
 *
 * @param measure    what is summed per strike: attacks (one per strike), weapons, intercepted, hits, killed, injured,
 *                   reached (weapons that reached the target's air defences) or claims (the attacker's claims)
 * @param where      corridor nodes where counted strikes land (empty: anywhere)
 * @param baseFrom   for {@link Kind#RATIO}, the first day of the window the rate is compared with; else null
 * @param observed   the figure's value in the statistic's unit (days after {@code from} for dates); for a
 *                   censored kind, {@link #censoredValue()} when the record holds no event by {@code to}
 */
public record Target(String id, Kind kind, List<String> by, List<String> against, String measure,
                     LocalDate from, LocalDate to, LocalDate baseFrom, LocalDate baseTo,
                     double observed, double low, double high, Figure figure, List<String> where) {

    /** A target counting strikes wherever they land. */
    public Target(String id, Kind kind, List<String> by, List<String> against, String measure,
                  LocalDate from, LocalDate to, LocalDate baseFrom, LocalDate baseTo,
                  double observed, double low, double high, Figure figure) {
        this(id, kind, by, against, measure, from, to, baseFrom, baseTo, observed, low, high, figure, List.of());
    }

    /** The statistic kinds. */
    public enum Kind {
        /** The measure summed over the window. */
        COUNT("count"),
        /** The largest sum over consecutive 7-day weeks starting on {@code from}. */
        WEEKLY_PEAK("weekly_peak"),
        /** The first day of that peak week, as days after {@code from}. */
        PEAK_WEEK("peak_week"),
        /** The daily rate in the window over the daily rate in the base window, each count plus 0.5. */
        RATIO("ratio"),
        /** Weapons intercepted over the measure in the window, weapons launched unless it names claims (undefined when it is 0). */
        INTERCEPTION_SHARE("interception_share"),
        /** The first day in the window with a positive measure, as days after {@code from}; censored at {@code to} + 1. */
        FIRST_DATE("first_date"),
        /** Days from {@code from} (an event) to the first later day with a positive measure; censored at {@code to} + 1. */
        LAG("lag");

        public final String key;

        Kind(String key) {
            this.key = key;
        }

        /** True for kinds whose value is a day count after {@code from}, shown as a date. */
        public boolean isDate() {
            return this == PEAK_WEEK || this == FIRST_DATE;
        }

        /** True for kinds that wait for an event and take a censoring value when none comes by {@code to}. */
        public boolean censors() {
            return this == FIRST_DATE || this == LAG;
        }

        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) return k;
            }
            return null;
        }

        public static List<String> keys() {
            return java.util.Arrays.stream(values()).map(k -> k.key).toList();
        }
    }

    public static final List<String> MEASURES = List.of("attacks", "weapons", "intercepted", "hits", "killed", "injured", "reached", "claims");

    /** Half the width of the observed range: the scale of this target in a calibration distance. */
    public double scale() {
        return Math.max(1e-9, (high - low) / 2);
    }

    /** Whether a simulated interval [lo, hi] meets the observed range. */
    public boolean covered(double lo, double hi) {
        return lo <= high && hi >= low;
    }

    /** The value a censored kind takes when no event comes by {@code to}: the window's length, {@code to} + 1 as days after {@code from}. */
    public double censoredValue() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether {@code v} says "no event by {@code to}": only a censored kind's censoring value does. */
    public boolean isCensored(double v) {
        return kind.censors() && v >= censoredValue();
    }

    /** Whether the record itself holds no event by {@code to} (the observed figure {@code none}). */
    public boolean observedCensored() {
        return isCensored(observed);
    }

    /** Whether a run's value lies within the observed range; an undefined value (NaN) does not. */
    public boolean inRange(double v) {
        return v >= low && v <= high;
    }

    /** A value of this statistic for people: a date for date kinds, a number otherwise, and "after {@code to} (censored)" for no event. */
    public String format(double v) {
        if (Double.isNaN(v)) return "–";
        if (isCensored(v)) return "after " + to + " (censored)";
        if (kind.isDate()) return from.plusDays(Math.round(v)).toString();
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(java.util.Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
