package escalation.study;

import escalation.history.Statistic;
import escalation.history.Target;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.List;

/**
 * What an experiment measures in each run, as one number: whether a threshold was crossed (1 or 0),
 * a total of a measure over strikes of some actors on others, a history statistic, or the run's highest
 * or end escalation level. {@code above} turns a number into yes (1) or no (0).
 *
 * @param threshold the threshold id (kind THRESHOLD)
 * @param measure   the measure a TOTAL sums
 * @param target    the statistic (kind STATISTIC), with no observed figure
 */
public record Outcome(String name, Kind kind, String threshold, String measure, List<String> by, List<String> against, Target target,
                      Double above) {
    public enum Kind { THRESHOLD, TOTAL, STATISTIC, MAX_LEVEL, END_LEVEL }

    /** Whether the outcome is yes or no, so that its mean is a probability with a Wilson interval. */
    public boolean binary() {
        return kind == Kind.THRESHOLD || above != null;
    }

    /** Whether a run's outcome also has a date (a threshold's first crossing, a statistic that is a date). */
    public boolean dated() {
        return kind == Kind.THRESHOLD || (kind == Kind.STATISTIC && target.kind().isDate() && above == null);
    }

    /** Whether the model must keep every strike of a run (history statistics need them). */
    public boolean needsStrikes() {
        return kind == Kind.STATISTIC;
    }

    /** The outcome compiled against one theatre: actor ids become indexes. */
    public Measure compile(Theatre t) {
        return new Measure(this, t);
    }

    /** An outcome compiled against a theatre. */
    public static final class Measure {
        private final Outcome o;
        private final Theatre t;
        private final int threshold;
        private final boolean[] by;
        private final boolean[] against;
        private final Statistic statistic;

        Measure(Outcome o, Theatre t) {
            this.o = o;
            this.t = t;
            threshold = o.kind == Kind.THRESHOLD ? indexOfThreshold(t, o.threshold) : -1;
            by = members(t, o.by);
            against = members(t, o.against);
            statistic = o.kind == Kind.STATISTIC ? new Statistic(o.target, t) : null;
        }

        private static int indexOfThreshold(Theatre t, String id) {
            var list = t.scenario.thresholds();
            for (int k = 0; k < list.size(); k++) {
                if (list.get(k).id().equals(id)) return k;
            }
            throw new IllegalArgumentException("no threshold '" + id + "'");
        }

        private static boolean[] members(Theatre t, List<String> ids) {
            boolean[] in = new boolean[t.actors];
            if (ids == null || ids.isEmpty()) {
                java.util.Arrays.fill(in, true);
            } else {
                for (String id : ids) in[t.index(id)] = true;
            }
            return in;
        }

        /** The run's value; NaN when undefined (a share of nothing launched). */
        public double value(RunRecord r) {
            double v = switch (o.kind) {
                case THRESHOLD -> r.thresholdDay[threshold] >= 0 ? 1 : 0;
                case TOTAL -> total(r);
                case STATISTIC -> statistic.value(r);
                case MAX_LEVEL -> r.maxLevel();
                case END_LEVEL -> r.endLevel(RunRecord.END_WINDOW);
            };
            if (o.above != null && !Double.isNaN(v)) return v > o.above ? 1 : 0;
            return v;
        }

        /** The run's date as a day index of the calendar, or -1 (no crossing, no date). */
        public int day(RunRecord r, double value) {
            if (o.kind == Kind.THRESHOLD) return r.thresholdDay[threshold];
            if (o.dated() && !Double.isNaN(value) && !o.target.isCensored(value)) return t.dayOf(o.target.from()) + (int) Math.round(value);
            return -1;
        }

        private double total(RunRecord r) {
            int[] m = switch (o.measure) {
                case "attacks" -> r.attacks;
                case "weapons" -> r.weapons;
                case "intercepted" -> r.intercepted;
                case "hits" -> r.hits;
                case "killed" -> r.killed;
                case "injured" -> r.injured;
                case "reached" -> r.reached;
                default -> r.claims;
            };
            long sum = 0;
            for (int a = 0; a < t.actors; a++) {
                if (!by[a]) continue;
                for (int b = 0; b < t.actors; b++) {
                    if (against[b]) sum += m[r.cell(a, b)];
                }
            }
            return sum;
        }
    }
}
