package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import java.nio.file.Path;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restraint as a stock of pressure ({@link RestraintPressure}): a warning relayed through a restrainer
 * adds pressure that multiplies the restrained actor's intensity by exp(-strength x pressure), never to
 * zero, and fades at dynamics.restraint_decay a day, so the actor recovers.
 */
class RestraintPressureTest {
    private static final int SEEDS = 300;
    /** 2025-03-11: the state's warning is relayed through the host. */
    private static final int WARNING_DAY = 10;

    @TempDir
    Path dir;

    private static final String RELAYED = """
            name: relayed
            calendar:
              start: 2025-03-01
              end: 2025-07-31
              events:
                - {date: 2025-03-11, name: a warning relayed, effects: [{perform: {actor: state, action: warn}}]}
            mechanisms: {winter: false, learning: false}
            weapons:
              rocket: {name: rocket}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: 1, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
                actions: [{id: warn, rung: threat, target: militia, via: [host], relay_pressure: 4, credibility: 0}]
              host:
                name: Host
                kind: host_state
                alignment: neutral
                leverage: 0
              cleric:
                name: Cleric
                kind: authority
                alignment: neutral
                leverage: 0.5
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
              restraint:
                - {by: host, restrained: [militia], strength: 0.5}
                - {by: cleric, restrained: [militia], strength: 0.2}
            """;

    @Test
    void aRelayedWarningRestrainsForAWhileAndFades() {
        Theatre t = Runs.theatre(dir, RELAYED);
        int militia = t.index("militia");
        double[] soon = new double[SEEDS];
        double[] later = new double[SEEDS];
        int i = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            RunRecord r = Runs.run(t, seed);
            soon[i] = Runs.strikes(r, militia, -1, WARNING_DAY + 1, WARNING_DAY + 30);
            later[i] = Runs.strikes(r, militia, -1, WARNING_DAY + 90, WARNING_DAY + 119);
            i++;
        }
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(soon, later, false);
        double ratio = Runs.mean(soon) / Runs.mean(later);
        // exp(-0.5 x 4 x 0.98^t) over the first month against over days 90-120: about 0.22 against 0.76
        assertTrue(ratio > 0.2 && ratio < 0.4 && p < 0.01,
                "attacks in the month after the warning " + Runs.mean(soon) + " against days 90-120 after it "
                        + Runs.mean(later) + " (ratio " + ratio + "), p=" + p);
        assertTrue(Runs.sum(soon) > 0.1 * Runs.sum(later), "restraint never stops the actor altogether");

        // Switched off, the warning restrains nothing and the two windows look alike.
        Theatre off = Runs.theatre(dir, RELAYED, "mechanisms.restraint=false");
        double[] offSoon = Runs.perSeed(off, SEEDS, r -> Runs.strikes(r, militia, -1, WARNING_DAY + 1, WARNING_DAY + 30));
        double[] offLater = Runs.perSeed(off, SEEDS, r -> Runs.strikes(r, militia, -1, WARNING_DAY + 90, WARNING_DAY + 119));
        double offRatio = Runs.mean(offSoon) / Runs.mean(offLater);
        assertTrue(Math.abs(offRatio - 1) < 0.08, "restraint off: " + offRatio);
    }

    @Test
    void thePressureAndThePropensityFollowTheFormula() {
        Theatre t = Runs.theatre(dir, RELAYED);
        int militia = t.index("militia");
        double standing = 0.2 * 0.5;
        EscalationSim sim = Runs.runThrough(t, 11, WARNING_DAY - 1, null);
        World w = sim.world();
        assertEquals(0.5, w.restraintPressure(militia), 1e-12, "before the warning: the cleric's standing leverage");
        assertEquals(Math.exp(-standing), w.propensity(militia), 1e-12);
        sim.stepDay();
        assertEquals(WARNING_DAY, w.day);
        assertEquals(4.5, w.restraintPressure(militia), 1e-12, "the relayed warning adds its relay_pressure");
        for (int day = WARNING_DAY + 1; day <= WARNING_DAY + 120; day++) {
            sim.stepDay();
            assertEquals(day, w.day);
            double added = 4 * Math.pow(0.98, day - WARNING_DAY);
            assertEquals(0.5 + added, w.restraintPressure(militia), 1e-9, "day " + day);
            double expected = Math.exp(-standing - 0.5 * added);
            assertEquals(expected, w.propensity(militia), 1e-9, "day " + day);
            assertTrue(w.propensity(militia) > 0);
        }
    }

    @Test
    void addedPressureDecaysAndFactorsMultiply() {
        Theatre t = Runs.theatre(dir, RELAYED);
        int militia = t.index("militia");
        int host = t.index("host");
        int cleric = t.index("cleric");
        int state = t.index("state");
        double[] leverage = new double[t.actors];
        leverage[host] = 0;
        leverage[cleric] = 0.5;
        RestraintPressure r = new RestraintPressure(t);
        assertFalse(r.live());
        assertEquals(Math.exp(-0.2 * 0.5), r.factor(militia, leverage, t.restraintStrength), 1e-12);
        assertFalse(r.add(militia, state, 1), "the state does not restrain the militia");
        assertFalse(r.live());
        assertTrue(r.add(militia, host, 2));
        assertTrue(r.live());
        assertEquals(Math.exp(-0.5 * 2 - 0.2 * 0.5), r.factor(militia, leverage, t.restraintStrength), 1e-12);
        assertEquals(2.5, r.pressureOn(militia, leverage), 1e-12);
        r.decay(0.1);
        assertEquals(0.5 + 1.8, r.pressureOn(militia, leverage), 1e-12);
        for (int day = 0; day < 400; day++) r.decay(0.1);
        assertFalse(r.live(), "the added pressure fades out");
        assertEquals(Math.exp(-0.2 * 0.5), r.factor(militia, leverage, t.restraintStrength), 1e-12, "back to the standing pressure");
        assertEquals(1.0, r.factor(state, leverage, t.restraintStrength), 1e-12, "no restrainer, no restraint");
    }
}
