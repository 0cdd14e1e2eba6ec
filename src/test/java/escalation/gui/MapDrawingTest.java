package escalation.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.Scenarios;
import escalation.engine.EscalationSim;
import escalation.geo.Atlas;
import escalation.model.Theatre;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The map as it is painted (into an image, no display needed): the countries of the region drawn and named from
 * the atlas, and no two actor labels on top of each other, at the sizes the window gives the map.
 */
class MapDrawingTest {
    private static final List<String> REGION = List.of("Iraq", "Syria", "Lebanon", "Israel", "Jordan", "Iran");
    private final Theatre autumn = Scenarios.theatre(Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml"));

    private MapView.Drawn paint(Theatre t, int width, int height, Look look, int days) {
        return paint(t, width, height, look, days, null);
    }

    private MapView.Drawn paint(Theatre t, int width, int height, Look look, int days, String png) {
        Chronicle chronicle = new Chronicle(t);
        MapView view = new MapView(t, new MapLayout(t), chronicle.strikes(), look);
        EscalationSim sim = new EscalationSim(t, 7, chronicle);
        sim.start();
        for (int d = 0; d < days; d++) sim.stepDay();
        view.show(chronicle.days().isEmpty() ? null : chronicle.days().get(chronicle.days().size() - 1));
        view.setSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        view.paint(g);
        g.dispose();
        if (png != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
                javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", png).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return view.drawn();
    }

    @Test
    void theRegionsCountriesAreDrawnAndNamedWhereTheyAre() {
        // The map's share of a 1280 x 800 and of a 1920 x 1080 window, and presentation mode at 1080p.
        int[][] sizes = {{600, 330}, {900, 520}, {900, 420}};
        Look[] looks = {Look.forWindow(1280, 800, false), Look.forWindow(1920, 1080, false), Look.forWindow(1920, 1080, true)};
        for (int k = 0; k < sizes.length; k++) {
            MapView.Drawn d = paint(autumn, sizes[k][0], sizes[k][1], looks[k], 30, "map-" + k + ".png");
            String at = sizes[k][0] + "x" + sizes[k][1] + (looks[k].presentation ? " presenting" : "");
            for (String name : REGION) {
                assertTrue(d.countryArea().getOrDefault(name, 0.0) > 150, name + " is drawn at " + at + ": " + d.countryArea().get(name));
                MapView.CountryLabel label = d.countryLabels().get(name);
                assertNotNull(label, name + " is named at " + at + "; named: " + d.countryLabels().keySet());
                assertTrue(new Rectangle2D.Double(0, 0, sizes[k][0], sizes[k][1]).contains(label.box()), name + "'s label on the map at " + at);
            }
            assertTrue(d.countryArea().size() > REGION.size(), "the neighbours too: " + d.countryArea().keySet());
            List<Map.Entry<Integer, Rectangle2D>> labels = new ArrayList<>(d.actorLabels().entrySet());
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    assertFalse(labels.get(i).getValue().intersects(labels.get(j).getValue()),
                            autumn.actorNames[labels.get(i).getKey()] + " and " + autumn.actorNames[labels.get(j).getKey()] + " overlap at " + at);
                }
                for (MapView.CountryLabel c : d.countryLabels().values()) {
                    assertFalse(labels.get(i).getValue().intersects(c.box()), "a country name covers " + autumn.actorNames[labels.get(i).getKey()] + " at " + at);
                }
            }
            assertEquals(autumn.actors, labels.size());
        }
    }

    @Test
    void eachCountryLabelNamesAPointInsideThatCountry() {
        MapView.Drawn d = paint(autumn, 900, 520, Look.forWindow(1920, 1080, false), 0);
        MapLayout m = new MapLayout(autumn);
        MapLayout.Fit f = m.fit(new Rectangle2D.Double(0, 0, 900, 520));
        for (String name : REGION) {
            var anchor = d.countryLabels().get(name).anchor();
            // Back from the screen to degrees by search: the anchor's nearest grid point of degrees must be in the country.
            double best = Double.MAX_VALUE;
            double[] ll = null;
            for (double lon = 30; lon <= 56; lon += 0.05) {
                for (double lat = 27; lat <= 40; lat += 0.05) {
                    double dist = f.main(lon, lat).distance(anchor);
                    if (dist < best) {
                        best = dist;
                        ll = new double[] {lon, lat};
                    }
                }
            }
            assertTrue(best < 3, name + ": anchor found in degrees");
            final double[] point = ll;
            boolean inside = Atlas.world().country(name).orElseThrow().contains(point[0], point[1])
                    || nearInside(name, point);
            assertTrue(inside, name + "'s label names a point inside it: " + point[0] + ", " + point[1]);
        }
    }

    private static boolean nearInside(String name, double[] p) {
        var c = Atlas.world().country(name).orElseThrow();
        for (double dx = -0.06; dx <= 0.06; dx += 0.03) {
            for (double dy = -0.06; dy <= 0.06; dy += 0.03) if (c.contains(p[0] + dx, p[1] + dy)) return true;
        }
        return false;
    }

    @Test
    void thePrimerShowsTwoSidesAndNoMap() {
        Theatre primer = Scenarios.theatre(Scenarios.SHIPPED.resolve("deterrence-primer.yaml"));
        MapView.Drawn d = paint(primer, 600, 330, Look.forWindow(1280, 800, false), 30, "map-primer.png");
        assertTrue(d.countryArea().isEmpty() && d.countryLabels().isEmpty(), "no countries for a scenario without places");
        assertEquals(2, d.discs().size());
        assertTrue(d.discs().get(0).getX() < 300 && d.discs().get(1).getX() > 300, "the militia on the left, the state on the right");
        assertFalse(d.actorLabels().get(0).intersects(d.actorLabels().get(1)));
    }
}
