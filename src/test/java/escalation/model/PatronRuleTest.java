package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patron's strategy ({@link PatronRule}): its own harm between restrain_at and regime_at makes it
 * restrain its proxies, at or above regime_at it orders a surge, and below restrain_at its own harm
 * counts toward ordering them in with self_weight.
 */
class PatronRuleTest {
    private static final int SEEDS = 300;
    /** 2025-03-21: a strike on the patron, with its casualties fixed. */
    private static final int STRIKE_DAY = 20;

    @TempDir
    Path dir;

    /** The strike's harm to the patron: 0.1 x intensity 5 of iraq_strike + 0.1 per person killed. */
    private static final String PATRON = """
            name: patron
            calendar:
              start: 2025-03-01
              end: 2025-05-31
              events:
                - {date: 2025-03-21, name: a strike on the patron, effects: [{perform: {actor: israel, action: strike_patron, killed: %d, injured: 0}}]}
            mechanisms: {winter: false, learning: false, solidarity: false}
            dynamics: {grievance_decay: 0, recent_memory: 60}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              iran:
                name: Patron
                kind: patron
                alignment: axis
                rule: {kind: patron, activate_at: 1, surge_at: 1000, restrain_at: 2, regime_at: 5, self_weight: %s}
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                grievance: {us: 1}
                actions: [{id: rockets, rung: harassment, target: us, weapon: rocket}]
                rule: {kind: utility, tempo: 1, cost: 0}
              us:
                name: US
                kind: state
                alignment: west
              israel:
                name: Israel
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 100}}
                actions: [{id: strike_patron, rung: iraq_strike, target: iran, weapon: air_munition, salvo: 1}]
            relations:
              patronage:
                - {patron: iran, proxy: militia, control: 1, compliance: 1}
              adversaries:
                - {actor: militia, targets: [us]}
                - {actor: israel, targets: [iran]}
            """;

    private double[] monthAfter(Theatre t) {
        int militia = t.index("militia");
        return Runs.perSeed(t, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 1, STRIKE_DAY + 20));
    }

    private String orderOn(Theatre t, int day) {
        return Runs.runThrough(t, 1, day, null).world().orderFor(t.index("militia"));
    }

    @Test
    void ownHarmRestrainsTheProxiesAndAThreatToTheRegimeSurgesThem() {
        Theatre none = Runs.theatre(dir, PATRON.formatted(0, 0), "calendar.events.0.enabled=false");
        Theatre hurt = Runs.theatre(dir, PATRON.formatted(40, 0));         // harm 4.5: restrain
        Theatre regime = Runs.theatre(dir, PATRON.formatted(100, 0));      // harm 10.5: surge
        assertEquals("hold", orderOn(none, STRIKE_DAY + 1));
        assertEquals("restrain", orderOn(hurt, STRIKE_DAY + 1));
        assertEquals("surge", orderOn(regime, STRIKE_DAY + 1));
        // As the harm fades below regime_at (after about 44 days) but not below restrain_at, it restrains.
        assertEquals("restrain", orderOn(regime, STRIKE_DAY + 60));
        // Below restrain_at, after about 50 days, its default order again.
        assertEquals("hold", orderOn(hurt, STRIKE_DAY + 60));

        double[] hold = monthAfter(none);
        double[] restrain = monthAfter(hurt);
        double[] surge = monthAfter(regime);
        double restrainRatio = Runs.mean(restrain) / Runs.mean(hold);
        double surgeRatio = Runs.mean(surge) / Runs.mean(hold);
        double p = Runs.mannWhitney(hold, restrain);
        double q = Runs.mannWhitney(hold, surge);
        // effects restrain 0.2, hold 0.7, surge 2.5 on a fully controlled, compliant proxy
        assertTrue(restrainRatio > 0.2 && restrainRatio < 0.38 && p < 0.01, "restrain: ratio " + restrainRatio + ", p=" + p);
        assertTrue(surgeRatio > 3 && surgeRatio < 4.2 && q < 0.01, "surge: ratio " + surgeRatio + ", p=" + q);
    }

    @Test
    void belowItsRedLinesItsOwnHarmCountsWithSelfWeight() {
        // harm 1.5, below restrain_at: with self_weight 1 the case for ordering in reaches activate_at.
        Theatre byProxy = Runs.theatre(dir, PATRON.formatted(10, 1));
        Theatre aloof = Runs.theatre(dir, PATRON.formatted(10, 0));
        assertEquals("activate", orderOn(byProxy, STRIKE_DAY + 1));
        assertEquals("hold", orderOn(aloof, STRIKE_DAY + 1));
        double[] activate = monthAfter(byProxy);
        double[] hold = monthAfter(aloof);
        double ratio = Runs.mean(activate) / Runs.mean(hold);
        double p = Runs.mannWhitney(hold, activate);
        // activate 1.6 against hold 0.7 while the harm stays above 1 (about 24 days)
        assertTrue(ratio > 1.9 && ratio < 2.7 && p < 0.01, "activate: ratio " + ratio + ", p=" + p);
    }
}
