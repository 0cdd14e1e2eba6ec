package escalation.classroom;

import escalation.geo.Atlas;
import escalation.geo.ConicProjection;
import escalation.geo.Country;
import escalation.geo.Region;
import escalation.model.Theatre;
import escalation.report.ActorPalette;
import escalation.scenario.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The projector page's map, projected once on the server: the countries of the bundled atlas (land,
 * coasts, land borders) in the conic projection of the scenario's {@link Region}, as SVG path data in a
 * {@value #WIDTH}-unit-wide frame, with far places in an inset, and each actor's place. The page draws
 * it and the strikes of the last turn over it; nothing is fetched from the internet. A scenario whose
 * actors have fewer than two places has no map.
 */
public final class ProjectorMap {
    public static final int WIDTH = 1000;
    /** Actors closer than this on the map (the factions in Baghdad) are spread on a ring around their place. */
    static final double NEAR = 30;

    /** The outlines of one part of the map (the main map or the inset) in its own frame. */
    public record Layer(double x, double y, double width, double height, List<String> land, String coast, String borders,
                        List<CountryName> names) { }

    /** A country's name at the centroid of its largest ring, in the layer's frame; only for countries that fill a good part of it. */
    public record CountryName(String name, double x, double y) { }

    /** An actor's place on the map, in the frame of the whole map. */
    public record Place(String actor, String name, String colour, double x, double y, boolean inset) { }

    public record Geometry(int width, int height, Layer main, Layer inset, List<Place> actors, String attribution) { }

    private ProjectorMap() { }

    /** The map of the theatre's places, or null for a scenario without geography. */
    public static Geometry of(Theatre t) {
        List<double[]> all = new ArrayList<>();
        int located = 0;
        for (Records.Actor a : t.scenario.actors()) {
            if (a.location() != null) {
                all.add(new double[] {a.location().lon(), a.location().lat()});
                located++;
            }
            for (Records.Site s : a.sites()) all.add(new double[] {s.location().lon(), s.location().lat()});
        }
        if (located < 2) return null;
        Region region = new Region(all);
        Atlas atlas = Atlas.world();

        double[] box = Region.projectedBox(region.mainProjection(), region.main());
        double height = Math.max(0.58, Math.min(0.75, (box[3] - box[1]) / (box[2] - box[0]))) * WIDTH;
        Frame main = new Frame(region.mainProjection(), box, 0, 0, WIDTH, height);
        Frame inset = null;
        if (region.hasInset()) {
            double[] ib = Region.projectedBox(region.insetProjection(), region.inset());
            double w = WIDTH * 0.27;
            double h = w * (ib[3] - ib[1]) / (ib[2] - ib[0]);
            if (h > height * 0.42) {
                h = height * 0.42;
                w = h * (ib[2] - ib[0]) / (ib[3] - ib[1]);
            }
            double[] m = region.main();
            double[] f = region.inset();
            boolean right = f[0] + f[2] >= m[0] + m[2];
            boolean bottom = f[1] + f[3] <= m[1] + m[3];
            double pad = 8;
            inset = new Frame(region.insetProjection(), ib, right ? WIDTH - w - pad : pad, bottom ? height - h - pad : pad, w, h);
            // The main map's places stay clear of the inset: if one would be under it, the main map takes the rest of the height.
            for (Records.Actor a : t.scenario.actors()) {
                if (a.location() == null || region.inInset(a.location().lon(), a.location().lat())) continue;
                double[] p = main.at(a.location().lon(), a.location().lat());
                if (inset.covers(p[0], p[1])) {
                    main = new Frame(region.mainProjection(), box, 0, bottom ? 0 : h + pad, WIDTH, height - h - pad);
                    break;
                }
            }
        }
        List<Place> places = new ArrayList<>();
        double[][] at = new double[t.actors][];
        for (int i = 0; i < t.actors; i++) {
            Records.Location l = t.scenario.actors().get(i).location();
            if (l == null) continue;
            boolean far = region.inInset(l.lon(), l.lat());
            Frame f = far ? inset : main;
            double[] p = f.at(l.lon(), l.lat());
            at[i] = new double[] {f.x + p[0], f.y + p[1], far ? 1 : 0};
        }
        spread(at);
        for (int i = 0; i < t.actors; i++) {
            if (at[i] != null) {
                places.add(new Place(t.actorIds[i], t.actorNames[i], ActorPalette.hex(i), round(at[i][0]), round(at[i][1]), at[i][2] > 0));
            }
        }
        return new Geometry(WIDTH, (int) Math.round(height), main.layer(atlas), inset == null ? null : inset.layer(atlas), places,
                Atlas.ATTRIBUTION);
    }

    /**
     * Groups of actors nearer than {@link #NEAR} to one another (through any chain of them) go on a ring
     * around their middle, in actor order, neighbours on the ring {@link #NEAR} apart. The groups are
     * found on the places as projected, before anything moves.
     */
    static void spread(double[][] at) {
        int n = at.length;
        int[] group = new int[n];
        java.util.Arrays.fill(group, -1);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (at[i] == null || group[i] >= 0) continue;
            List<Integer> members = new ArrayList<>(List.of(i));
            group[i] = groups.size();
            for (int k = 0; k < members.size(); k++) {
                double[] a = at[members.get(k)];
                for (int j = 0; j < n; j++) {
                    if (group[j] < 0 && at[j] != null && at[j][2] == a[2] && Math.hypot(at[j][0] - a[0], at[j][1] - a[1]) < NEAR) {
                        group[j] = groups.size();
                        members.add(j);
                    }
                }
            }
            groups.add(members);
        }
        for (List<Integer> members : groups) {
            int size = members.size();
            if (size < 2) continue;
            double cx = 0;
            double cy = 0;
            for (int j : members) {
                cx += at[j][0] / size;
                cy += at[j][1] / size;
            }
            double r = NEAR / (2 * Math.sin(Math.PI / size));
            for (int k = 0; k < size; k++) {
                double angle = 2 * Math.PI * k / size - Math.PI / 2;
                double[] p = at[members.get(k)];
                p[0] = cx + r * Math.cos(angle);
                p[1] = cy + r * Math.sin(angle);
            }
        }
    }

    /** One part of the map: a projection fitted, centred, into a rectangle of the page (y downwards). */
    private static final class Frame {
        final ConicProjection projection;
        final double x;
        final double y;
        final double width;
        final double height;
        final double scale;
        final double x0;
        final double y0;

        Frame(ConicProjection projection, double[] box, double x, double y, double width, double height) {
            this.projection = projection;
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
            scale = Math.min(width / (box[2] - box[0]), height / (box[3] - box[1]));
            x0 = width / 2 - scale * (box[0] + box[2]) / 2;
            y0 = height / 2 + scale * (box[1] + box[3]) / 2;
        }

        /** A place in this frame's own coordinates. */
        double[] at(double lon, double lat) {
            double[] xy = projection.forward(lon, lat);
            return new double[] {x0 + scale * xy[0], y0 - scale * xy[1]};
        }

        boolean covers(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }

        /** The degrees this frame shows, from its corners and edge midpoints, widened by 2 degrees. */
        double[] view() {
            double[] v = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double fx : new double[] {0, 0.5, 1}) {
                for (double fy : new double[] {0, 0.5, 1}) {
                    double[] ll = projection.inverse((fx * width - x0) / scale, (y0 - fy * height) / scale);
                    v[0] = Math.min(v[0], ll[0]);
                    v[1] = Math.min(v[1], ll[1]);
                    v[2] = Math.max(v[2], ll[0]);
                    v[3] = Math.max(v[3], ll[1]);
                }
            }
            return new double[] {v[0] - 2, v[1] - 2, v[2] + 2, v[3] + 2};
        }

        Layer layer(Atlas atlas) {
            double[] view = view();
            List<String> land = new ArrayList<>();
            List<CountryName> names = new ArrayList<>();
            for (Country c : atlas.countries()) {
                StringBuilder d = new StringBuilder();
                double[] largest = null;
                for (double[] ring : c.rings()) {
                    if (!Region.overlaps(ring, view)) continue;
                    path(d, ring, true);
                    double[] centroid = centroid(ring);
                    if (largest == null || centroid[2] > largest[2]) largest = centroid;
                }
                if (d.length() > 0) land.add(d.toString());
                if (largest != null && largest[2] > 0.03 * width * height && covers(x + largest[0], y + largest[1])) {
                    names.add(new CountryName(c.name(), round(largest[0]), round(largest[1])));
                }
            }
            StringBuilder coast = new StringBuilder();
            StringBuilder borders = new StringBuilder();
            for (int a = 0; a < atlas.arcCount(); a++) {
                double[] arc = atlas.arc(a);
                if (Region.overlaps(arc, view)) path(atlas.border(a) ? borders : coast, arc, false);
            }
            return new Layer(round(x), round(y), round(width), round(height), land, coast.toString(), borders.toString(), names);
        }

        /** The projected centroid of a ring and its area (shoelace): {x, y, area}. */
        private double[] centroid(double[] lonLat) {
            double a = 0;
            double cx = 0;
            double cy = 0;
            int n = lonLat.length / 2;
            double[] prev = at(lonLat[2 * (n - 1)], lonLat[2 * (n - 1) + 1]);
            for (int k = 0; k < n; k++) {
                double[] p = at(lonLat[2 * k], lonLat[2 * k + 1]);
                double cross = prev[0] * p[1] - p[0] * prev[1];
                a += cross;
                cx += (prev[0] + p[0]) * cross;
                cy += (prev[1] + p[1]) * cross;
                prev = p;
            }
            if (Math.abs(a) < 1e-9) return new double[] {prev[0], prev[1], 0};
            return new double[] {cx / (3 * a), cy / (3 * a), Math.abs(a) / 2};
        }

        /** SVG path data of a run of longitudes and latitudes, points closer than half a unit dropped. */
        private void path(StringBuilder d, double[] lonLat, boolean closed) {
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int k = 0; k < lonLat.length; k += 2) {
                double[] p = at(lonLat[k], lonLat[k + 1]);
                boolean last = k == lonLat.length - 2;
                if (k > 0 && !last && Math.hypot(p[0] - lastX, p[1] - lastY) < 0.5) continue;
                d.append(k == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", p[0], p[1]));
                lastX = p[0];
                lastY = p[1];
            }
            if (closed) d.append('Z');
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
