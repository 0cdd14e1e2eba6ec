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
import java.awt.geom.Rectangle2D;
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
    void theMapFitsTheActorsAndPutsSanaaInAnInset() {
        MapLayout m = new MapLayout(autumn);
        assertTrue(m.geographic());
        assertTrue(m.hasInset(), "Sanaa lies some 2,000 km south of the others");
        assertTrue(m.actor(autumn.index("houthis")).inset());
        for (String id : List.of("iran", "israel", "hezbollah", "kh", "us", "iraq_gov")) assertFalse(m.actor(autumn.index(id)).inset(), id);
        double[] e = m.mainExtent();
        assertTrue(e[1] > 28 && e[3] < 38.5, "the main map spans the Levant to Tehran only: " + java.util.Arrays.toString(e));
        assertTrue(e[0] < 35.2 && e[2] > 51.4, "from Jerusalem to Tehran: " + java.util.Arrays.toString(e));
        MapLayout.Fit f = m.fit(new Rectangle2D.Double(0, 0, 600, 330));
        Point2D.Double iran = f.at(m.actor(autumn.index("iran")));
        Point2D.Double israel = f.at(m.actor(autumn.index("israel")));
        assertTrue(iran.x > israel.x && iran.y < israel.y, "Tehran lies east and north of Jerusalem");
        for (int i = 0; i < autumn.actors; i++) {
            Point2D.Double p = f.at(m.actor(i));
            assertTrue(f.area.contains(p), autumn.actorIds[i] + " on the map: " + p);
            if (!m.actor(i).inset()) assertFalse(f.insetFrame.contains(p), autumn.actorIds[i] + " under the inset");
        }
        assertTrue(f.insetFrame.contains(f.at(m.actor(autumn.index("houthis")))));
        // Baghdad's and Beirut's places are a real distance apart: about 900 km, more than a fifth of the map's width.
        assertTrue(f.at(m.actor(autumn.index("hezbollah"))).distance(f.at(m.actor(autumn.index("iraq_gov")))) > 0.2 * 600);
        assertEquals(3, m.sites().size(), "the US bases in Iraq, Syria and Jordan");
        assertTrue(m.hub(java.util.Arrays.asList(autumn.nodes).indexOf("syria")) != null, "Damascus hub from corridor.locations");
    }

    @Test
    void aScenarioWithoutPlacesHasNoGeography() {
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        MapLayout m = new MapLayout(primer);
        assertFalse(m.geographic());
        int[][] sides = m.sides();
        assertEquals(2, sides.length, "a militia against a state");
        assertEquals(1, sides[0].length);
    }

    @Test
    void actorsWithoutALocationAreStillPlaced(@TempDir Path dir) {
        Theatre t = Scenarios.fromYaml(dir, """
                name: unplaced
                calendar: {start: 2025-01-01, end: 2025-01-31}
                actors:
                  a: {name: A, kind: state, alignment: x, location: {lat: 33, lon: 44}}
                  d: {name: D, kind: state, alignment: x, location: {lat: 31, lon: 36}}
                  b: {name: B, kind: state, alignment: y}
                  c: {name: C, kind: state, alignment: y}
                """);
        MapLayout m = new MapLayout(t);
        assertTrue(m.located(0) && !m.located(2) && !m.located(3));
        MapLayout.Fit f = m.fit(new Rectangle2D.Double(0, 0, 800, 500));
        assertTrue(f.at(m.actor(2)).distance(f.at(m.actor(3))) > 50 && f.at(m.actor(0)).distance(f.at(m.actor(2))) > 50);
    }

    @Test
    void discsThatWouldCoverEachOtherAreSpreadOnARing() {
        Point2D.Double[] at = {new Point2D.Double(100, 100), new Point2D.Double(103, 101), new Point2D.Double(98, 104), new Point2D.Double(300, 300)};
        Point2D.Double[] out = MapView.spread(at, 10);
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) assertTrue(out[i].distance(out[j]) >= 20, i + " and " + j + " still overlap");
            assertTrue(out[i].distance(100, 102) < 40, "kept near their place");
        }
        assertEquals(at[3], out[3], "a lone disc stays where it is");
    }
}
