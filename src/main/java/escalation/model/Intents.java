package escalation.model;

import java.util.Arrays;

/** The actions an actor decided on today, resolved in the resolve phase; reused day after day. */
final class Intents {
    int size;
    int[] action = new int[2];
    int[] salvo = new int[2];
    Decision[] why = new Decision[2];

    void add(int actionIndex, int weapons, Decision decision) {
        if (size == action.length) {
            action = Arrays.copyOf(action, size * 2);
            salvo = Arrays.copyOf(salvo, size * 2);
            why = Arrays.copyOf(why, size * 2);
        }
        action[size] = actionIndex;
        salvo[size] = weapons;
        why[size] = decision;
        size++;
    }

    void clear() {
        if (size > 0) Arrays.fill(why, 0, size, null);
        size = 0;
    }
}
