package escalation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.engine.EscalationSim;
import escalation.model.Occurrence;
import escalation.model.Observer;
import escalation.model.RunRecord;
import escalation.model.Theatre;
import escalation.scenario.Records;
import escalation.scenario.SettablePaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An intervention injected between days (the classroom console's levers and shock buttons) is the
 * same as a dated event of the same effects on the next day: the GUI runs the batch model.
 */
class InterventionTest {
    private static final Path PRIMER = Scenarios.SHIPPED.resolve("deterrence-primer.yaml");
    private static final Path AUTUMN = Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml");

    /** Runs {@code t}, injecting {@code effects} between day {@code day - 1} and day {@code day}. */
    private static RunRecord intervened(Theatre t, int seed, int day, List<Records.Effect> effects) {
        EscalationSim sim = new EscalationSim(t, seed, null);
        sim.start();
        if (day == 0) sim.world().intervene("lever", effects);
        while (sim.stepDay()) {
            if (sim.world().day == day - 1) sim.world().intervene("lever", effects);
        }
        return sim.world().record;
    }

    @Test
    void aLeverMovedMidRunEqualsADatedSetEvent() {
        Theatre dated = Scenarios.theatre(PRIMER, "calendar.events=[{date: 2025-04-01, name: lever, "
                + "effects: [{set: {actors.state.response.reliability: 0.95}}]}]");
        Theatre plain = Scenarios.theatre(PRIMER);
        int day = plain.dayOf(java.time.LocalDate.of(2025, 4, 1));
        int differing = 0;
        for (int seed : Scenarios.seeds(10)) {
            RunRecord a = Scenarios.run(dated, seed);
            RunRecord b = intervened(plain, seed, day,
                    List.of(new Records.SetParameters(Map.of("actors.state.response.reliability", 0.95))));
            assertArrayEquals(a.dailyLevel, b.dailyLevel);
            assertArrayEquals(a.attacks, b.attacks);
            assertArrayEquals(a.killed, b.killed);
            if (!java.util.Arrays.equals(a.attacks, Scenarios.run(plain, seed).attacks)) differing++;
        }
        assertTrue(differing >= 5, "the lever changes most runs: " + differing + " of 10");
    }

    @Test
    void aShockButtonEqualsADatedEventAndIsLoggedByName() {
        Theatre plain = Scenarios.theatre(AUTUMN);
        Records.Event shock = plain.scenario.classroom().shocks().get(1);
        assertEquals("The US retaliates now", shock.name());
        List<Occurrence> seen = new ArrayList<>();
        EscalationSim sim = new EscalationSim(plain, 5, new Observer() {
            @Override public void occurred(Occurrence o) {
                seen.add(o);
            }
        });
        sim.start();
        for (int d = 0; d < 10; d++) sim.stepDay();
        sim.world().intervene(shock.name(), shock.effects());
        seen.clear();
        sim.stepDay();
        assertEquals(Occurrence.Kind.EVENT, seen.get(0).kind());
        assertEquals("The US retaliates now", seen.get(0).note());
        assertTrue(seen.stream().anyMatch(o -> o.kind() == Occurrence.Kind.STRIKE && o.actor() == plain.index("us")
                && o.target() == plain.index("kh") && o.day() == 10), "the US strikes Kata'ib Hezbollah the next day");
    }

    @Test
    void winterTempoIsSettableAndAWinterlessWinterIsNoWinter() {
        Theatre t = Scenarios.theatre(PRIMER);
        Theatre noWinter = Scenarios.theatre(PRIMER, "mechanisms.winter=false");
        List<Records.Effect> off = List.of(new Records.SetParameters(Map.of("calendar.winter.tempo", 1.0,
                "calendar.winter.effectiveness", 1.0)));
        for (int seed : Scenarios.seeds(5)) {
            // Drawn numbers are the same whether winter is off or has no effect, so the runs agree exactly.
            assertArrayEquals(Scenarios.run(noWinter, seed).attacks, intervened(t, seed, 0, off).attacks);
        }
    }

    @Test
    void routeDefenceIsSettable() {
        Theatre t = Scenarios.theatre(AUTUMN);
        List<Records.Effect> wall = List.of(new Records.SetParameters(Map.of("actors.israel.air_defence_routes.iraq.drone", 1.0)));
        int hitsBefore = 0;
        int hitsAfter = 0;
        int israel = t.index("israel");
        for (int seed : Scenarios.seeds(10)) {
            hitsBefore += Scenarios.run(t, seed).byTarget(Scenarios.run(t, seed).hits, israel);
            RunRecord r = intervened(t, seed, 0, wall);
            for (String f : new String[] {"kh", "nujaba", "aah", "kss"}) hitsAfter += r.hits[r.cell(t.index(f), israel)];
        }
        assertTrue(hitsBefore > 0);
        assertEquals(0, hitsAfter, "no drone from Iraq gets through a perfect defence");
    }

    @Test
    void everySettablePathHasAFirstDayValue() {
        Records.Scenario s = Scenarios.theatre(AUTUMN).scenario;
        for (String path : SettablePaths.all(s)) SettablePaths.valueIn(s, path);
        assertEquals(1.0, SettablePaths.valueIn(s, "actors.israel.attention"), "Israel's attention here is shared among its fronts at war");
        assertEquals(0.55, SettablePaths.valueIn(s, "actors.israel.air_defence_routes.iraq.drone"));
        assertEquals(0.2, SettablePaths.valueIn(s, "relations.restraint.iraq_gov.strength"));
        assertEquals(0.6, SettablePaths.valueIn(s, "calendar.winter.tempo"));
        assertThrows(IllegalArgumentException.class, () -> SettablePaths.valueIn(s, "actors.israel.nerve"));
    }
}
