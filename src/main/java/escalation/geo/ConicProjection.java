package escalation.geo;

/**
 * Lambert's conformal conic projection of the sphere (Snyder, Map Projections: A Working Manual,
 * USGS Professional Paper 1395, 1987, pp. 104-106), the usual choice for a region wider than tall in
 * the middle latitudes: shapes are kept, and scale is true along the two standard parallels, which
 * {@link #fitted} puts at a sixth of the region's height from its southern and northern edges.
 * Coordinates come out in units of the sphere's radius, x east and y north.
 */
public final class ConicProjection {
    private final double lon0;
    private final double n;
    private final double f;
    private final double rho0;

    /** A projection centred on {@code lon0}, {@code lat0}, true at latitudes {@code lat1} and {@code lat2} (degrees). */
    public ConicProjection(double lon0, double lat0, double lat1, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        this.lon0 = Math.toRadians(lon0);
        n = Math.abs(p1 - p2) < 1e-9 ? Math.sin(p1)
                : Math.log(Math.cos(p1) / Math.cos(p2)) / Math.log(t(p2) / t(p1));
        if (!(Math.abs(n) > 1e-6)) throw new IllegalArgumentException("standard parallels symmetric about the equator: use a cylindrical projection");
        f = Math.cos(p1) * Math.pow(t(p1), n) / n;
        rho0 = rho(Math.toRadians(lat0));
    }

    /** The projection for a region from {@code south} to {@code north}, centred on its middle. */
    public static ConicProjection fitted(double west, double south, double east, double north) {
        double h = north - south;
        double lat1 = south + h / 6;
        double lat2 = north - h / 6;
        if (Math.abs(lat1 + lat2) < 1) lat2 = lat1 + Math.max(1, h / 3) * Math.signum(lat1 + lat2 + 1e-9);
        return new ConicProjection((west + east) / 2, (south + north) / 2, lat1, lat2);
    }

    private static double t(double phi) {
        return Math.tan(Math.PI / 4 + phi / 2);
    }

    private double rho(double phi) {
        return f / Math.pow(t(phi), n);
    }

    /** Projects a longitude and latitude (degrees) into {x, y}. */
    public double[] forward(double lon, double lat) {
        double rho = rho(Math.toRadians(Math.max(-89.5, Math.min(89.5, lat))));
        double theta = n * wrap(Math.toRadians(lon) - lon0);
        return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }

    /** The longitude and latitude (degrees) of a projected point: {lon, lat}. */
    public double[] inverse(double x, double y) {
        double dy = rho0 - y;
        double rho = Math.signum(n) * Math.hypot(x, dy);
        double theta = Math.atan2(Math.signum(n) * x, Math.signum(n) * dy);
        double phi = 2 * Math.atan(Math.pow(f / rho, 1 / n)) - Math.PI / 2;
        return new double[] {Math.toDegrees(theta / n + lon0), Math.toDegrees(phi)};
    }

    /** The cone constant: the share of a full turn that a turn of longitude becomes on the map. */
    public double cone() {
        return n;
    }

    private static double wrap(double a) {
        while (a > Math.PI) a -= 2 * Math.PI;
        while (a < -Math.PI) a += 2 * Math.PI;
        return a;
    }
}
