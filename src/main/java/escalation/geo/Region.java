package escalation.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * The region a map of some places shows: the places near the middle of them all (their median) in a
 * main map, with a margin of land or sea around them, and the places far from it (Sanaa, some 2,000 km
 * south of Baghdad) in an inset of their own, so that they do not squeeze the rest into a corner. Each
 * part gets Lambert's conformal conic projection fitted to its extent. Both the classroom console's map
 * and the projector page of the played classroom are laid out from it.
 */
public final class Region {
    /** A place further than this many degrees (great-circle, roughly) from the middle of the places goes into the inset. */
    public static final double FAR_DEGREES = 12;
    /** Degrees of land or sea kept around the places of the main map, and of the inset. */
    public static final double MARGIN_DEGREES = 1.3;
    public static final double INSET_MARGIN_DEGREES = 3.5;

    private final double[] middle;
    /** {west, south, east, north} of the main map and of the inset (null without one). */
    private final double[] main;
    private final double[] inset;
    private final ConicProjection mainProjection;
    private final ConicProjection insetProjection;

    /** The region of these places, each {longitude, latitude} in degrees; at least one. */
    public Region(List<double[]> places) {
        if (places.isEmpty()) throw new IllegalArgumentException("a region needs at least one place");
        middle = new double[] {median(places, 0), median(places, 1)};
        List<double[]> near = new ArrayList<>();
        List<double[]> far = new ArrayList<>();
        for (double[] p : places) (far(p[0], p[1], middle) ? far : near).add(p);
        main = extent(near, MARGIN_DEGREES);
        inset = far.isEmpty() ? null : extent(far, INSET_MARGIN_DEGREES);
        mainProjection = ConicProjection.fitted(main[0], main[1], main[2], main[3]);
        insetProjection = inset == null ? null : ConicProjection.fitted(inset[0], inset[1], inset[2], inset[3]);
    }

    /** True when a place is drawn in the inset: the region has one and the place is far from the middle. */
    public boolean inInset(double lon, double lat) {
        return inset != null && far(lon, lat, middle);
    }

    private static boolean far(double lon, double lat, double[] middle) {
        double dx = (lon - middle[0]) * Math.cos(Math.toRadians((lat + middle[1]) / 2));
        return Math.hypot(dx, lat - middle[1]) > FAR_DEGREES;
    }

    private static double median(List<double[]> ps, int k) {
        double[] v = ps.stream().mapToDouble(p -> p[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] extent(List<double[]> ps, double margin) {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : ps) {
            e[0] = Math.min(e[0], p[0]);
            e[1] = Math.min(e[1], p[1]);
            e[2] = Math.max(e[2], p[0]);
            e[3] = Math.max(e[3], p[1]);
        }
        e[0] -= margin;
        e[1] -= margin;
        e[2] += margin;
        e[3] += margin;
        return e;
    }

    /** The main map's extent in degrees, {west, south, east, north}. */
    public double[] main() {
        return main.clone();
    }

    /** The inset's extent in degrees, or null when every place is near the middle. */
    public double[] inset() {
        return inset == null ? null : inset.clone();
    }

    public boolean hasInset() {
        return inset != null;
    }

    public ConicProjection mainProjection() {
        return mainProjection;
    }

    public ConicProjection insetProjection() {
        return insetProjection;
    }

    /** The projected bounding box of an extent, sampled along its edges: {minX, minY, maxX, maxY}. */
    public static double[] projectedBox(ConicProjection p, double[] e) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k <= 16; k++) {
            double lon = e[0] + (e[2] - e[0]) * k / 16;
            double lat = e[1] + (e[3] - e[1]) * k / 16;
            for (double[] ll : new double[][] {{lon, e[1]}, {lon, e[3]}, {e[0], lat}, {e[2], lat}}) {
                double[] xy = p.forward(ll[0], ll[1]);
                b[0] = Math.min(b[0], xy[0]);
                b[1] = Math.min(b[1], xy[1]);
                b[2] = Math.max(b[2], xy[0]);
                b[3] = Math.max(b[3], xy[1]);
            }
        }
        return b;
    }

    /** True when a run of interleaved longitudes and latitudes has a point in, or spans, the extent {west, south, east, north}. */
    public static boolean overlaps(double[] lonLat, double[] view) {
        double w = Double.MAX_VALUE;
        double e = -Double.MAX_VALUE;
        double s = Double.MAX_VALUE;
        double n = -Double.MAX_VALUE;
        for (int k = 0; k < lonLat.length; k += 2) {
            w = Math.min(w, lonLat[k]);
            e = Math.max(e, lonLat[k]);
            s = Math.min(s, lonLat[k + 1]);
            n = Math.max(n, lonLat[k + 1]);
        }
        return e >= view[0] && w <= view[2] && n >= view[1] && s <= view[3];
    }
}
