package escalation.model;

import java.util.Arrays;

/**
 * The actions an actor decided on today, resolved in the resolve phase; reused day after day. An answer
 * carries its scale and the actor on whose behalf it was owed (-1 for initiative), so that the attacker
 * learns from it about the right adversary.
 */
final class Intents {
    int size;
    int[] action = new int[2];
    int[] salvo = new int[2];
    double[] scale = new double[2];
    int[] onBehalf = new int[2];
    Decision[] why = new Decision[2];
    /** Casualties the record fixes for a dated action (a replay), or -1 where they are drawn. */
    int[] killed = new int[2];
    int[] injured = new int[2];

    void add(int actionIndex, int weapons, Decision decision) {
        add(actionIndex, weapons, 1, -1, decision);
    }

    void add(int actionIndex, int weapons, double answerScale, int behalf, Decision decision) {
        if (size == action.length) {
            action = Arrays.copyOf(action, size * 2);
            salvo = Arrays.copyOf(salvo, size * 2);
            scale = Arrays.copyOf(scale, size * 2);
            onBehalf = Arrays.copyOf(onBehalf, size * 2);
            why = Arrays.copyOf(why, size * 2);
            killed = Arrays.copyOf(killed, size * 2);
            injured = Arrays.copyOf(injured, size * 2);
        }
        action[size] = actionIndex;
        salvo[size] = weapons;
        scale[size] = answerScale;
        onBehalf[size] = behalf;
        why[size] = decision;
        killed[size] = -1;
        injured[size] = -1;
        size++;
    }

    /** Fixes the casualties of the action added last. */
    void fixCasualties(int k, int i) {
        killed[size - 1] = k;
        injured[size - 1] = i;
    }

    void clear() {
        // Decisions are built only for an observer; without one every entry is already null.
        if (size > 0 && why[0] != null) Arrays.fill(why, 0, size, null);
        size = 0;
    }
}
