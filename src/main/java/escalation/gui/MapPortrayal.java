package escalation.gui;

import escalation.model.Theatre;
import escalation.report.ActorPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import sim.portrayal.simple.OvalPortrayal2D;

/**
 * The map of the region, as a MASON field portrayal drawn in a {@link sim.display.Display2D}: a
 * latitude-longitude grid, the supply corridor (each link's thickness is the share of full flow it
 * carries today), the actors and their bases, the strikes of the last days as arrows from attacker
 * to target coloured by rung and fading day by day (solid with a burst when something got through,
 * dashed and crossed when everything was intercepted, thin blue for threats), and the date in large
 * type. Its field is the run's {@link StrikeMap}.
 */
final class MapPortrayal extends FieldPortrayal2D {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private final Theatre theatre;
    private final MapLayout layout;
    private volatile Chronicle.Day latest;

    MapPortrayal(Theatre theatre, MapLayout layout, StrikeMap strikes) {
        this.theatre = theatre;
        this.layout = layout;
        setField(strikes);
    }

    /** The day whose date, level and corridor the map shows. */
    void show(Chronicle.Day day) {
        latest = day;
    }

    @Override public Portrayal getDefaultPortrayal() {
        return new OvalPortrayal2D();
    }

    @Override public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        StrikeMap strikes = (StrikeMap) object;
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Rectangle2D r = info.draw;
            g2.setColor(Look.SEA);
            g2.fill(r);
            Frame f = new Frame(r, layout.aspect);
            grid(g2, f);
            corridor(g2, f);
            sites(g2, f);
            for (StrikeMap.Arrow a : strikes.visible()) arrow(g2, f, a, strikes.today());
            actors(g2, f);
            header(g2, r);
            legend(g2, r);
        } finally {
            g2.dispose();
        }
    }

    /** The unit square of the layout fitted into the display, keeping the map's proportions, below the header. */
    private record Frame(double x, double y, double w, double h) {
        Frame(Rectangle2D r, double aspect) {
            this(fit(r, aspect));
        }

        private Frame(double[] v) {
            this(v[0], v[1], v[2], v[3]);
        }

        private static double[] fit(Rectangle2D r, double aspect) {
            double top = 100;
            double availW = r.getWidth() - 40;
            double availH = r.getHeight() - top - 16;
            double w = Math.min(availW, availH / aspect);
            double h = w * aspect;
            return new double[] {r.getX() + (r.getWidth() - w) / 2, r.getY() + top + (availH - h) / 2, w, h};
        }

        Point2D.Double at(Point2D.Double unit) {
            return new Point2D.Double(x + unit.x * w, y + unit.y * h);
        }
    }

    private void grid(Graphics2D g, Frame f) {
        double[] b = layout.bounds();
        g.setFont(Look.SMALL);
        g.setStroke(new BasicStroke(1f));
        for (int lat = (int) Math.ceil(b[0] / 5) * 5; lat <= b[1]; lat += 5) {
            Point2D.Double w = f.at(layout.at(lat, b[2]));
            Point2D.Double e = f.at(layout.at(lat, b[3]));
            g.setColor(Look.GRID);
            g.draw(new Line2D.Double(w, e));
            g.setColor(Color.GRAY);
            g.drawString(lat + "°N", (float) w.x + 4, (float) w.y - 4);
        }
        for (int lon = (int) Math.ceil(b[2] / 5) * 5; lon <= b[3]; lon += 5) {
            Point2D.Double n = f.at(layout.at(b[1], lon));
            Point2D.Double s = f.at(layout.at(b[0], lon));
            g.setColor(Look.GRID);
            g.draw(new Line2D.Double(n, s));
            g.setColor(Color.GRAY);
            g.drawString(lon + "°E", (float) s.x + 4, (float) s.y - 4);
        }
    }

    private void corridor(Graphics2D g, Frame f) {
        Chronicle.Day day = latest;
        g.setFont(Look.SMALL);
        for (int l = 0; l < theatre.linkIds.length; l++) {
            Point2D.Double from = layout.hub(theatre.linkFrom[l]);
            Point2D.Double to = layout.hub(theatre.linkTo[l]);
            if (from == null || to == null) continue;
            double capacity = day == null ? 1 : day.corridorCapacity()[l];
            Point2D.Double a = f.at(from);
            Point2D.Double b = f.at(to);
            g.setColor(Look.fade(Look.CORRIDOR, 0.25));
            g.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(a, b));
            if (capacity > 0.01) {
                g.setColor(Look.CORRIDOR);
                g.setStroke(new BasicStroke((float) (16 * capacity), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(a, b));
            }
            if (capacity < 0.995) {
                // A struck link says so, with the share of full flow it carries today.
                String label = theatre.scenario.corridor().links().get(l).name() + " " + Math.round(100 * capacity) + "%";
                halo(g, label, (float) ((a.x + b.x) / 2) + 10, (float) ((a.y + b.y) / 2) + 22, Look.SMALL, Look.CORRIDOR.darker());
            }
        }
        for (int h = 0; h < theatre.nodes.length; h++) {
            Point2D.Double p = layout.hub(h);
            if (p == null) continue;
            Point2D.Double q = f.at(p);
            g.setColor(Look.CORRIDOR);
            g.fill(new Rectangle2D.Double(q.x - 5, q.y - 5, 10, 10));
        }
    }

    private void sites(Graphics2D g, Frame f) {
        for (MapLayout.Site s : layout.sites()) {
            Point2D.Double p = f.at(s.at());
            Point2D.Double home = f.at(layout.actor(s.actor()));
            Color c = ActorPalette.of(s.actor());
            g.setColor(Look.fade(c, 0.4));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
            g.draw(new Line2D.Double(p, home));
            g.setColor(c);
            g.fill(new Rectangle2D.Double(p.x - 7, p.y - 7, 14, 14));
            halo(g, s.name(), (float) p.x + 10, (float) p.y + 5, Look.SMALL, c.darker());
        }
    }

    private void actors(Graphics2D g, Frame f) {
        double r = 11;
        List<Rectangle2D> taken = new ArrayList<>();
        Point2D.Double[] at = new Point2D.Double[theatre.actors];
        for (int i = 0; i < theatre.actors; i++) {
            at[i] = f.at(layout.actor(i));
            taken.add(new Rectangle2D.Double(at[i].x - r, at[i].y - r, 2 * r, 2 * r));
        }
        for (int i = 0; i < theatre.actors; i++) {
            Point2D.Double p = at[i];
            Color c = ActorPalette.of(i);
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(p.x - r - 3, p.y - r - 3, 2 * r + 6, 2 * r + 6));
            g.setColor(c);
            g.fill(new Ellipse2D.Double(p.x - r, p.y - r, 2 * r, 2 * r));
            if (!layout.located(i)) {
                g.setColor(Color.WHITE);
                g.setFont(Look.LABEL);
                g.drawString("?", (float) p.x - 5, (float) p.y + 6);
            }
        }
        g.setFont(Look.LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < theatre.actors; i++) {
            Rectangle2D label = placeLabel(at[i], r, fm.stringWidth(theatre.actorNames[i]) + 6, fm.getHeight(), taken, f);
            taken.add(label);
            Color c = ActorPalette.of(i).darker();
            double cy = label.getCenterY();
            double lx = label.getX() > at[i].x ? label.getX() : label.getMaxX();
            if (Math.abs(cy - at[i].y) > r) {
                g.setColor(Look.fade(c, 0.6));
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Line2D.Double(at[i].x, at[i].y, lx, cy));
            }
            halo(g, theatre.actorNames[i], (float) label.getX() + 3, (float) (label.getY() + fm.getAscent()), Look.LABEL, c);
        }
    }

    /**
     * The first place beside the actor's disc, right then left, stepping up and down, where its label
     * overlaps no disc and no label placed before: crowded capitals stay legible.
     */
    private static Rectangle2D placeLabel(Point2D.Double p, double r, double w, double h, List<Rectangle2D> taken, Frame f) {
        Rectangle2D first = null;
        for (int step = 0; step <= 8; step++) {
            for (int sign : step == 0 ? new int[] {1} : new int[] {-1, 1}) {
                double y = p.y - h / 2 + sign * step * (h * 0.8);
                for (double x : new double[] {p.x + r + 6, p.x - r - 6 - w}) {
                    Rectangle2D cand = new Rectangle2D.Double(x, y, w, h);
                    if (first == null) first = cand;
                    boolean free = true;
                    for (Rectangle2D t : taken) {
                        if (t.intersects(cand)) {
                            free = false;
                            break;
                        }
                    }
                    if (free) return cand;
                }
            }
        }
        return first;
    }

    /** An arrow from attacker to target, bent to its right so that answers do not hide the attacks they answer. */
    private void arrow(Graphics2D g, Frame f, StrikeMap.Arrow a, int today) {
        double opacity = a.opacity(today);
        if (opacity <= 0) return;
        Point2D.Double p = f.at(layout.actor(a.attacker()));
        Point2D.Double q = f.at(layout.actor(a.target()));
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double len = Math.hypot(dx, dy);
        if (len < 1) return;
        double bend = 0.18 * len;
        Point2D.Double c = new Point2D.Double((p.x + q.x) / 2 - dy / len * bend, (p.y + q.y) / 2 + dx / len * bend);
        // Stop short of the target's disc so that the head stays visible.
        double ex = q.x - c.x;
        double ey = q.y - c.y;
        double el = Math.hypot(ex, ey);
        Point2D.Double end = new Point2D.Double(q.x - ex / el * 20, q.y - ey / el * 20);
        Color colour = Look.fade(Look.rung(theatre, a.rung()), opacity);
        float width = a.signal() ? 2f : (float) (3 + Math.min(5, Math.log1p(a.launched())));
        Stroke stroke = a.signal() ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {2, 6}, 0)
                : a.allIntercepted() ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12, 8}, 0)
                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new QuadCurve2D.Double(p.x, p.y, c.x, c.y, end.x, end.y));
        double hx = (end.x - c.x) / Math.hypot(end.x - c.x, end.y - c.y);
        double hy = (end.y - c.y) / Math.hypot(end.x - c.x, end.y - c.y);
        double size = 10 + 2 * width;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(end.x, end.y);
        head.lineTo(end.x - hx * size - hy * size * 0.5, end.y - hy * size + hx * size * 0.5);
        head.lineTo(end.x - hx * size + hy * size * 0.5, end.y - hy * size - hx * size * 0.5);
        head.closePath();
        g.fill(head);
        g.setStroke(new BasicStroke(3f));
        if (a.allIntercepted()) {
            // A cross where the salvo was stopped.
            double mx = 0.25 * p.x + 0.5 * c.x + 0.25 * end.x;
            double my = 0.25 * p.y + 0.5 * c.y + 0.25 * end.y;
            g.draw(new Line2D.Double(mx - 9, my - 9, mx + 9, my + 9));
            g.draw(new Line2D.Double(mx - 9, my + 9, mx + 9, my - 9));
        } else if (a.killed() > 0) {
            double br = 18 + 4 * Math.sqrt(a.killed());
            g.setColor(Look.fade(new Color(0xB2182B), opacity));
            g.draw(new Ellipse2D.Double(q.x - br, q.y - br, 2 * br, 2 * br));
        }
    }

    private void header(Graphics2D g, Rectangle2D r) {
        Chronicle.Day day = latest;
        float x = (float) r.getX() + 24;
        float y = (float) r.getY() + 54;
        g.setFont(Look.DATE);
        g.setColor(Color.BLACK);
        String date = day == null ? theatre.start.format(DATE) : day.date().format(DATE);
        g.drawString(date, x, y);
        FontMetrics fm = g.getFontMetrics();
        float after = x + fm.stringWidth(date) + 24;
        g.setFont(Look.HEADLINE);
        g.setColor(Color.DARK_GRAY);
        g.drawString(day == null ? "press play" : "day " + (day.day() + 1) + " of " + theatre.days, after, y);
        float x2 = x;
        if (day != null && day.winter()) {
            g.setColor(Look.SIGNAL);
            g.drawString("Winter  ·  ", x2, y + 38);
            x2 += g.getFontMetrics().stringWidth("Winter  ·  ");
        }
        int level = day == null ? 0 : day.level();
        String rung = level == 0 ? "Calm day" : "Today: " + theatre.rungNames[level - 1];
        g.setColor(level == 0 ? Color.DARK_GRAY : Look.rung(theatre, level - 1).darker());
        g.drawString(rung, x2, y + 38);
    }

    private void legend(Graphics2D g, Rectangle2D r) {
        Font font = Look.SMALL;
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        String[] labels = {"hit (circle: people killed)", "all intercepted", "threat"};
        int lineH = fm.getHeight() + 4;
        int w = 60 + fm.stringWidth(labels[0]) + 16;
        int rungRows = theatre.rungs() - theatre.lowestKineticRung;
        int h = lineH * (labels.length + 1 + rungRows) + 12;
        float x = (float) (r.getMaxX() - w - 12);
        float y = (float) (r.getMaxY() - h - 12);
        g.setColor(new Color(255, 255, 255, 220));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x, y, w, h));
        float ty = y + lineH;
        Color mid = Look.rung(theatre, theatre.lowestKineticRung);
        Stroke[] strokes = {new BasicStroke(4f), new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12, 8}, 0),
                new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {2, 6}, 0)};
        for (int k = 0; k < labels.length; k++) {
            g.setColor(k == 2 ? Look.SIGNAL : mid);
            g.setStroke(strokes[k]);
            g.draw(new Line2D.Double(x + 10, ty - 5, x + 50, ty - 5));
            g.setColor(Color.BLACK);
            g.drawString(labels[k], x + 60, ty);
            ty += lineH;
        }
        g.drawString("Rungs (arrow colour):", x + 10, ty);
        ty += lineH;
        for (int rung = theatre.lowestKineticRung; rung < theatre.rungs(); rung++) {
            g.setColor(Look.rung(theatre, rung));
            g.fill(new Rectangle2D.Double(x + 10, ty - 12, 40, 10));
            g.setColor(Color.BLACK);
            String name = theatre.rungNames[rung];
            while (fm.stringWidth(name) > w - 70 && name.length() > 4) name = name.substring(0, name.length() - 2);
            g.drawString(name.equals(theatre.rungNames[rung]) ? name : name + "…", x + 60, ty);
            ty += lineH;
        }
    }

    private static void halo(Graphics2D g, String text, float x, float y, Font font, Color colour) {
        g.setFont(font);
        g.setColor(new Color(255, 255, 255, 210));
        FontMetrics fm = g.getFontMetrics();
        g.fill(new Rectangle2D.Double(x - 3, y - fm.getAscent(), fm.stringWidth(text) + 6, fm.getHeight()));
        g.setColor(colour);
        g.drawString(text, x, y);
    }
}
