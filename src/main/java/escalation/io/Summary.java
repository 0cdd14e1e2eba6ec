package escalation.io;

import escalation.model.RunRecord;
import escalation.model.Theatre;
import java.util.Locale;

/** The end-of-run summary: totals by attacker and target, thresholds with the date first crossed, the end state. */
public final class Summary {
    private Summary() { }

    public static String of(Theatre t, RunRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-26s %-26s %7s %8s %8s %11s %5s %6s %7s%n", "attacker", "target", "signals",
                "attacks", "weapons", "intercepted", "hits", "killed", "injured"));
        for (int a = 0; a < t.actors; a++) {
            for (int target = 0; target < t.actors; target++) {
                int c = r.cell(a, target);
                if (r.attacks[c] == 0 && r.signals[c] == 0) continue;
                b.append(String.format(Locale.ROOT, "%-26s %-26s %7d %8d %8d %11d %5d %6d %7d%n", t.actorNames[a],
                        t.actorNames[target], r.signals[c], r.attacks[c], r.weapons[c], r.intercepted[c], r.hits[c],
                        r.killed[c], r.injured[c]));
            }
        }
        b.append('\n');
        for (int k = 0; k < r.thresholdDay.length; k++) {
            int d = r.thresholdDay[k];
            b.append(String.format(Locale.ROOT, "%-40s %s%n", t.scenario.thresholds().get(k).name(),
                    d < 0 ? "not crossed" : "first crossed " + t.date(d)));
        }
        int max = r.maxLevel();
        int end = r.endLevel(RunRecord.END_WINDOW);
        b.append("Highest rung reached: ").append(max == 0 ? "none" : t.rungNames[max - 1]).append('\n');
        b.append("End state (highest rung in the last ").append(RunRecord.END_WINDOW).append(" days): ")
                .append(end == 0 ? "calm" : t.rungNames[end - 1]).append('\n');
        return b.toString();
    }
}
