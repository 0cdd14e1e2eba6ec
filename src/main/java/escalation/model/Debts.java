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
    /** Per answerer, no debt of its falls due before this day (a lower bound: a merged debt may fall due later). */
    final int[] firstDue;
    /** Per answerer, the attackers it owes answers, its first {@link #owed} entries in no order: scans visit only open debts. */
    private final int[][] open;

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
        open = new int[actors][actors];
        for (int[] row : due) Arrays.fill(row, -1);
    }

    /** Opens a debt due on {@code day}, or merges into the open one (its due day and scale become the caller's). */
    void owe(int answerer, int attacker, int day, int r, double w, double h, double s, long f, int behalf) {
        harm[answerer][attacker] = h;
        if (due[answerer][attacker] < 0) {
            firstDue[answerer] = owed[answerer] == 0 ? day : Math.min(firstDue[answerer], day);
            open[answerer][owed[answerer]++] = attacker;
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
            // A merge moves a due day later (the caller plans the combined harm no earlier than the debt was
            // due), or earlier only for a war's pace: the minimum keeps firstDue a lower bound either way, and
            // settleDue tightens it when it finds none due.
            firstDue[answerer] = Math.min(firstDue[answerer], day);
        }
    }

    /** The attacker with the highest-rung debt of {@code answerer} due by {@code day} (the first such attacker in actor order), or -1; settles it. */
    int settleDue(int answerer, int day) {
        if (owed[answerer] == 0 || day < firstDue[answerer]) return -1;
        int[] row = due[answerer];
        int[] rungs = rung[answerer];
        int[] list = open[answerer];
        int attacker = -1;
        for (int k = 0; k < owed[answerer]; k++) {
            int j = list[k];
            if (row[j] > day) continue;
            if (attacker < 0 || rungs[j] > rungs[attacker] || (rungs[j] == rungs[attacker] && j < attacker)) attacker = j;
        }
        if (attacker < 0) {
            refreshFirst(answerer);
            return -1;
        }
        close(answerer, attacker);
        refreshFirst(answerer);
        return attacker;
    }

    /** Settles the debt of {@code answerer} toward {@code attacker}, if one is open. */
    void settle(int answerer, int attacker) {
        if (due[answerer][attacker] < 0) return;
        close(answerer, attacker);
        refreshFirst(answerer);
    }

    /** True when one of the fronts of the debt of {@code answerer} toward {@code attacker} is at war. */
    boolean atWar(int answerer, int attacker, Fronts state) {
        long mask = fronts[answerer][attacker] & ~NO_FRONT;
        while (mask != 0) {
            int f = Long.numberOfTrailingZeros(mask);
            if (state.state(f) == Fronts.WAR) return true;
            mask &= mask - 1;
        }
        return false;
    }

    /** Drops the debts owed for attacks on front {@code f}; returns how many. */
    int forgive(int f) {
        int dropped = 0;
        for (int a = 0; a < due.length; a++) {
            if (owed[a] == 0) continue;
            int[] list = open[a];
            for (int k = owed[a] - 1; k >= 0; k--) {
                int j = list[k];
                if ((fronts[a][j] & (1L << f)) == 0) continue;
                fronts[a][j] &= ~(1L << f);
                if (fronts[a][j] != 0) continue;
                close(a, j);
                dropped++;
            }
            refreshFirst(a);
        }
        return dropped;
    }

    /** Closes the open debt of {@code answerer} toward {@code attacker}. */
    private void close(int answerer, int attacker) {
        due[answerer][attacker] = -1;
        int[] list = open[answerer];
        int last = --owed[answerer];
        for (int k = 0; k <= last; k++) {
            if (list[k] == attacker) {
                list[k] = list[last];
                break;
            }
        }
    }

    private void refreshFirst(int answerer) {
        int first = Integer.MAX_VALUE;
        int[] row = due[answerer];
        int[] list = open[answerer];
        for (int k = 0; k < owed[answerer]; k++) first = Math.min(first, row[list[k]]);
        firstDue[answerer] = first;
    }
}
