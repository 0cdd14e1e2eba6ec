package escalation.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a TopoJSON topology (the format of the world-atlas package; specification:
 * github.com/topojson/topojson-specification) into {@link Country} polygons. A topology stores each
 * shared boundary once, as an arc; a polygon's ring is a list of arc indexes, where a negative index
 * {@code ~i} means arc {@code i} reversed. A quantized topology stores integer positions,
 * delta-encoded along each arc, and one transform (scale and translate) back to longitude and latitude.
 * Only what maps of countries need is read: Polygon and MultiPolygon geometries with a {@code name} property.
 */
public final class TopoJson {
    private TopoJson() { }

    /** Reads the topology and the countries of its geometry collection {@code object}. */
    public static Atlas read(InputStream in, String object) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !"Topology".equals(root.path("type").asText())) throw new IOException("not a TopoJSON topology");
        double[][] arcs = arcs(root);
        JsonNode geometries = root.path("objects").path(object).path("geometries");
        if (!geometries.isArray()) throw new IOException("the topology has no geometry collection '" + object + "'");
        List<Country> countries = new ArrayList<>();
        for (JsonNode g : geometries) {
            String type = g.path("type").asText();
            List<int[]> rings = new ArrayList<>();
            if (type.equals("Polygon")) {
                for (JsonNode ring : g.path("arcs")) rings.add(indexes(ring));
            } else if (type.equals("MultiPolygon")) {
                for (JsonNode polygon : g.path("arcs")) {
                    for (JsonNode ring : polygon) rings.add(indexes(ring));
                }
            } else {
                continue;
            }
            String name = g.path("properties").path("name").asText("");
            if (name.isEmpty()) continue;
            List<double[]> coords = new ArrayList<>();
            for (int[] ring : rings) coords.add(ring(ring, arcs));
            countries.add(new Country(name, g.path("id").asText(""), rings, coords));
        }
        return new Atlas(arcs, countries);
    }

    /** Every arc as interleaved longitude, latitude pairs, the quantization and delta encoding undone. */
    static double[][] arcs(JsonNode root) throws IOException {
        JsonNode t = root.get("transform");
        double sx = 1;
        double sy = 1;
        double tx = 0;
        double ty = 0;
        boolean quantized = t != null;
        if (quantized) {
            sx = t.path("scale").path(0).asDouble();
            sy = t.path("scale").path(1).asDouble();
            tx = t.path("translate").path(0).asDouble();
            ty = t.path("translate").path(1).asDouble();
        }
        JsonNode arcs = root.path("arcs");
        if (!arcs.isArray()) throw new IOException("the topology has no arcs");
        double[][] out = new double[arcs.size()][];
        for (int a = 0; a < out.length; a++) {
            JsonNode arc = arcs.get(a);
            double[] xy = new double[2 * arc.size()];
            long x = 0;
            long y = 0;
            for (int k = 0; k < arc.size(); k++) {
                JsonNode p = arc.get(k);
                if (quantized) {
                    x += p.get(0).asLong();
                    y += p.get(1).asLong();
                    xy[2 * k] = x * sx + tx;
                    xy[2 * k + 1] = y * sy + ty;
                } else {
                    xy[2 * k] = p.get(0).asDouble();
                    xy[2 * k + 1] = p.get(1).asDouble();
                }
            }
            out[a] = xy;
        }
        return out;
    }

    private static int[] indexes(JsonNode ring) {
        int[] out = new int[ring.size()];
        for (int k = 0; k < out.length; k++) out[k] = ring.get(k).asInt();
        return out;
    }

    /**
     * A ring's positions from its arcs, each arc reversed where its index is negative; consecutive arcs
     * share their end point, which is kept once.
     */
    static double[] ring(int[] refs, double[][] arcs) {
        int n = 0;
        for (int r : refs) n += arcs[r < 0 ? ~r : r].length / 2;
        double[] out = new double[2 * n];
        int k = 0;
        for (int i = 0; i < refs.length; i++) {
            double[] arc = arcs[refs[i] < 0 ? ~refs[i] : refs[i]];
            int points = arc.length / 2;
            boolean reversed = refs[i] < 0;
            for (int p = i == 0 ? 0 : 1; p < points; p++) {
                int q = reversed ? points - 1 - p : p;
                out[k++] = arc[2 * q];
                out[k++] = arc[2 * q + 1];
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }
}
