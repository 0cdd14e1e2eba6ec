package escalation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled atlas decodes to the countries where they are, and the projection keeps shapes. */
class AtlasTest {
    @Test
    void aSmallQuantizedTopologyDecodesWithReversedArcsAndDeltas() throws IOException {
        // Two unit squares side by side sharing the arc x=1; positions quantized at 0.5 degrees.
        String topo = """
                {"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
                 "arcs":[[[2,0],[0,2]], [[2,2],[-2,0],[0,-2],[2,0]], [[2,0],[2,0],[0,2],[-2,0]]],
                 "objects":{"countries":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"West"}},
                   {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"name":"East"}},
                   {"type":"Polygon","arcs":[[0]]}]}}}
                """;
        Atlas a = TopoJson.read(new ByteArrayInputStream(topo.getBytes(StandardCharsets.UTF_8)), "countries");
        assertEquals(List.of("West", "East"), a.countries().stream().map(Country::name).toList(), "a geometry without a name is skipped");
        assertEquals(List.of(11.0, 20.0, 11.0, 21.0), boxed(a.arc(0)), "deltas summed, then scaled and translated");
        Country west = a.countries().get(0);
        assertEquals(List.of(11.0, 20.0, 11.0, 21.0, 10.0, 21.0, 10.0, 20.0, 11.0, 20.0), boxed(west.rings().get(0)),
                "the shared end point of two arcs is kept once");
        Country east = a.countries().get(1);
        assertEquals(List.of(11.0, 20.0, 12.0, 20.0, 12.0, 21.0, 11.0, 21.0, 11.0, 20.0), boxed(east.rings().get(0)),
                "a negative index ~i walks arc i backwards");
        assertTrue(a.border(0), "the arc both squares use is a border");
        assertFalse(a.border(1), "an arc of one country is its coast");
        assertTrue(west.contains(10.5, 20.5) && !west.contains(11.5, 20.5));
        assertThrows(IOException.class, () -> TopoJson.read(new ByteArrayInputStream("{\"type\":\"x\"}".getBytes()), "countries"));
    }

    @Test
    void theBundledAtlasPutsCitiesInTheirCountries() {
        Atlas w = Atlas.world();
        assertTrue(w.countries().size() > 200, "the world's countries: " + w.countries().size());
        String[][] cities = {{"Iraq", "44.37", "33.31"}, {"Iran", "51.39", "35.69"}, {"Syria", "36.29", "33.51"},
                {"Lebanon", "35.90", "33.85"}, {"Jordan", "35.93", "31.95"}, {"Israel", "34.85", "32.08"}, {"Yemen", "44.19", "15.37"}};
        for (String[] c : cities) {
            Country country = w.country(c[0]).orElseThrow(() -> new AssertionError("no " + c[0]));
            assertTrue(country.contains(Double.parseDouble(c[1]), Double.parseDouble(c[2])), c[0] + " holds its city");
            for (Country other : w.countries()) {
                if (other != country) assertFalse(other.contains(Double.parseDouble(c[1]), Double.parseDouble(c[2])), other.name() + " holds a city of " + c[0]);
            }
        }
        double[] iraq = w.country("Iraq").orElseThrow().bounds();
        assertEquals(38.8, iraq[0], 0.3);
        assertEquals(29.1, iraq[1], 0.3);
        assertEquals(48.6, iraq[2], 0.3);
        assertEquals(37.4, iraq[3], 0.3);
        int borders = 0;
        for (int a = 0; a < w.arcCount(); a++) if (w.border(a)) borders++;
        assertTrue(borders > 300 && borders < w.arcCount(), "land borders and coasts: " + borders + " of " + w.arcCount());
    }

    @Test
    void theConicProjectionIsConformalAndTrueOnItsStandardParallels() {
        ConicProjection p = new ConicProjection(44, 30, 20, 36);
        for (double[] ll : new double[][] {{35.5, 33.9}, {51.4, 35.7}, {44.2, 15.4}, {44, 30}}) {
            double[] xy = p.forward(ll[0], ll[1]);
            double[] back = p.inverse(xy[0], xy[1]);
            assertEquals(ll[0], back[0], 1e-9);
            assertEquals(ll[1], back[1], 1e-9);
            // Conformal: a small step north and a small step east (scaled by cos lat) stretch equally and stay at right angles.
            double d = 1e-4;
            double[] north = p.forward(ll[0], ll[1] + d);
            double[] east = p.forward(ll[0] + d / Math.cos(Math.toRadians(ll[1])), ll[1]);
            double kn = Math.hypot(north[0] - xy[0], north[1] - xy[1]);
            double ke = Math.hypot(east[0] - xy[0], east[1] - xy[1]);
            assertEquals(1, kn / ke, 1e-4, "same scale north and east at " + ll[1]);
            double dot = (north[0] - xy[0]) * (east[0] - xy[0]) + (north[1] - xy[1]) * (east[1] - xy[1]);
            assertEquals(0, dot / (kn * ke), 1e-4, "right angles at " + ll[1]);
        }
        for (double lat : new double[] {20, 36}) {
            double[] a = p.forward(44, lat);
            double[] b = p.forward(44, lat + 1e-4);
            assertEquals(Math.toRadians(1e-4), Math.hypot(b[0] - a[0], b[1] - a[1]), 1e-11, "true scale on the parallel " + lat);
        }
        assertTrue(p.forward(51.4, 35.7)[0] > p.forward(35.5, 33.9)[0], "east is to the right");
        assertTrue(p.forward(44, 36)[1] > p.forward(44, 30)[1], "north is up");
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
