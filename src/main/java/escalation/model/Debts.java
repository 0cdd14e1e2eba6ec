package escalation.model;

import java.util.Arrays;

/**
 * The answers each state owes, one debt per (answerer, attacker): when it falls due, the rung and the
 * harm-scaled size of the attack it answers, the weight (1, or the protector's commitment to the ally
 * attacked), the front the attack belonged to and on whose behalf it is owed. Several attacks before the
 * debt is paid merge into one: the due day the caller plans for the combined harm, the highest rung, the largest
 * weight and scale. A
 * ceasefire on a front drops what a debt owes for attacks on it: a debt for attacks on several fronts (or on none)
 * stays owed while one of them is not pacified. Fronts are bits of a mask, so a scenario has at most 63.
 */
final class Debts {
    final int[][] due;
    final int[][] rung;
    final double[][] weight;
    final double[][] scale;
    /** The harm (hits + killed + injured) of the attacks the debt answers, summed. */
    final double[][] harm;
    /** Per debt, the fronts of the attacks it answers, one bit each ({@link #NO_FRONT} for attacks on none). */
    final long[][] fronts;
    static final long NO_FRONT = 1L << 63;
    static final int MAX_FRONTS = 63;
    final int[][] onBehalf;
    /** Per answerer, how many of its debts are open. */
    final int[] owed;
    /** Per answerer, no debt of its falls due before this day. */
    final int[] firstDue;

    Debts(int actors) {
        due = new int[actors][actors];
        rung = new int[actors][actors];
        weight = new double[actors][actors];
        scale = new double[actors][actors];
        harm = new double[actors][actors];
        fronts = new long[actors][actors];
        onBehalf = new int[actors][actors];
        owed = new int[actors];
        firstDue = new int[actors];
        for (int[] row : due) Arrays.fill(row, -1);
    }

    /** Opens a debt due on {@code day}, or merges into the open one (its due day and scale become the caller's). */
    void owe(int answerer, int attacker, int day, int r, double w, double h, double s, long f, int behalf) {
        harm[answerer][attacker] = h;
        if (due[answerer][attacker] < 0) {
            firstDue[answerer] = owed[answerer] == 0 ? day : Math.min(firstDue[answerer], day);
            owed[answerer]++;
            due[answerer][attacker] = day;
            rung[answerer][attacker] = r;
            weight[answerer][attacker] = w;
            scale[answerer][attacker] = s;
            fronts[answerer][attacker] = f;
            onBehalf[answerer][attacker] = behalf;
        } else {
            due[answerer][attacker] = day;
            if (r > rung[answerer][attacker]) onBehalf[answerer][attacker] = behalf;
            rung[answerer][attacker] = Math.max(rung[answerer][attacker], r);
            weight[answerer][attacker] = Math.max(weight[answerer][attacker], w);
            scale[answerer][attacker] = s;
            fronts[answerer][attacker] |= f;
            refreshFirst(answerer);
        }
    }

    /** The attacker with the highest-rung debt of {@code answerer} due by {@code day}, or -1; settles it. */
    int settleDue(int answerer, int day) {
        if (owed[answerer] == 0 || day < firstDue[answerer]) return -1;
        int[] row = due[answerer];
        int attacker = -1;
        for (int j = 0; j < row.length; j++) {
            if (row[j] >= 0 && row[j] <= day && (attacker < 0 || rung[answerer][j] > rung[answerer][attacker])) attacker = j;
        }
        if (attacker < 0) return -1;
        row[attacker] = -1;
        owed[answerer]--;
        refreshFirst(answerer);
        return attacker;
    }

    /** Settles the debt of {@code answerer} toward {@code attacker}, if one is open. */
    void settle(int answerer, int attacker) {
        if (due[answerer][attacker] < 0) return;
        due[answerer][attacker] = -1;
        owed[answerer]--;
        refreshFirst(answerer);
    }

    /** Drops the debts owed for attacks on front {@code f}; returns how many. */
    int forgive(int f) {
        int dropped = 0;
        for (int a = 0; a < due.length; a++) {
            if (owed[a] == 0) continue;
            for (int j = 0; j < due[a].length; j++) {
                if (due[a][j] >= 0 && (fronts[a][j] & (1L << f)) != 0) {
                    fronts[a][j] &= ~(1L << f);
                    if (fronts[a][j] != 0) continue;
                    due[a][j] = -1;
                    owed[a]--;
                    dropped++;
                }
            }
            refreshFirst(a);
        }
        return dropped;
    }

    private void refreshFirst(int answerer) {
        int first = Integer.MAX_VALUE;
        for (int d : due[answerer]) {
            if (d >= 0) first = Math.min(first, d);
        }
        firstDue[answerer] = first;
    }
}
