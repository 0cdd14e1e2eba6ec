package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import java.nio.file.Path;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strikes on leaders ({@link Command}): a hit removes dynamics.decapitation_loss of the target's
 * command, so its attacks fall for a while and recover at dynamics.command_recovery a day, and the
 * strike raises the target's fear of the striker ({@link Beliefs#feared}).
 */
class CommandTest {
    private static final int SEEDS = 300;
    /** 2025-03-31: the state strikes the militia's leaders. */
    private static final int STRIKE_DAY = 30;

    @TempDir
    Path dir;

    private static final String LEADERS = """
            name: leaders
            calendar:
              start: 2025-03-01
              end: 2025-08-31
              events:
                - {date: 2025-03-31, name: a strike on the leaders, effects: [{perform: {actor: state, action: strike_leaders}}]}
            mechanisms: {winter: false, learning: %s, grievance: false}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition, killed: 1}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                air_defence: {air_munition: %s}
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: 1, cost: 2}
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: strike_leaders, rung: iraq_strike, target: militia, weapon: air_munition, salvo: 2, leaders: true}]
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void aHitOnLeadersLowersTheFactionsAttacksForAWhile() {
        Theatre leaders = Runs.theatre(dir, LEADERS.formatted(false, 0));
        Theatre plain = Runs.theatre(dir, LEADERS.formatted(false, 0), "actors.state.actions.0.leaders=false");
        int militia = leaders.index("militia");
        double[] month = Runs.perSeed(leaders, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 1, STRIKE_DAY + 30));
        double[] monthPlain = Runs.perSeed(plain, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 1, STRIKE_DAY + 30));
        double[] late = Runs.perSeed(leaders, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 120, STRIKE_DAY + 149));
        double[] latePlain = Runs.perSeed(plain, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 120, STRIKE_DAY + 149));
        double cut = Runs.mean(month) / Runs.mean(monthPlain);
        double recovered = Runs.mean(late) / Runs.mean(latePlain);
        double p = Runs.mannWhitney(month, monthPlain);
        // Command 1 - 0.5 x 0.98^t: a mean of 0.61 over the first month, 0.96 four months on.
        assertTrue(cut > 0.52 && cut < 0.7 && p < 0.01, "the month after the strike: ratio " + cut + ", p=" + p);
        assertTrue(recovered > 0.9 && recovered < 1.06, "four months on the command has recovered: ratio " + recovered);
        // Within the runs with the strike on leaders: the rate climbs back.
        double q = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(month, late, false);
        assertTrue(Runs.mean(late) > 1.3 * Runs.mean(month) && q < 0.01, "recovery: " + Runs.mean(month) + " -> " + Runs.mean(late));

        // The command itself, in one run.
        EscalationSim sim = Runs.runThrough(leaders, 5, STRIKE_DAY, null);
        assertEquals(0.5, sim.world().command.of(militia), 1e-12);
        sim.stepDay();
        assertEquals(1 - 0.5 * 0.98, sim.world().command.of(militia), 1e-12);

        // A strike whose weapons are all intercepted hits no leaders.
        Theatre shielded = Runs.theatre(dir, LEADERS.formatted(false, 1));
        EscalationSim missed = Runs.runThrough(shielded, 5, STRIKE_DAY, null);
        assertEquals(1.0, missed.world().command.of(militia), 0.0);
    }

    @Test
    void aHitOnLeadersRaisesTheTargetsFearOfTheStriker() {
        Theatre leaders = Runs.theatre(dir, LEADERS.formatted(true, 0));
        Theatre plain = Runs.theatre(dir, LEADERS.formatted(true, 0), "actors.state.actions.0.leaders=false");
        int militia = leaders.index("militia");
        int state = leaders.index("state");
        double[] feared = new double[SEEDS];
        double[] notFeared = new double[SEEDS];
        int i = 0;
        for (int seed : Runs.seeds(SEEDS)) {
            World before = Runs.runThrough(leaders, seed, STRIKE_DAY - 1, null).world();
            double prior = before.beliefs.fear(militia, state);
            World a = Runs.runThrough(leaders, seed, STRIKE_DAY, null).world();
            World b = Runs.runThrough(plain, seed, STRIKE_DAY, null).world();
            feared[i] = a.beliefs.fear(militia, state);
            notFeared[i] = b.beliefs.fear(militia, state);
            assertTrue(feared[i] > prior, "seed " + seed + ": fear rises with the strike on leaders");
            // The runs are the same up to the strike, which adds decapitation_fear (1) to alpha.
            assertEquals(b.beliefs.alpha(militia, state) + 1, a.beliefs.alpha(militia, state), 1e-9, "seed " + seed);
            assertTrue(feared[i] > notFeared[i], "seed " + seed);
            i++;
        }
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(feared, notFeared, false);
        assertTrue(Runs.mean(feared) > Runs.mean(notFeared) + 0.05 && p < 0.01,
                "fear of the state " + Runs.mean(notFeared) + " -> " + Runs.mean(feared) + ", p=" + p);
    }
}
