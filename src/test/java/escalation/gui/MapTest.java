package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.engine.EscalationSim;
import escalation.model.Occurrence;
import escalation.model.Observer;
import escalation.model.Theatre;
import escalation.model.World;
import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arrows the map holds, and where it puts the actors; no display needed. */
class MapTest {
    private final Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    @Test
    void theMapHoldsExactlyTheStrikesAndThreatsOfTheLastSevenDays() {
        Chronicle chronicle = new Chronicle(autumn);
        List<Occurrence> all = new ArrayList<>();
        EscalationSim sim = new EscalationSim(autumn, 21, new Observer() {
            @Override public void occurred(Occurrence o) {
                all.add(o);
                chronicle.occurred(o);
            }

            @Override public void dayEnded(World w) {
                chronicle.dayEnded(w);
            }
        });
        sim.start();
        int checked = 0;
        while (sim.stepDay()) {
            int today = sim.world().day;
            List<StrikeMap.Arrow> arrows = chronicle.strikes().visible();
            long expected = all.stream().filter(o -> (o.kind() == Occurrence.Kind.STRIKE || o.kind() == Occurrence.Kind.SIGNAL)
                    && today - o.day() < StrikeMap.FADE_DAYS).count();
            assertEquals(expected, arrows.size(), "day " + today);
            for (StrikeMap.Arrow a : arrows) {
                assertTrue(a.opacity(today) > 0 && a.opacity(today) <= 1);
                assertEquals(a.day() == today, a.opacity(today) == 1.0);
            }
            checked += arrows.size();
        }
        assertTrue(checked > 100, "the autumn has strikes to draw: " + checked);
    }

    @Test
    void anArrowKnowsItsSidesRungAndWhetherEverythingWasIntercepted() {
        StrikeMap map = new StrikeMap();
        var drones = autumn.actions[autumn.index("kh")][1];
        map.add(new Occurrence(autumn.date(3), 3, Occurrence.Kind.STRIKE, autumn.index("kh"), autumn.index("israel"), drones,
                3, 3, 0, 0, 0, null, null));
        map.add(new Occurrence(autumn.date(3), 3, Occurrence.Kind.STRIKE, autumn.index("kh"), autumn.index("israel"), drones,
                3, 1, 2, 1, 4, null, null));
        map.add(new Occurrence(autumn.date(3), 3, Occurrence.Kind.EVENT, -1, -1, null, 0, 0, 0, 0, 0, null, "an event"));
        map.dayEnded(3);
        List<StrikeMap.Arrow> arrows = map.visible();
        assertEquals(2, arrows.size(), "events are not arrows");
        assertTrue(arrows.get(0).allIntercepted());
        assertFalse(arrows.get(1).allIntercepted());
        assertEquals(autumn.scenario.rungIndex("lethal_proxy_strike"), arrows.get(1).rung());
        assertEquals(autumn.index("israel"), arrows.get(1).target());
        assertEquals(1 - 3.0 / StrikeMap.FADE_DAYS, arrows.get(1).opacity(6), 1e-12);
        map.dayEnded(3 + StrikeMap.FADE_DAYS);
        assertTrue(map.visible().isEmpty(), "faded out after a week");
    }

    @Test
    void actorsSitWhereTheScenarioPutsThemAndCrowdsAreFannedOut() {
        MapLayout m = new MapLayout(autumn);
        Point2D.Double iran = m.actor(autumn.index("iran"));
        Point2D.Double israel = m.actor(autumn.index("israel"));
        Point2D.Double houthis = m.actor(autumn.index("houthis"));
        assertTrue(iran.x > israel.x, "Tehran lies east of Jerusalem");
        assertTrue(houthis.y > israel.y && houthis.y > iran.y, "Sanaa lies south of both");
        for (int i = 0; i < autumn.actors; i++) {
            Point2D.Double p = m.actor(i);
            assertTrue(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1, autumn.actorIds[i] + " " + p);
            for (int j = i + 1; j < autumn.actors; j++) {
                assertTrue(p.distance(m.actor(j)) > 0.02, autumn.actorIds[i] + " and " + autumn.actorIds[j] + " overlap");
            }
        }
        assertEquals(3, m.sites().size(), "the US bases in Iraq, Syria and Jordan");
        assertTrue(m.hub(java.util.Arrays.asList(autumn.nodes).indexOf("syria")) != null, "Damascus hub from corridor.locations");
    }

    @Test
    void actorsWithoutALocationAreStillPlaced(@TempDir Path dir) {
        Theatre t = Scenarios.fromYaml(dir, """
                name: unplaced
                calendar: {start: 2025-01-01, end: 2025-01-31}
                actors:
                  a: {name: A, kind: state, alignment: x, location: {lat: 33, lon: 44}}
                  b: {name: B, kind: state, alignment: y}
                  c: {name: C, kind: state, alignment: y}
                """);
        MapLayout m = new MapLayout(t);
        assertTrue(m.located(0) && !m.located(1) && !m.located(2));
        assertTrue(m.actor(1).distance(m.actor(2)) > 0.1 && m.actor(0).distance(m.actor(1)) > 0.1);
    }
}
