package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observation layer: weapons reach their target's air defences with the weapon's reach, attacks
 * are claimed with the actor's claim share and falsely claimed at its extra rate; switched off, every
 * weapon reaches and every attack is claimed once.
 */
class ObservationTest {
    private static final int SEEDS = 200;

    @TempDir
    Path dir;

    private static final String OBSERVED = """
            name: observed
            calendar: {start: 2025-03-01, end: 2025-04-29}
            mechanisms: {winter: false, learning: false}
            weapons:
              drone: {name: drone, reach: 0.5}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {drone: {stock: 1000000}}
                claims: {share: %s, extra: %s}
                actions: [{id: drones, rung: harassment, target: state, weapon: drone, salvo: 3}]
                rule: {kind: utility, tempo: 1, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
                air_defence: {drone: 0.5}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    private static long[] totals(Theatre t) {
        long attacks = 0;
        long claims = 0;
        long weapons = 0;
        long reached = 0;
        long intercepted = 0;
        int cell = t.index("militia") * t.actors + t.index("state");
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            attacks += r.attacks[cell];
            claims += r.claims[cell];
            weapons += r.weapons[cell];
            reached += r.reached[cell];
            intercepted += r.intercepted[cell];
            assertTrue(r.intercepted[cell] <= r.reached[cell], "only weapons that reach are intercepted");
        }
        return new long[] {attacks, claims, weapons, reached, intercepted};
    }

    /** |observed share - p| within four standard errors of a binomial share over n trials. */
    private static void assertShare(long successes, long n, double p, String what) {
        double share = successes / (double) n;
        double se = Math.sqrt(p * (1 - p) / n);
        assertTrue(n > 1000 && Math.abs(share - p) < 4 * se, what + ": " + share + " of " + n + " against " + p);
    }

    @Test
    void halfTheAttacksClaimedAndHalfTheWeaponsReach() {
        long[] x = totals(Runs.theatre(dir, OBSERVED.formatted(0.5, 0)));
        assertShare(x[1], x[0], 0.5, "claims per attack");
        assertShare(x[3], x[2], 0.5, "weapons that reach");
        assertShare(x[4], x[3], 0.5, "of those, intercepted");
    }

    @Test
    void falseClaimsAddToTheClaimedAttacks() {
        long[] x = totals(Runs.theatre(dir, OBSERVED.formatted(1, 0.5)));
        double perAttack = x[1] / (double) x[0];
        // one claim per attack and Poisson(0.5) false ones: 1.5 a attack, variance 0.5
        assertTrue(Math.abs(perAttack - 1.5) < 4 * Math.sqrt(0.5 / x[0]), "claims per attack: " + perAttack);
    }

    @Test
    void withObservationOffEveryWeaponReachesAndEveryAttackIsClaimedOnce() {
        Theatre t = Runs.theatre(dir, OBSERVED.formatted(0.5, 0.5), "mechanisms.observation=false");
        int cell = t.index("militia") * t.actors + t.index("state");
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            assertTrue(r.attacks[cell] > 0);
            assertEquals(r.attacks[cell], r.claims[cell], "seed " + seed);
            assertEquals(r.weapons[cell], r.reached[cell], "seed " + seed);
        }
    }
}
