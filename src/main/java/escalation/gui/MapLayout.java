package escalation.gui;

import escalation.model.Theatre;
import escalation.scenario.Records;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the map draws each actor, site and corridor hub: the scenario's latitudes and longitudes in
 * an equirectangular projection (fine at the scale of a region), scaled into the unit square with a
 * margin. Actors without a location are placed on a ring around those with one; actors that share a
 * city (the Iraqi factions and the government in Baghdad) are fanned out around it so every label
 * can be read.
 */
public final class MapLayout {
    /** Actors closer than this many degrees are fanned out. */
    static final double CROWDED_DEGREES = 2.0;
    /** Radius of the ring of a crowd, per member, in degrees. */
    static final double FAN_DEGREES = 0.22;

    private final Point2D.Double[] actors;
    private final boolean[] placed;
    private final List<Site> sites = new ArrayList<>();
    private final Point2D.Double[] hubs;
    /** Height over width of the mapped area, so the display keeps the map's proportions. */
    public final double aspect;

    /** A named place of an actor other than its location (a base). */
    public record Site(int actor, String name, Point2D.Double at) { }

    public MapLayout(Theatre t) {
        Records.Scenario s = t.scenario;
        int n = t.actors;
        double[] lat = new double[n];
        double[] lon = new double[n];
        placed = new boolean[n];
        double meanLat = 0;
        double meanLon = 0;
        int located = 0;
        for (int i = 0; i < n; i++) {
            Records.Location l = s.actors().get(i).location();
            if (l != null) {
                lat[i] = l.lat();
                lon[i] = l.lon();
                placed[i] = true;
                meanLat += l.lat();
                meanLon += l.lon();
                located++;
            }
        }
        if (located > 0) {
            meanLat /= located;
            meanLon /= located;
        }
        int unplaced = n - located;
        for (int i = 0, k = 0; i < n; i++) {
            if (placed[i]) continue;
            double angle = 2 * Math.PI * k++ / Math.max(1, unplaced) - Math.PI / 2;
            double radius = located > 0 ? 4 : 5;
            lat[i] = meanLat + radius * Math.sin(angle);
            lon[i] = meanLon + radius * Math.cos(angle);
        }
        fanOut(lat, lon);

        List<double[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(new double[] {lat[i], lon[i]});
        for (int i = 0; i < n; i++) {
            for (Records.Site site : s.actors().get(i).sites()) all.add(new double[] {site.location().lat(), site.location().lon()});
        }
        String[] nodes = t.nodes;
        double[][] hubDeg = new double[nodes.length][];
        for (int h = 0; h < nodes.length; h++) {
            Records.Location l = s.corridor().locations().get(nodes[h]);
            if (l != null) {
                hubDeg[h] = new double[] {l.lat(), l.lon()};
            } else {
                double sl = 0;
                double so = 0;
                int c = 0;
                for (int i = 0; i < n; i++) {
                    if (t.region[i] == h) {
                        sl += lat[i];
                        so += lon[i];
                        c++;
                    }
                }
                if (c > 0) hubDeg[h] = new double[] {sl / c, so / c};
            }
            if (hubDeg[h] != null) all.add(hubDeg[h]);
        }

        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (double[] p : all) {
            minLat = Math.min(minLat, p[0]);
            maxLat = Math.max(maxLat, p[0]);
            minLon = Math.min(minLon, p[1]);
            maxLon = Math.max(maxLon, p[1]);
        }
        double margin = 1.5;
        minLat -= margin;
        maxLat += margin;
        minLon -= margin;
        maxLon += margin;
        double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double width = (maxLon - minLon) * shrink;
        double height = maxLat - minLat;
        aspect = height / width;
        Projection p = new Projection(minLon, maxLat, shrink, width, height);
        this.projection = p;
        actors = new Point2D.Double[n];
        for (int i = 0; i < n; i++) actors[i] = p.at(lat[i], lon[i]);
        for (int i = 0; i < n; i++) {
            for (Records.Site site : s.actors().get(i).sites()) {
                sites.add(new Site(i, site.name(), p.at(site.location().lat(), site.location().lon())));
            }
        }
        hubs = new Point2D.Double[nodes.length];
        for (int h = 0; h < nodes.length; h++) hubs[h] = hubDeg[h] == null ? null : p.at(hubDeg[h][0], hubDeg[h][1]);
    }

    private final Projection projection;

    /** Longitude and latitude to the unit square: x grows east over the width, y grows south over the height. */
    record Projection(double west, double north, double shrink, double width, double height) {
        Point2D.Double at(double lat, double lon) {
            return new Point2D.Double((lon - west) * shrink / width, (north - lat) / height);
        }
    }

    /**
     * Spreads actors that crowd one place (chains of actors closer than {@link #CROWDED_DEGREES}) on a ring
     * around their mean, in declaration order, the ring growing with the crowd.
     */
    private static void fanOut(double[] lat, double[] lon) {
        int n = lat.length;
        int[] group = new int[n];
        java.util.Arrays.fill(group, -1);
        for (int i = 0; i < n; i++) {
            if (group[i] >= 0) continue;
            group[i] = i;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(i));
            while (!queue.isEmpty()) {
                int a = queue.poll();
                for (int j = 0; j < n; j++) {
                    if (group[j] < 0 && Math.hypot(lat[a] - lat[j], lon[a] - lon[j]) < CROWDED_DEGREES) {
                        group[j] = i;
                        queue.add(j);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            List<Integer> members = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (group[j] == i) members.add(j);
            }
            if (members.size() < 2) continue;
            double cl = 0;
            double co = 0;
            for (int m : members) {
                cl += lat[m];
                co += lon[m];
            }
            cl /= members.size();
            co /= members.size();
            double radius = FAN_DEGREES * members.size();
            double shrink = Math.cos(Math.toRadians(cl));
            for (int k = 0; k < members.size(); k++) {
                double angle = 2 * Math.PI * k / members.size() + Math.PI / 2;
                lat[members.get(k)] = cl + radius * Math.sin(angle);
                lon[members.get(k)] = co + radius * Math.cos(angle) / shrink;
            }
        }
    }

    /** The actor's place in the unit square (y downwards). */
    public Point2D.Double actor(int i) {
        return actors[i];
    }

    /** True when the scenario gives the actor a location; false when the map placed it. */
    public boolean located(int i) {
        return placed[i];
    }

    public List<Site> sites() {
        return sites;
    }

    /** The corridor hub's place, or null when neither the scenario nor its actors place it. */
    public Point2D.Double hub(int node) {
        return hubs[node];
    }

    /** A latitude and longitude in the unit square, for grid lines. */
    public Point2D.Double at(double lat, double lon) {
        return projection.at(lat, lon);
    }

    /** The latitudes and longitudes the square covers: {south, north, west, east}. */
    public double[] bounds() {
        Projection p = projection;
        return new double[] {p.north - p.height, p.north, p.west, p.west + p.width / p.shrink};
    }
}
