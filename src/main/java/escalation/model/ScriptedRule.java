package escalation.model;

import escalation.scenario.Records;

/** Performs dated actions only, as written (replays of history); probability 1. */
final class ScriptedRule implements DecisionRule {
    private final int[][] actionsByDay;
    private final int[][] salvoByDay;
    private final int[][] killedByDay;
    private final int[][] injuredByDay;

    ScriptedRule(Records.Rule r, Theatre t, int self) {
        actionsByDay = new int[t.days][];
        salvoByDay = new int[t.days][];
        killedByDay = new int[t.days][];
        injuredByDay = new int[t.days][];
        Records.Actor actor = t.scenario.actors().get(self);
        for (Records.ScriptedAction s : r.script()) {
            int d = t.dayOf(s.date());
            int k = actor.actions().indexOf(actor.action(s.action()));
            actionsByDay[d] = append(actionsByDay[d], k);
            salvoByDay[d] = append(salvoByDay[d], s.salvo());
            killedByDay[d] = append(killedByDay[d], s.killed());
            injuredByDay[d] = append(injuredByDay[d], s.injured());
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = a == null ? new int[1] : java.util.Arrays.copyOf(a, a.length + 1);
        b[b.length - 1] = v;
        return b;
    }

    @Override public void decide(World w, int self, Intents out) {
        int[] today = actionsByDay[w.day];
        if (today == null) return;
        for (int k = 0; k < today.length; k++) {
            out.add(today[k], salvoByDay[w.day][k], w.explaining ? Decision.of(kind(), 1, 0) : null);
            out.fixCasualties(killedByDay[w.day][k], injuredByDay[w.day][k]);
        }
    }

    @Override public void set(String name, double value) {
        throw new IllegalArgumentException("scripted rule has no numeric parameters");
    }

    @Override public String kind() {
        return "scripted";
    }
}
