package escalation.geo;

import java.util.List;

/**
 * A country of the atlas: its name and its polygons' rings (outer rings and holes alike, as TopoJSON
 * lists them), each as interleaved longitude, latitude pairs in degrees, and as the signed arc
 * indexes it was made of.
 */
public record Country(String name, String id, List<int[]> arcRings, List<double[]> rings) {
    /** The country's extent in degrees: {west, south, east, north}. */
    public double[] bounds() {
        double w = Double.MAX_VALUE;
        double s = Double.MAX_VALUE;
        double e = -Double.MAX_VALUE;
        double n = -Double.MAX_VALUE;
        for (double[] r : rings) {
            for (int k = 0; k < r.length; k += 2) {
                w = Math.min(w, r[k]);
                e = Math.max(e, r[k]);
                s = Math.min(s, r[k + 1]);
                n = Math.max(n, r[k + 1]);
            }
        }
        return new double[] {w, s, e, n};
    }

    /** True when the point lies inside the country (even-odd rule over all its rings). */
    public boolean contains(double lon, double lat) {
        boolean inside = false;
        for (double[] r : rings) {
            int n = r.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = r[2 * i];
                double yi = r[2 * i + 1];
                double xj = r[2 * j];
                double yj = r[2 * j + 1];
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
            }
        }
        return inside;
    }
}
