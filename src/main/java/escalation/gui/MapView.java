package escalation.gui;

import escalation.geo.Atlas;
import escalation.geo.Country;
import escalation.geo.Region;
import escalation.model.Theatre;
import escalation.report.ActorPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import javax.swing.JComponent;

/**
 * The map of the region: the countries of the bundled atlas (land, coasts, borders, names), the
 * supply corridor (each link as thick as the share of full flow it carries today), the actors and
 * their bases, the strikes of the last week as arrows from attacker to target coloured by rung and
 * fading day by day (solid with a circle when something got through, dashed and crossed when
 * everything was intercepted, dotted blue for threats), and the date in large type. Places far from
 * the others are drawn in an inset. A scenario without geography gets its two sides facing each other.
 * Labels are placed so that none covers another. What was drawn last is kept in {@link #drawn()}.
 */
final class MapView extends JComponent {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final transient Theatre theatre;
    private final transient MapLayout layout;
    private final transient StrikeMap strikes;
    private final transient Atlas atlas;
    private transient Look look;
    private transient volatile Chronicle.Day latest;
    private transient MapLayout.Fit fit;
    private transient List<Shape> mainLand;
    private transient List<Country> mainCountries;
    private transient List<Shape> insetLand;
    private transient List<Country> insetCountries;
    private transient Path2D mainCoast;
    private transient Path2D mainBorders;
    private transient Path2D insetCoast;
    private transient Path2D insetBorders;
    private transient Drawn drawn = new Drawn(Map.of(), Map.of(), Map.of(), List.of());

    /** A country label: its box and the point inside the country it names. */
    record CountryLabel(Rectangle2D box, Point2D anchor) { }

    /**
     * What the last paint drew: each country's visible area in square pixels, the country labels, the actor
     * labels by actor, and the actors' discs.
     */
    record Drawn(Map<String, Double> countryArea, Map<String, CountryLabel> countryLabels, Map<Integer, Rectangle2D> actorLabels,
                 List<Point2D> discs) { }

    MapView(Theatre theatre, MapLayout layout, StrikeMap strikes, Look look) {
        this.theatre = theatre;
        this.layout = layout;
        this.strikes = strikes;
        this.look = look;
        atlas = layout.geographic() ? Atlas.world() : null;
        setOpaque(true);
    }

    void restyle(Look l) {
        look = l;
        repaint();
    }

    /** The day whose date, level and corridor the map shows (null before play). */
    void show(Chronicle.Day day) {
        latest = day;
        repaint();
    }

    Drawn drawn() {
        return drawn;
    }

    @Override protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Rectangle2D r = new Rectangle2D.Double(0, 0, getWidth(), getHeight());
            if (layout.geographic()) paintMap(g, r);
            else paintSides(g, r);
        } finally {
            g.dispose();
        }
    }

    // ------------------------------------------------------------------ the map

    private void paintMap(Graphics2D g, Rectangle2D r) {
        if (fit == null || !fit.area.equals(r) || placedLook != look) {
            project(r);
            place(g, r);
            placedLook = look;
        }
        g.setColor(Look.SEA);
        g.fill(r);
        drawLand(g, mainLand, mainCoast, mainBorders, Look.LAND);
        if (fit.insetFrame != null) {
            Shape clip = g.getClip();
            g.setColor(Look.SEA);
            g.fill(fit.insetFrame);
            g.clip(fit.insetFrame);
            drawLand(g, insetLand, insetCoast, insetBorders, Look.LAND);
            g.setClip(clip);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(fit.insetFrame);
        }
        Point2D.Double[] at = drawn.discs().stream().map(p -> (Point2D.Double) p).toArray(Point2D.Double[]::new);
        corridor(g);
        sites(g, at);
        for (StrikeMap.Arrow a : strikes.visible()) arrow(g, at, a, strikes.today());
        drawDiscs(g, at, look.px(11));
        header(g, r);
        legend(g, r);
        attribution(g, r);
        if (fit.insetFrame != null) insetTitle(g);
        drawCountryLabels(g);
        drawActorLabels(g, at);
        Labels labels = placed.copy();
        g.setFont(look.small);
        FontMetrics sf = g.getFontMetrics();
        for (Object[] link : struckLinks) {
            String text = (String) link[0];
            Rectangle2D box = labels.around((Point2D.Double) link[1], 4, sf.stringWidth(text) + 6, sf.getHeight());
            halo(g, text, (float) box.getX() + 3, (float) (box.getY() + sf.getAscent()), look.small, Look.CORRIDOR.darker());
        }
    }

    private transient Look placedLook;
    private transient Labels placed;

    /**
     * Places what does not move while a run goes on, once per size and look of the map: the actors' discs and
     * labels, then the country names around them, clear of the header, the legend, the credit and the inset's title.
     */
    private void place(Graphics2D g, Rectangle2D r) {
        Map<String, Double> area = new LinkedHashMap<>();
        Area visible = new Area(r);
        if (fit.insetFrame != null) visible.subtract(new Area(fit.insetFrame));
        for (int k = 0; k < mainCountries.size(); k++) {
            Area a = new Area(mainLand.get(k));
            a.intersect(visible);
            double px = area(a);
            if (px > 0) area.merge(mainCountries.get(k).name(), px, Double::sum);
        }
        Point2D.Double[] at = discs(fit);
        double radius = look.px(11);
        Labels labels = new Labels(r);
        for (Point2D.Double p : at) labels.take(new Rectangle2D.Double(p.x - radius, p.y - radius, 2 * radius, 2 * radius));
        labels.take(headerBox(g, r));
        labels.take(legend(g, r));
        labels.take(attribution(g, r));
        if (fit.insetFrame != null) {
            labels.take(insetTitle(g));
            labels.take(new Rectangle2D.Double(fit.insetFrame.getX(), fit.insetFrame.getY() - 1, fit.insetFrame.getWidth(), 1));
        }
        Map<Integer, Rectangle2D> actorLabels = placeActorLabels(g, at, radius, labels);
        Map<String, CountryLabel> countryLabels = placeCountryLabels(g, labels, area, visible);
        placed = labels;
        drawn = new Drawn(area, countryLabels, actorLabels, List.of(at));
    }

    /** Projects the countries, coasts and borders for this size of the map. */
    private void project(Rectangle2D r) {
        fit = layout.fit(r);
        mainCountries = new ArrayList<>();
        mainLand = new ArrayList<>();
        double[] view = fit.mainView();
        shapes(view, fit::main, mainCountries, mainLand);
        mainCoast = new Path2D.Double();
        mainBorders = new Path2D.Double();
        arcs(view, fit::main, mainCoast, mainBorders);
        if (fit.insetFrame != null) {
            insetCountries = new ArrayList<>();
            insetLand = new ArrayList<>();
            double[] iv = fit.insetView();
            shapes(iv, fit::inset, insetCountries, insetLand);
            insetCoast = new Path2D.Double();
            insetBorders = new Path2D.Double();
            arcs(iv, fit::inset, insetCoast, insetBorders);
        }
    }

    private void shapes(double[] view, BiFunction<Double, Double, Point2D.Double> to, List<Country> countries, List<Shape> land) {
        for (Country c : atlas.countries()) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            boolean any = false;
            for (double[] ring : c.rings()) {
                if (!Region.overlaps(ring, view)) continue;
                for (int k = 0; k < ring.length; k += 2) {
                    Point2D.Double p = to.apply(ring[k], ring[k + 1]);
                    if (k == 0) path.moveTo(p.x, p.y);
                    else path.lineTo(p.x, p.y);
                }
                path.closePath();
                any = true;
            }
            if (any) {
                countries.add(c);
                land.add(path);
            }
        }
    }

    private void arcs(double[] view, BiFunction<Double, Double, Point2D.Double> to, Path2D coast, Path2D borders) {
        for (int a = 0; a < atlas.arcCount(); a++) {
            double[] arc = atlas.arc(a);
            if (!Region.overlaps(arc, view)) continue;
            Path2D target = atlas.border(a) ? borders : coast;
            for (int k = 0; k < arc.length; k += 2) {
                Point2D.Double p = to.apply(arc[k], arc[k + 1]);
                if (k == 0) target.moveTo(p.x, p.y);
                else target.lineTo(p.x, p.y);
            }
        }
    }

    private void drawLand(Graphics2D g, List<Shape> land, Path2D coast, Path2D borders, Color fill) {
        g.setColor(fill);
        for (Shape s : land) g.fill(s);
        g.setColor(Look.COAST);
        g.setStroke(new BasicStroke((float) Math.max(1, look.scale * 1.2)));
        g.draw(coast);
        g.setColor(Look.BORDER);
        g.setStroke(new BasicStroke((float) Math.max(1.2, look.scale * 1.6), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(borders);
    }

    /** The area of a shape in square pixels (shoelace over its flattened outline; holes subtract). */
    static double area(Shape s) {
        double total = 0;
        double[] c = new double[6];
        double x0 = 0;
        double y0 = 0;
        double px = 0;
        double py = 0;
        double ring = 0;
        for (PathIterator it = s.getPathIterator(null, 0.5); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    total += Math.abs(ring) / 2;
                    ring = 0;
                    x0 = px = c[0];
                    y0 = py = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    ring += px * c[1] - c[0] * py;
                    px = c[0];
                    py = c[1];
                }
                case PathIterator.SEG_CLOSE -> {
                    ring += px * y0 - x0 * py;
                    px = x0;
                    py = y0;
                }
                default -> { }
            }
        }
        return total + Math.abs(ring) / 2;
    }

    /** Actors' discs: at their places, and spread on a ring where several would cover each other (the factions in Baghdad). */
    private Point2D.Double[] discs(MapLayout.Fit f) {
        int n = theatre.actors;
        Point2D.Double[] at = new Point2D.Double[n];
        for (int i = 0; i < n; i++) at[i] = f.at(layout.actor(i));
        return spread(at, look.px(11));
    }

    static Point2D.Double[] spread(Point2D.Double[] at, double radius) {
        int n = at.length;
        double near = 2 * radius + 4;
        int[] group = new int[n];
        java.util.Arrays.fill(group, -1);
        for (int i = 0; i < n; i++) {
            if (group[i] >= 0) continue;
            group[i] = i;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(i));
            while (!queue.isEmpty()) {
                int a = queue.poll();
                for (int j = 0; j < n; j++) {
                    if (group[j] < 0 && at[a].distance(at[j]) < near) {
                        group[j] = i;
                        queue.add(j);
                    }
                }
            }
        }
        Point2D.Double[] out = at.clone();
        for (int i = 0; i < n; i++) {
            List<Integer> members = new ArrayList<>();
            for (int j = 0; j < n; j++) if (group[j] == i) members.add(j);
            if (members.size() < 2) continue;
            double cx = 0;
            double cy = 0;
            for (int m : members) {
                cx += at[m].x;
                cy += at[m].y;
            }
            cx /= members.size();
            cy /= members.size();
            double ring = Math.max(near, members.size() * (2 * radius + 8) / (2 * Math.PI));
            for (int k = 0; k < members.size(); k++) {
                double angle = 2 * Math.PI * k / members.size() - Math.PI / 2;
                out[members.get(k)] = new Point2D.Double(cx + ring * Math.cos(angle), cy + ring * Math.sin(angle));
            }
        }
        return out;
    }

    /** Struck corridor links' labels and where: placed with the other labels, after the actors'. */
    private final transient List<Object[]> struckLinks = new ArrayList<>();

    private void corridor(Graphics2D g) {
        struckLinks.clear();
        Chronicle.Day day = latest;
        float full = (float) look.px(14);
        for (int l = 0; l < theatre.linkIds.length; l++) {
            MapLayout.Place from = layout.hub(theatre.linkFrom[l]);
            MapLayout.Place to = layout.hub(theatre.linkTo[l]);
            if (from == null || to == null || from.inset() || to.inset()) continue;
            double capacity = day == null ? 1 : day.corridorCapacity()[l];
            Point2D.Double a = fit.at(from);
            Point2D.Double b = fit.at(to);
            g.setColor(Look.fade(Look.CORRIDOR, 0.22));
            g.setStroke(new BasicStroke(full, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(a, b));
            if (capacity > 0.01) {
                g.setColor(Look.fade(Look.CORRIDOR, 0.8));
                g.setStroke(new BasicStroke((float) (full * capacity), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(a, b));
            }
            if (capacity < 0.995) {
                struckLinks.add(new Object[] {theatre.scenario.corridor().links().get(l).name() + " " + Math.round(100 * capacity) + "%",
                        new Point2D.Double((a.x + b.x) / 2, (a.y + b.y) / 2)});
            }
        }
        double s = look.px(5);
        for (int h = 0; h < theatre.nodes.length; h++) {
            MapLayout.Place p = layout.hub(h);
            if (p == null) continue;
            Point2D.Double q = fit.at(p);
            g.setColor(Look.CORRIDOR);
            g.fill(new Rectangle2D.Double(q.x - s, q.y - s, 2 * s, 2 * s));
        }
    }

    private void sites(Graphics2D g, Point2D.Double[] at) {
        double s = look.px(6);
        for (MapLayout.Site site : layout.sites()) {
            Point2D.Double p = fit.at(site.at());
            Color c = ActorPalette.of(site.actor());
            g.setColor(Look.fade(c, 0.45));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
            g.draw(new Line2D.Double(p, at[site.actor()]));
            g.setColor(c);
            g.fill(new Rectangle2D.Double(p.x - s, p.y - s, 2 * s, 2 * s));
        }
    }

    private void drawDiscs(Graphics2D g, Point2D.Double[] at, double r) {
        for (int i = 0; i < at.length; i++) {
            Point2D.Double p = at[i];
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(p.x - r - 3, p.y - r - 3, 2 * r + 6, 2 * r + 6));
            g.setColor(ActorPalette.of(i));
            g.fill(new Ellipse2D.Double(p.x - r, p.y - r, 2 * r, 2 * r));
            if (layout.geographic() && !layout.located(i)) {
                g.setColor(Color.WHITE);
                g.setFont(look.label);
                g.drawString("?", (float) (p.x - r / 2), (float) (p.y + r / 2));
            }
        }
    }

    /** Each actor's name beside its disc, where it covers no other label or disc. */
    private Map<Integer, Rectangle2D> placeActorLabels(Graphics2D g, Point2D.Double[] at, double r, Labels labels) {
        g.setFont(look.label);
        FontMetrics fm = g.getFontMetrics();
        Map<Integer, Rectangle2D> out = new LinkedHashMap<>();
        for (int i = 0; i < at.length; i++) {
            String name = theatre.actorNames[i];
            out.put(i, labels.around(at[i], r, fm.stringWidth(name) + 6, fm.getHeight()));
        }
        return out;
    }

    /** The actors' names, with a leader line to the disc when a name was set apart from it. */
    private void drawActorLabels(Graphics2D g, Point2D.Double[] at) {
        g.setFont(look.label);
        FontMetrics fm = g.getFontMetrics();
        double r = look.px(11);
        for (var e : drawn.actorLabels().entrySet()) {
            int i = e.getKey();
            Rectangle2D box = e.getValue();
            Color c = ActorPalette.of(i).darker();
            Point2D.Double near = nearest(box, at[i]);
            if (near.distance(at[i]) > r + 8) {
                g.setColor(Look.fade(c, 0.7));
                g.setStroke(new BasicStroke((float) Math.max(1.2, look.scale * 1.5)));
                g.draw(new Line2D.Double(at[i], near));
            }
            halo(g, theatre.actorNames[i], (float) box.getX() + 3, (float) (box.getY() + fm.getAscent()), look.label, c);
        }
    }

    private static Point2D.Double nearest(Rectangle2D box, Point2D.Double p) {
        return new Point2D.Double(Math.max(box.getMinX(), Math.min(box.getMaxX(), p.x)), Math.max(box.getMinY(), Math.min(box.getMaxY(), p.y)));
    }

    private Font countryFont() {
        return look.small.deriveFont(Font.BOLD);
    }

    /**
     * Country names in capitals, centred on a point well inside the country's visible part, where they cover
     * no other label: the countries of the scenario's actors first, then the others by visible area.
     */
    private Map<String, CountryLabel> placeCountryLabels(Graphics2D g, Labels labels, Map<String, Double> area, Area visible) {
        g.setFont(countryFont());
        FontMetrics fm = g.getFontMetrics();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < mainCountries.size(); k++) order.add(k);
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < theatre.actors; i++) {
            MapLayout.Place p = layout.actor(i);
            if (p.inset()) continue;
            for (Country c : mainCountries) {
                if (c.contains(p.lon(), p.lat())) hosts.add(c.name());
            }
        }
        for (MapLayout.Site s : layout.sites()) {
            for (Country c : mainCountries) {
                if (!s.at().inset() && c.contains(s.at().lon(), s.at().lat())) hosts.add(c.name());
            }
        }
        order.sort((a, b) -> {
            boolean ha = hosts.contains(mainCountries.get(a).name());
            boolean hb = hosts.contains(mainCountries.get(b).name());
            if (ha != hb) return ha ? -1 : 1;
            return Double.compare(area.getOrDefault(mainCountries.get(b).name(), 0.0), area.getOrDefault(mainCountries.get(a).name(), 0.0));
        });
        Map<String, CountryLabel> out = new LinkedHashMap<>();
        for (int k : order) {
            Country c = mainCountries.get(k);
            if (area.getOrDefault(c.name(), 0.0) < 40 || out.containsKey(c.name())) continue;
            Area a = new Area(mainLand.get(k));
            a.intersect(visible);
            String text = c.name().toUpperCase(Locale.ROOT);
            CountryLabel placed = labels.inside(a, fm.stringWidth(text) + 4, fm.getHeight(), hosts.contains(c.name()));
            if (placed != null) out.put(c.name(), placed);
        }
        insetLabels.clear();
        if (fit.insetFrame != null) {
            for (int k = 0; k < insetCountries.size(); k++) {
                Area a = new Area(insetLand.get(k));
                a.intersect(new Area(fit.insetFrame));
                if (area(a) < 400) continue;
                String text = insetCountries.get(k).name().toUpperCase(Locale.ROOT);
                CountryLabel placed = labels.inside(a, fm.stringWidth(text) + 4, fm.getHeight(), false, fit.insetFrame);
                if (placed != null) insetLabels.put(insetCountries.get(k).name(), placed);
            }
        }
        return out;
    }

    private final transient Map<String, CountryLabel> insetLabels = new LinkedHashMap<>();

    private void drawCountryLabels(Graphics2D g) {
        g.setFont(countryFont());
        FontMetrics fm = g.getFontMetrics();
        Map<String, CountryLabel> all = new LinkedHashMap<>(drawn.countryLabels());
        insetLabels.forEach((k, v) -> all.put("inset " + k, v));
        for (var e : all.entrySet()) {
            CountryLabel placed = e.getValue();
            String text = e.getKey().replaceFirst("^inset ", "").toUpperCase(Locale.ROOT);
            if (!placed.box().contains(placed.anchor())) {
                g.setColor(Look.COUNTRY_NAME);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Line2D.Double(placed.anchor(), nearest(placed.box(), (Point2D.Double) placed.anchor())));
            }
            g.setColor(Look.COUNTRY_NAME);
            g.drawString(text, (float) placed.box().getX() + 2, (float) (placed.box().getY() + fm.getAscent()));
        }
    }

    /** The atlas's credit, small, in the top right corner; returns its box. */
    private Rectangle2D attribution(Graphics2D g, Rectangle2D r) {
        g.setFont(look.small.deriveFont((float) Math.max(10, look.small.getSize() * 0.8)));
        FontMetrics fm = g.getFontMetrics();
        String s = Atlas.ATTRIBUTION;
        Rectangle2D box = new Rectangle2D.Double(r.getMaxX() - fm.stringWidth(s) - 10, r.getY() + 2, fm.stringWidth(s) + 8, fm.getHeight());
        g.setColor(new Color(255, 255, 255, 170));
        g.fill(box);
        g.setColor(new Color(0x606060));
        g.drawString(s, (float) box.getX() + 4, (float) (box.getY() + fm.getAscent()));
        return box;
    }

    /** The inset's title on its frame: which places it shows, and that it is set apart. */
    private Rectangle2D insetTitle(Graphics2D g) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < theatre.actors; i++) if (layout.actor(i).inset()) names.add(theatre.actorNames[i]);
        String s = String.join(", ", names) + " (further south, at a scale of its own)";
        g.setFont(look.small);
        FontMetrics fm = g.getFontMetrics();
        while (fm.stringWidth(s) > fit.insetFrame.getWidth() - 8 && s.contains(" (")) {
            s = s.contains("scale of its own") ? String.join(", ", names) + " (inset)" : String.join(", ", names);
        }
        Rectangle2D box = new Rectangle2D.Double(fit.insetFrame.getX(), fit.insetFrame.getY(), Math.min(fit.insetFrame.getWidth(), fm.stringWidth(s) + 8),
                fm.getHeight());
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(box);
        g.setColor(Color.DARK_GRAY);
        g.drawString(s, (float) box.getX() + 4, (float) (box.getY() + fm.getAscent()));
        return box;
    }

    // ------------------------------------------------------------------ the abstract two-sided view

    private void paintSides(Graphics2D g, Rectangle2D r) {
        g.setColor(new Color(0xF7F7F4));
        g.fill(r);
        int[][] sides = layout.sides();
        Rectangle2D header = header(g, r);
        double top = header.getMaxY() + look.px(10);
        double bottom = r.getMaxY() - look.px(40);
        Point2D.Double[] at = new Point2D.Double[theatre.actors];
        int columns = Math.max(2, sides.length);
        g.setFont(look.headline);
        FontMetrics fm = g.getFontMetrics();
        for (int s = 0; s < sides.length; s++) {
            double x = r.getX() + r.getWidth() * (s == 0 ? 0.22 : s == 1 ? 0.78 : 0.5);
            if (sides.length > 2 && s >= 2) x = r.getX() + r.getWidth() * (0.35 + 0.3 * (s - 2) / Math.max(1, sides.length - 3));
            String name = theatre.scenario.actors().get(sides[s][0]).alignment();
            name = Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('_', ' ');
            g.setColor(Color.GRAY);
            g.drawString(name, (float) (x - fm.stringWidth(name) / 2.0), (float) (top + fm.getAscent()));
            for (int k = 0; k < sides[s].length; k++) {
                double y = top + fm.getHeight() + (bottom - top - fm.getHeight()) * (k + 1) / (sides[s].length + 1);
                at[sides[s][k]] = new Point2D.Double(x, y);
            }
        }
        if (columns == 2) {
            g.setColor(Look.GRID);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {10, 8}, 0));
            g.draw(new Line2D.Double(r.getCenterX(), top, r.getCenterX(), bottom));
        }
        for (StrikeMap.Arrow a : strikes.visible()) arrow(g, at, a, strikes.today());
        double radius = Math.max(look.px(18), Math.min(r.getWidth(), r.getHeight()) * 0.055);
        drawDiscs(g, at, radius);
        Labels labels = new Labels(r);
        labels.take(header);
        for (Point2D.Double p : at) labels.take(new Rectangle2D.Double(p.x - radius, p.y - radius, 2 * radius, 2 * radius));
        Rectangle2D legend = legend(g, r);
        labels.take(legend);
        g.setFont(look.headline);
        Map<Integer, Rectangle2D> names = new LinkedHashMap<>();
        FontMetrics nf = g.getFontMetrics();
        Chronicle.Day day = latest;
        for (int i = 0; i < at.length; i++) {
            String name = theatre.actorNames[i];
            Rectangle2D box = labels.below(at[i], radius, nf.stringWidth(name) + 6, nf.getHeight());
            names.put(i, box);
            halo(g, name, (float) box.getX() + 3, (float) (box.getY() + nf.getAscent()), look.headline, ActorPalette.of(i).darker());
            // What the room can compare between two runs: attacks launched so far, and people killed on this side.
            String tally = (day == null ? 0 : day.attacksSoFar()[i]) + " attacks so far · " + (day == null ? 0 : day.killedAmong()[i]) + " killed on this side";
            g.setFont(look.text);
            FontMetrics tf = g.getFontMetrics();
            Rectangle2D t = labels.below(new Point2D.Double(box.getCenterX(), box.getMaxY()), 0, tf.stringWidth(tally) + 6, tf.getHeight());
            halo(g, tally, (float) t.getX() + 3, (float) (t.getY() + tf.getAscent()), look.text, Color.DARK_GRAY);
            g.setFont(look.headline);
        }
        drawn = new Drawn(Map.of(), Map.of(), names, List.of(at));
    }

    // ------------------------------------------------------------------ strikes, header, legend

    /** An arrow from attacker to target, bent to its right so that answers do not hide the attacks they answer. */
    private void arrow(Graphics2D g, Point2D.Double[] at, StrikeMap.Arrow a, int today) {
        double opacity = a.opacity(today);
        if (opacity <= 0) return;
        Point2D.Double p = at[a.attacker()];
        Point2D.Double q = at[a.target()];
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double len = Math.hypot(dx, dy);
        if (len < 1) return;
        double bend = 0.18 * len;
        Point2D.Double c = new Point2D.Double((p.x + q.x) / 2 - dy / len * bend, (p.y + q.y) / 2 + dx / len * bend);
        double ex = q.x - c.x;
        double ey = q.y - c.y;
        double el = Math.hypot(ex, ey);
        double stop = look.px(18);
        Point2D.Double end = new Point2D.Double(q.x - ex / el * stop, q.y - ey / el * stop);
        Color colour = Look.fade(Look.rung(theatre, a.rung()), opacity);
        double k = look.scale;
        float width = (float) (k * (a.signal() ? 2 : 2.5 + Math.min(4, Math.log1p(a.launched()))));
        Stroke stroke = a.signal() ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {2, 6}, 0)
                : a.allIntercepted() ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12, 8}, 0)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new QuadCurve2D.Double(p.x, p.y, c.x, c.y, end.x, end.y));
        double hl = Math.hypot(end.x - c.x, end.y - c.y);
        double hx = (end.x - c.x) / hl;
        double hy = (end.y - c.y) / hl;
        double size = k * 8 + 2 * width;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(end.x, end.y);
        head.lineTo(end.x - hx * size - hy * size * 0.5, end.y - hy * size + hx * size * 0.5);
        head.lineTo(end.x - hx * size + hy * size * 0.5, end.y - hy * size - hx * size * 0.5);
        head.closePath();
        g.fill(head);
        g.setStroke(new BasicStroke((float) (2.5 * k)));
        if (a.allIntercepted()) {
            double mx = 0.25 * p.x + 0.5 * c.x + 0.25 * end.x;
            double my = 0.25 * p.y + 0.5 * c.y + 0.25 * end.y;
            double s = 7 * k;
            g.draw(new Line2D.Double(mx - s, my - s, mx + s, my + s));
            g.draw(new Line2D.Double(mx - s, my + s, mx + s, my - s));
        } else if (a.killed() > 0) {
            double br = k * (15 + 3 * Math.sqrt(a.killed()));
            g.setColor(Look.fade(Look.PREVIOUS, opacity));
            g.draw(new Ellipse2D.Double(q.x - br, q.y - br, 2 * br, 2 * br));
        }
    }

    /** The largest box the header may take, for placing labels clear of it. */
    private Rectangle2D headerBox(Graphics2D g, Rectangle2D r) {
        String rung = "Before the first day: press play";
        g.setFont(look.headline);
        for (String name : theatre.rungNames) {
            String s = "Winter  ·  Today: " + name;
            if (g.getFontMetrics().stringWidth(s) > g.getFontMetrics().stringWidth(rung)) rung = s;
        }
        return header(g, r, "28 September 2024", rung, 0, false);
    }

    /** The date in large type and today's rung, top left, on a light box; returns the box. */
    private Rectangle2D header(Graphics2D g, Rectangle2D r) {
        Chronicle.Day day = latest;
        String date = day == null ? theatre.start.format(DATE) : day.date().format(DATE);
        int level = day == null ? 0 : day.level();
        String rung = day == null ? "Before the first day: press play"
                : (day.winter() ? "Winter  ·  " : "") + (level == 0 ? "Calm day" : "Today: " + theatre.rungNames[level - 1]);
        return header(g, r, date, rung, level, true);
    }

    private Rectangle2D header(Graphics2D g, Rectangle2D r, String date, String rung, int level, boolean draw) {
        g.setFont(look.date);
        FontMetrics df = g.getFontMetrics();
        g.setFont(look.headline);
        FontMetrics hf = g.getFontMetrics();
        double pad = look.px(8);
        double w = Math.max(df.stringWidth(date), hf.stringWidth(rung)) + 2 * pad;
        double h = df.getHeight() + hf.getHeight() + pad;
        Rectangle2D box = new Rectangle2D.Double(r.getX() + pad, r.getY() + pad, Math.min(w, r.getWidth() - 2 * pad), h);
        if (!draw) return box;
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(box);
        g.setColor(Color.BLACK);
        g.setFont(look.date);
        g.drawString(date, (float) (box.getX() + pad), (float) (box.getY() + df.getAscent()));
        g.setFont(look.headline);
        g.setColor(level == 0 ? Color.DARK_GRAY : Look.rung(theatre, level - 1).darker());
        g.drawString(rung, (float) (box.getX() + pad), (float) (box.getY() + df.getHeight() + hf.getAscent()));
        return box;
    }

    /** One line along the bottom: what the strokes mean (the colours are the rungs of the escalation chart's axis). */
    private Rectangle2D legend(Graphics2D g, Rectangle2D r) {
        g.setFont(look.small);
        FontMetrics fm = g.getFontMetrics();
        String[] labels = {"got through (circle: killed)", "all intercepted", "threat", "colour: rung, as on the escalation chart"};
        double k = look.scale;
        double sample = 30 * k;
        double gap = 14 * k;
        double w = gap;
        for (int i = 0; i < labels.length; i++) w += (i < 3 ? sample + 6 * k : 0) + fm.stringWidth(labels[i]) + gap;
        double h = fm.getHeight() + 8 * k;
        Rectangle2D inset = layout.geographic() && fit != null ? fit.insetFrame : null;
        boolean right = inset != null && inset.getMinX() < r.getCenterX();
        // The room beside the inset, if there is one in a bottom corner.
        double room = inset == null ? r.getWidth() - 16 : right ? r.getMaxX() - inset.getMaxX() - 16 : inset.getMinX() - r.getX() - 16;
        int shown = labels.length;
        if (w > room) {
            w -= fm.stringWidth(labels[3]) - fm.stringWidth("colour: rung");
            labels[3] = "colour: rung";
        }
        if (w > room) {
            w -= fm.stringWidth(labels[3]) + gap;
            shown = 3;
        }
        double x = right ? r.getMaxX() - w - 8 : r.getX() + 8;
        double y = r.getMaxY() - h - 6;
        Rectangle2D box = new Rectangle2D.Double(x, y, Math.min(w, r.getWidth() - 16), h);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(box);
        Color mid = Look.rung(theatre, theatre.lowestKineticRung);
        Stroke[] strokes = {new BasicStroke((float) (3.5 * k)), new BasicStroke((float) (3.5 * k), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12, 8}, 0),
                new BasicStroke((float) (2 * k), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {2, 6}, 0)};
        double cx = x + gap;
        double base = y + 4 * k + fm.getAscent();
        for (int i = 0; i < shown; i++) {
            if (i < 3) {
                g.setColor(i == 2 ? Look.SIGNAL : mid);
                g.setStroke(strokes[i]);
                g.draw(new Line2D.Double(cx, base - fm.getAscent() / 3.0, cx + sample, base - fm.getAscent() / 3.0));
                cx += sample + 6 * k;
            }
            g.setColor(Color.BLACK);
            g.drawString(labels[i], (float) cx, (float) base);
            cx += fm.stringWidth(labels[i]) + gap;
        }
        return box;
    }

    private static void halo(Graphics2D g, String text, float x, float y, Font font, Color colour) {
        g.setFont(font);
        g.setColor(new Color(255, 255, 255, 215));
        FontMetrics fm = g.getFontMetrics();
        g.fill(new Rectangle2D.Double(x - 3, y - fm.getAscent(), fm.stringWidth(text) + 6, fm.getHeight()));
        g.setColor(colour);
        g.drawString(text, x, y);
    }
}
