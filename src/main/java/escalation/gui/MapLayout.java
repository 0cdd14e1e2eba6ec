package escalation.gui;

import escalation.geo.ConicProjection;
import escalation.geo.Region;
import escalation.model.Theatre;
import escalation.scenario.Records;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the map puts each actor, base and corridor hub. A scenario whose actors have places
 * ({@code location:}) gets a map of the region in Lambert's conformal conic projection, its extent
 * fitted to those places; places far from the others (Sanaa, some 2,000 km south of Baghdad) go into an
 * inset with a projection of its own, so that they do not squeeze the rest into a corner. A scenario
 * with fewer than two places has no geography: the map shows the two sides of the conflict facing
 * each other instead.
 */
public final class MapLayout {

    /** A place in degrees, and whether it lies in the inset. */
    public record Place(double lon, double lat, boolean inset) { }

    /** A named place of an actor other than its location (a base). */
    public record Site(int actor, String name, Place at) { }

    private final Theatre theatre;
    private final boolean geographic;
    private final Place[] actors;
    private final List<Site> sites = new ArrayList<>();
    private final Place[] hubs;
    private final Region region;
    /** {west, south, east, north} of the main map and of the inset (null without one). */
    private final double[] main;
    private final double[] inset;
    final ConicProjection mainProjection;
    final ConicProjection insetProjection;

    public MapLayout(Theatre t) {
        theatre = t;
        Records.Scenario s = t.scenario;
        int n = t.actors;
        int located = 0;
        for (Records.Actor a : s.actors()) {
            if (a.location() != null) located++;
        }
        geographic = located >= 2;
        actors = new Place[n];
        hubs = new Place[t.nodes.length];
        if (!geographic) {
            main = null;
            inset = null;
            mainProjection = null;
            insetProjection = null;
            region = null;
            return;
        }
        List<double[]> all = new ArrayList<>();
        for (Records.Actor a : s.actors()) {
            if (a.location() != null) all.add(new double[] {a.location().lon(), a.location().lat()});
            for (Records.Site site : a.sites()) all.add(new double[] {site.location().lon(), site.location().lat()});
        }
        region = new Region(all);
        main = region.main();
        inset = region.inset();
        mainProjection = region.mainProjection();
        insetProjection = region.insetProjection();

        // Actors without a place of their own sit on a ring around the middle of the others.
        int unplaced = n - located;
        for (int i = 0, k = 0; i < n; i++) {
            Records.Location l = s.actors().get(i).location();
            if (l != null) {
                actors[i] = place(l.lon(), l.lat());
            } else {
                double angle = 2 * Math.PI * k++ / Math.max(1, unplaced) - Math.PI / 2;
                double r = 0.3 * Math.min(main[2] - main[0], main[3] - main[1]);
                actors[i] = new Place((main[0] + main[2]) / 2 + r * Math.cos(angle), (main[1] + main[3]) / 2 + r * Math.sin(angle), false);
            }
            for (Records.Site site : s.actors().get(i).sites()) {
                sites.add(new Site(i, site.name(), place(site.location().lon(), site.location().lat())));
            }
        }
        for (int h = 0; h < t.nodes.length; h++) {
            Records.Location l = s.corridor().locations().get(t.nodes[h]);
            if (l != null) {
                hubs[h] = place(l.lon(), l.lat());
                continue;
            }
            double lon = 0;
            double lat = 0;
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (t.region[i] == h && !actors[i].inset()) {
                    lon += actors[i].lon();
                    lat += actors[i].lat();
                    c++;
                }
            }
            if (c > 0) hubs[h] = new Place(lon / c, lat / c, false);
        }
    }

    private Place place(double lon, double lat) {
        return new Place(lon, lat, region.inInset(lon, lat));
    }

    /** False for a scenario without places: the map shows two sides instead. */
    public boolean geographic() {
        return geographic;
    }

    public Place actor(int i) {
        return actors[i];
    }

    /** True when the scenario gives the actor a location; false when the map placed it. */
    public boolean located(int i) {
        return theatre.scenario.actors().get(i).location() != null;
    }

    public List<Site> sites() {
        return sites;
    }

    /** The corridor hub's place, or null when neither the scenario nor its actors place it. */
    public Place hub(int node) {
        return hubs[node];
    }

    /** True when some places are far enough to be drawn in an inset. */
    public boolean hasInset() {
        return inset != null;
    }

    /** The main map's extent in degrees, {west, south, east, north}, before it is widened to fill the window. */
    public double[] mainExtent() {
        return main.clone();
    }

    public double[] insetExtent() {
        return inset == null ? null : inset.clone();
    }

    /**
     * The map fitted into a rectangle of the window: the main extent scaled to fill it (widened to its
     * proportions, so the map has no empty bands), and the inset, if any, in the corner nearest its places.
     */
    public Fit fit(Rectangle2D area) {
        return new Fit(area);
    }

    /** Projected positions on the screen for one size of the map. */
    public final class Fit {
        public final Rectangle2D area;
        /** The inset's frame on the screen, or null. */
        public final Rectangle2D insetFrame;
        private final double[] mainXf;
        private final double[] insetXf;

        Fit(Rectangle2D area) {
            this.area = area;
            double[] box = Region.projectedBox(mainProjection, main);
            Rectangle2D frame = null;
            double[] ixf = null;
            if (inset != null) {
                double[] ib = Region.projectedBox(insetProjection, inset);
                double w = area.getWidth() * 0.27;
                double h = w * (ib[3] - ib[1]) / (ib[2] - ib[0]);
                if (h > area.getHeight() * 0.42) {
                    h = area.getHeight() * 0.42;
                    w = h * (ib[2] - ib[0]) / (ib[3] - ib[1]);
                }
                double[] far = center(inset);
                double[] mid = center(main);
                boolean right = far[0] >= mid[0];
                boolean bottom = far[1] <= mid[1];
                double pad = 8;
                double x = right ? area.getMaxX() - w - pad : area.getX() + pad;
                double y = bottom ? area.getMaxY() - h - pad : area.getY() + pad;
                frame = new Rectangle2D.Double(x, y, w, h);
                ixf = transform(ib, frame);
                // Keep the main places out from under the inset: give the main map the rest of the height.
                Rectangle2D rest = bottom ? new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight() - h - pad)
                        : new Rectangle2D.Double(area.getX(), y + h, area.getWidth(), area.getHeight() - h - pad);
                double[] trial = transform(box, area);
                boolean covered = false;
                for (int i = 0; i < actors.length && !covered; i++) {
                    if (!actors[i].inset()) covered = frame.contains(apply(trial, mainProjection.forward(actors[i].lon(), actors[i].lat())));
                }
                for (Site s : sites) {
                    if (!s.at().inset() && !covered) covered = frame.contains(apply(trial, mainProjection.forward(s.at().lon(), s.at().lat())));
                }
                mainXf = covered ? transform(box, rest) : trial;
            } else {
                mainXf = transform(box, area);
            }
            insetFrame = frame;
            insetXf = ixf;
        }

        /** Where a place is drawn. */
        public Point2D.Double at(Place p) {
            return p.inset() ? apply(insetXf, insetProjection.forward(p.lon(), p.lat()))
                    : apply(mainXf, mainProjection.forward(p.lon(), p.lat()));
        }

        /** A point of the main map. */
        public Point2D.Double main(double lon, double lat) {
            return apply(mainXf, mainProjection.forward(lon, lat));
        }

        /** A point of the inset. */
        public Point2D.Double inset(double lon, double lat) {
            return apply(insetXf, insetProjection.forward(lon, lat));
        }

        /** The longitudes and latitudes the main map shows, widened a little: {west, south, east, north}. */
        public double[] mainView() {
            return view(mainProjection, mainXf, area);
        }

        public double[] insetView() {
            return insetFrame == null ? null : view(insetProjection, insetXf, insetFrame);
        }
    }

    private static double[] center(double[] e) {
        return new double[] {(e[0] + e[2]) / 2, (e[1] + e[3]) / 2};
    }

    /** Scale and offsets {s, x0, y0} that fit the projected box into {@code into}, centred, y downwards. */
    private static double[] transform(double[] box, Rectangle2D into) {
        double s = Math.min(into.getWidth() / (box[2] - box[0]), into.getHeight() / (box[3] - box[1]));
        double x0 = into.getCenterX() - s * (box[0] + box[2]) / 2;
        double y0 = into.getCenterY() + s * (box[1] + box[3]) / 2;
        return new double[] {s, x0, y0};
    }

    private static Point2D.Double apply(double[] xf, double[] xy) {
        return new Point2D.Double(xf[1] + xf[0] * xy[0], xf[2] - xf[0] * xy[1]);
    }

    /** The degrees a screen rectangle shows under a projection, from its corners and edge midpoints, widened by 2 degrees. */
    private static double[] view(ConicProjection p, double[] xf, Rectangle2D r) {
        double[] v = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double fx : new double[] {0, 0.5, 1}) {
            for (double fy : new double[] {0, 0.5, 1}) {
                double sx = r.getX() + fx * r.getWidth();
                double sy = r.getY() + fy * r.getHeight();
                double[] ll = p.inverse((sx - xf[1]) / xf[0], (xf[2] - sy) / xf[0]);
                v[0] = Math.min(v[0], ll[0]);
                v[1] = Math.min(v[1], ll[1]);
                v[2] = Math.max(v[2], ll[0]);
                v[3] = Math.max(v[3], ll[1]);
            }
        }
        return new double[] {v[0] - 2, v[1] - 2, v[2] + 2, v[3] + 2};
    }

    /** The actors of each side for the abstract view: the largest camp on the left, the next on the right, any others between. */
    public int[][] sides() {
        int camps = Arrays.stream(theatre.camp).max().orElse(-1) + 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < camps; c++) members.add(new ArrayList<>());
        for (int i = 0; i < theatre.actors; i++) members.get(theatre.camp[i]).add(i);
        return members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
