package escalation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fronts of the wider war ({@link Fronts}): a ceasefire lowers the intensity of the actors coupled
 * to it, a front at war takes a state's attention from answering attacks that are not direct, and a
 * ceasefire drops the answers still owed for attacks on its front ({@link Debts#forgive}).
 */
class FrontsTest {
    private static final int SEEDS = 300;
    /** 2025-05-01, the day of the dated ceasefire, from a start on 2025-03-01. */
    private static final int CEASEFIRE_DAY = 61;

    @TempDir
    Path dir;

    private static final String COUPLED = """
            name: coupled
            calendar:
              start: 2025-03-01
              end: 2025-06-29
              events:
                - {date: 2025-05-01, name: ceasefire in Lebanon, effects: [{front: {id: lebanon, state: ceasefire}}]}
            mechanisms: {winter: false, learning: false}
            fronts:
              lebanon: {state: war}
            weapons:
              rocket: {name: rocket}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                coupling: [{front: lebanon, state: ceasefire, factor: 0.2}]
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: 1, cost: 0}
              state:
                name: State
                kind: state
                alignment: west
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
            """;

    @Test
    void aCeasefireLowersTheIntensityOfTheActorsCoupledToItsFront() {
        Theatre withCeasefire = Runs.theatre(dir, COUPLED);
        Theatre without = Runs.theatre(dir, COUPLED, "calendar.events.0.enabled=false");
        int militia = withCeasefire.index("militia");
        int last = withCeasefire.days - 1;
        double[] after = Runs.perSeed(withCeasefire, SEEDS, r -> Runs.strikes(r, militia, -1, CEASEFIRE_DAY, last));
        double[] afterWithout = Runs.perSeed(without, SEEDS, r -> Runs.strikes(r, militia, -1, CEASEFIRE_DAY, last));
        double ratio = Runs.mean(after) / Runs.mean(afterWithout);
        double p = Runs.mannWhitney(after, afterWithout);
        assertTrue(ratio > 0.14 && ratio < 0.27 && p < 0.01,
                "factor 0.2 while the front holds a ceasefire: attacks after it " + Runs.mean(afterWithout) + " -> "
                        + Runs.mean(after) + " (ratio " + ratio + "), p=" + p);
        // Before the ceasefire the two runs of a seed are the same run.
        for (int seed : Runs.seeds(50)) {
            assertEquals(Runs.strikes(Runs.run(without, seed), militia, -1, 0, CEASEFIRE_DAY - 1),
                    Runs.strikes(Runs.run(withCeasefire, seed), militia, -1, 0, CEASEFIRE_DAY - 1), "seed " + seed);
        }
        // With the fronts mechanism off, the ceasefire changes nothing.
        double[] off = Runs.perSeed(Runs.theatre(dir, COUPLED, "mechanisms.fronts=false"), SEEDS,
                r -> Runs.strikes(r, militia, -1, CEASEFIRE_DAY, last));
        double offRatio = Runs.mean(off) / Runs.mean(afterWithout);
        assertTrue(Math.abs(offRatio - 1) < 0.08, "fronts off: " + offRatio);
    }

    /** Five dated attacks ten days apart, on a rung that is not direct or on one that is. */
    private static final String ATTENTION = """
            name: attention
            calendar:
              start: 2025-03-01
              end: 2025-04-30
              events:
                - {date: 2025-03-05, name: attack 1, effects: [{perform: {actor: militia, action: %1$s}}]}
                - {date: 2025-03-15, name: attack 2, effects: [{perform: {actor: militia, action: %1$s}}]}
                - {date: 2025-03-25, name: attack 3, effects: [{perform: {actor: militia, action: %1$s}}]}
                - {date: 2025-04-04, name: attack 4, effects: [{perform: {actor: militia, action: %1$s}}]}
                - {date: 2025-04-14, name: attack 5, effects: [{perform: {actor: militia, action: %1$s}}]}
            mechanisms: {winter: false}
            ladder:
              - {id: threat, name: Threats, intensity: 1, kinetic: false}
              - {id: harassment, name: Harassment, intensity: 2}
              - {id: missile_attack, name: Missiles on its territory, intensity: 4, direct: true}
              - {id: iraq_strike, name: Strikes in Iraq, intensity: 5}
            fronts:
              lebanon: {state: %2$s}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000}}
                actions:
                  - {id: rockets, rung: harassment, target: state, weapon: rocket}
                  - {id: missiles, rung: missile_attack, target: state, weapon: rocket}
              state:
                name: State
                kind: state
                alignment: west
                fronts: {lebanon: {demand: 2}}
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: strike_back, rung: iraq_strike, target: militia, weapon: air_munition, salvo: 2}]
                response: {kind: tit_for_tat, reliability: 1, delay: 1}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void aFrontAtWarRationsTheAnswersToAttacksThatAreNotDirect() {
        Theatre quiet = Runs.theatre(dir, ATTENTION.formatted("rockets", "quiet"));
        Theatre war = Runs.theatre(dir, ATTENTION.formatted("rockets", "war"));
        int state = quiet.index("state");
        double[] answeredQuiet = Runs.perSeed(quiet, SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        double[] answeredWar = Runs.perSeed(war, SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000));
        assertEquals(5.0, Runs.mean(answeredQuiet), 1e-9, "with its fronts quiet it answers every attack");
        double share = Runs.mean(answeredWar) / 5;
        double p = Runs.mannWhitney(answeredQuiet, answeredWar);
        // demand 2 leaves attention / (1 + 2) = 1/3 for answers to attacks that are not direct
        assertTrue(share > 0.28 && share < 0.39 && p < 0.01, "share answered while Lebanon is at war: " + share + ", p=" + p);
        // A direct attack is answered whatever the state's other fronts.
        Theatre directAtWar = Runs.theatre(dir, ATTENTION.formatted("missiles", "war"));
        assertEquals(5.0, Runs.mean(Runs.perSeed(directAtWar, SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000))), 1e-9);
    }

    /** One attack on day 10, a ceasefire (or truce) on day 11, and an answer planned for 20 days. */
    private static final String OWED = """
            name: owed
            calendar:
              start: 2025-03-01
              end: 2025-05-31
              events:
                - {date: 2025-03-%s, name: the attack, effects: [{perform: {actor: militia, action: %s}}]}
                - {date: 2025-03-12, name: ceasefire, effects: [{front: {id: lebanon, state: %s}}]}
            mechanisms: {winter: false}
            fronts:
              lebanon: {state: war}
            weapons:
              rocket: {name: rocket}
              air_munition: {name: air munition}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 1000}}
                actions:
                  - {id: on_the_front, rung: harassment, target: state, weapon: rocket, front: lebanon}
                  - {id: elsewhere, rung: harassment, target: state, weapon: rocket}
              state:
                name: State
                kind: state
                alignment: west
                arsenal: {air_munition: {stock: 10000}}
                actions: [{id: strike_back, rung: iraq_strike, target: militia, weapon: air_munition, salvo: 2}]
                response: {kind: tit_for_tat, reliability: 1, delay: 20}
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: state, targets: [militia]}
            """;

    @Test
    void aCeasefireEndsTheAnswersStillOwedOnItsFront() {
        int state = Runs.theatre(dir, OWED.formatted("11", "on_the_front", "ceasefire")).index("state");
        assertEquals(0, answers(OWED.formatted("11", "on_the_front", "ceasefire"), state), "the answer owed is dropped");
        assertEquals(0, answers(OWED.formatted("11", "on_the_front", "truce"), state), "a truce drops it too");
        assertEquals(SEEDS, answers(OWED.formatted("11", "on_the_front", "ceasefire"), state, "calendar.events.1.enabled=false"),
                "without the ceasefire every such attack is answered");
        assertEquals(SEEDS, answers(OWED.formatted("11", "elsewhere", "ceasefire"), state),
                "an attack on no front is still answered after the ceasefire");
        assertEquals(0, answers(OWED.formatted("13", "on_the_front", "ceasefire"), state),
                "an attack on a front under ceasefire is owed no answer");
    }

    @Test
    void aDebtForAttacksOnSeveralFrontsOutlivesACeasefireOnOne() {
        // An attack on no front on 10 Mar, then one on the Lebanon front on 11 Mar: one answer is owed for both, and
        // the ceasefire on 12 Mar drops only what is owed for Lebanon, so the answer still comes.
        String yaml = OWED.formatted("11", "on_the_front", "ceasefire").replace(
                "    - {date: 2025-03-12,",
                "    - {date: 2025-03-10, name: the other attack, effects: [{perform: {actor: militia, action: elsewhere}}]}\n"
                        + "    - {date: 2025-03-12,");
        assertTrue(yaml.contains("the other attack"), yaml);
        int state = Runs.theatre(dir, yaml).index("state");
        assertEquals(SEEDS, answers(yaml, state), "the answer for the attack on no front is still owed");
    }

    private int answers(String yaml, int state, String... overrides) {
        return (int) Runs.sum(Runs.perSeed(Runs.theatre(dir, yaml, overrides), SEEDS, r -> Runs.strikes(r, state, -1, 0, 1000)));
    }

    /**
     * A front whose state the actors change: one dated strike on day 20 by the state's rival state, tagged with
     * the front, that kills %1$s; the front goes to war at a harm of 50. A militia fights three times as hard while
     * that front is at war (solidarity with an ally at war).
     */
    private static final String ESCALATING = """
            name: escalating
            calendar:
              start: 2025-03-01
              end: 2025-05-29
              events:
                - {date: 2025-03-21, name: the big strike, effects: [{perform: {actor: rival, action: big_strike, salvo: 1, killed: %1$s, injured: 0}}]}
            mechanisms: {winter: false, learning: false}
            fronts:
              direct: {name: the direct track, state: %2$s, war_at: 50}
            weapons:
              rocket: {name: rocket}
              missile: {name: missile}
            actors:
              militia:
                name: Militia
                kind: proxy
                alignment: axis
                arsenal: {rocket: {stock: 100000}}
                coupling: [{front: direct, state: war, factor: 3}]
                actions: [{id: rockets, rung: harassment, target: state, weapon: rocket}]
                rule: {kind: utility, tempo: 0.5, cost: 0}
              rival:
                name: Rival
                kind: state
                alignment: axis
                arsenal: {missile: {stock: 10}}
                actions: [{id: big_strike, rung: harassment, target: state, weapon: missile, front: direct}]
              state:
                name: State
                kind: state
                alignment: west
            relations:
              adversaries:
                - {actor: militia, targets: [state]}
                - {actor: rival, targets: [state]}
            """;

    /** Day 20, the big strike's, from the start on 2025-03-01. */
    private static final int STRIKE_DAY = 20;

    @Test
    void aStrikePastTheFrontsWarAtTakesItToWarAndTheCoupledActorsFollow() {
        Theatre big = Runs.theatre(dir, ESCALATING.formatted("60", "quiet"));
        Theatre small = Runs.theatre(dir, ESCALATING.formatted("40", "quiet"));
        int front = 0;
        int militia = big.index("militia");
        for (int seed : Runs.seeds(20)) {
            assertEquals(Fronts.QUIET, Runs.runThrough(big, seed, STRIKE_DAY - 1, null).world().fronts.state(front), "before the strike");
            assertEquals(Fronts.WAR, Runs.runThrough(big, seed, STRIKE_DAY, null).world().fronts.state(front), "61 harm >= 50");
            assertEquals(Fronts.QUIET, Runs.runThrough(small, seed, big.days - 1, null).world().fronts.state(front), "41 harm < 50");
        }
        int last = big.days - 1;
        double[] afterBig = Runs.perSeed(big, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 1, last));
        double[] afterSmall = Runs.perSeed(small, SEEDS, r -> Runs.strikes(r, militia, -1, STRIKE_DAY + 1, last));
        double ratio = Runs.mean(afterBig) / Runs.mean(afterSmall);
        assertTrue(ratio > 2.4 && ratio < 3.6 && Runs.mannWhitney(afterBig, afterSmall) < 0.01,
                "coupled to the front at war with factor 3: " + Runs.mean(afterSmall) + " -> " + Runs.mean(afterBig) + " (ratio " + ratio + ")");

        // The fronts mechanism off: no strike changes a front.
        Theatre off = Runs.theatre(dir, ESCALATING.formatted("60", "quiet"), "mechanisms.fronts=false");
        assertEquals(Fronts.QUIET, Runs.runThrough(off, 1, last, null).world().fronts.state(front), "fronts off");
        // No war_at: the front's state is the calendar's alone.
        Theatre never = Runs.theatre(dir, ESCALATING.formatted("600", "quiet"), "fronts.direct.war_at=0");
        assertEquals(Fronts.QUIET, Runs.runThrough(never, 1, last, null).world().fronts.state(front), "war_at 0");
    }

    @Test
    void aStrikeThatLargeBreaksACeasefireAndTheLogSaysWhy() {
        Theatre t = Runs.theatre(dir, ESCALATING.formatted("60", "ceasefire"));
        List<Occurrence> seen = new java.util.ArrayList<>();
        Observer log = new Observer() {
            @Override public void occurred(Occurrence o) {
                seen.add(o);
            }

            @Override public void dayEnded(World w) { }
        };
        Runs.runThrough(t, 7, t.days - 1, log);
        List<Occurrence> fronts = seen.stream().filter(o -> o.kind() == Occurrence.Kind.FRONT).toList();
        assertEquals(1, fronts.size(), "one change of state, on the day of the strike");
        Occurrence o = fronts.get(0);
        assertEquals(STRIKE_DAY, o.day());
        assertEquals(t.index("rival"), o.actor());
        String said = new escalation.io.Narrator(t).what(o) + " | " + new escalation.io.Narrator(t).why(o);
        assertTrue(said.contains("War on the direct track: a strike by Rival on State") && said.contains("61") && said.contains("50"), said);
    }
}
