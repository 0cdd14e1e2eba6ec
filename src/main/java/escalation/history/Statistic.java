package escalation.history;

import escalation.model.RunRecord;
import escalation.model.Theatre;

/**
 * A {@link Target} compiled against a theatre: actor ids become index sets and dates become day
 * indexes, so that evaluating a run is one pass over its strike log. One class computes every kind.
 */
public final class Statistic {
    public final Target target;
    private final boolean[] by;
    private final boolean[] against;
    private final int measure;
    private final int from;
    private final int to;
    private final int baseFrom;
    private final int baseTo;
    /** Per corridor node, whether strikes landing there count; null when every place counts. */
    private final boolean[] where;

    public Statistic(Target t, Theatre theatre) {
        target = t;
        by = members(t.by(), theatre);
        against = members(t.against(), theatre);
        measure = Target.MEASURES.indexOf(t.measure());
        from = theatre.dayOf(t.from());
        to = theatre.dayOf(t.to());
        baseFrom = t.baseFrom() == null ? 0 : theatre.dayOf(t.baseFrom());
        baseTo = t.baseTo() == null ? -1 : theatre.dayOf(t.baseTo());
        if (t.where().isEmpty()) {
            where = null;
        } else {
            where = new boolean[theatre.nodes.length];
            for (String node : t.where()) {
                int k = java.util.Arrays.asList(theatre.nodes).indexOf(node);
                if (k < 0) throw new IllegalArgumentException("target " + t.id() + ": unknown corridor node '" + node + "'");
                where[k] = true;
            }
        }
    }

    private static boolean[] members(java.util.List<String> ids, Theatre t) {
        boolean[] in = new boolean[t.actors];
        for (String id : ids) in[t.index(id)] = true;
        return in;
    }

    /** The statistic's value in run {@code r}, whose theatre kept its strikes; NaN when undefined. */
    public double value(RunRecord r) {
        RunRecord.Strikes s = r.strikes;
        if (s == null) throw new IllegalStateException("the run kept no strike log: build its Theatre with keepStrikes");
        return switch (target.kind()) {
            case COUNT -> sum(s, from, to, measure);
            case RATIO -> {
                double rate = (sum(s, from, to, measure) + 0.5) / (to - from + 1);
                double base = (sum(s, baseFrom, baseTo, measure) + 0.5) / (baseTo - baseFrom + 1);
                yield rate / base;
            }
            case INTERCEPTION_SHARE -> {
                double launched = sum(s, from, to, measure);
                yield launched == 0 ? Double.NaN : sum(s, from, to, 2) / launched;
            }
            case WEEKLY_PEAK, PEAK_WEEK -> {
                double[] weeks = weekly(s);
                int best = 0;
                for (int w = 1; w < weeks.length; w++) {
                    if (weeks[w] > weeks[best]) best = w;
                }
                yield target.kind() == Target.Kind.WEEKLY_PEAK ? weeks[best] : 7.0 * best;
            }
            case FIRST_DATE -> first(s, from) - from;
            case LAG -> first(s, from + 1) - from;
        };
    }

    /** Sums of the measure over consecutive 7-day weeks from {@code from}; a last partial week counts as it is. */
    public double[] weekly(RunRecord.Strikes s) {
        double[] weeks = new double[(to - from) / 7 + 1];
        for (int i = 0; i < s.size(); i++) {
            int d = s.day(i);
            if (d >= from && d <= to && counts(s, i)) weeks[(d - from) / 7] += amount(s, i, measure);
        }
        return weeks;
    }

    private double sum(RunRecord.Strikes s, int first, int last, int m) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            int d = s.day(i);
            if (d >= first && d <= last && counts(s, i)) total += amount(s, i, m);
        }
        return total;
    }

    /** The first day from {@code first} to {@code to} with a positive measure, or {@code to + 1}. */
    private int first(RunRecord.Strikes s, int first) {
        for (int i = 0; i < s.size(); i++) {
            int d = s.day(i);
            if (d >= first && d <= to && counts(s, i) && amount(s, i, measure) > 0) return d;
        }
        return to + 1;
    }

    private boolean counts(RunRecord.Strikes s, int i) {
        if (!by[s.attacker(i)] || !against[s.target(i)]) return false;
        if (where == null) return true;
        int w = s.where(i);
        return w >= 0 && where[w];
    }

    private static double amount(RunRecord.Strikes s, int i, int m) {
        return switch (m) {
            case 0 -> 1;
            case 1 -> s.launched(i);
            case 2 -> s.intercepted(i);
            case 3 -> s.launched(i) - s.intercepted(i);
            case 4 -> s.killed(i);
            case 5 -> s.injured(i);
            case 6 -> s.reached(i);
            default -> s.claims(i);
        };
    }
}
