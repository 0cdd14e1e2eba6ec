package escalation.gui;

import java.awt.geom.Area;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the map's labels so that none covers another: each label takes the first free box among
 * candidates near what it names (beside a disc, or well inside a country), and every box taken, labels
 * and discs alike, blocks the later ones.
 */
final class Labels {
    private final Rectangle2D bounds;
    private final List<Rectangle2D> taken = new ArrayList<>();

    Labels(Rectangle2D bounds) {
        this.bounds = bounds;
    }

    /** Another placer with the same boxes taken, for labels that come and go (a struck corridor link's). */
    Labels copy() {
        Labels l = new Labels(bounds);
        l.taken.addAll(taken);
        return l;
    }

    void take(Rectangle2D r) {
        taken.add(r);
    }

    boolean free(Rectangle2D r) {
        if (!bounds.contains(r)) return false;
        for (Rectangle2D t : taken) {
            if (t.intersects(r)) return false;
        }
        return true;
    }

    /**
     * A box for the label of a disc at {@code p} of radius {@code r}: beside it (right, left, above, below,
     * the diagonals), then further out; if no box is free, the one overlapping least. The box is taken.
     */
    Rectangle2D around(Point2D.Double p, double r, double w, double h) {
        return first(candidates(p, r, w, h, 7));
    }

    private static List<Rectangle2D> candidates(Point2D.Double p, double r, double w, double h, int rings) {
        List<Rectangle2D> candidates = new ArrayList<>();
        double gap = 4;
        for (int ring = 0; ring < rings; ring++) {
            double d = ring * h * 0.9;
            candidates.add(new Rectangle2D.Double(p.x + r + gap + d, p.y - h / 2, w, h));
            candidates.add(new Rectangle2D.Double(p.x - r - gap - d - w, p.y - h / 2, w, h));
            candidates.add(new Rectangle2D.Double(p.x + r / 2 + d, p.y - r - gap - h - d, w, h));
            candidates.add(new Rectangle2D.Double(p.x + r / 2 + d, p.y + r + gap + d, w, h));
            candidates.add(new Rectangle2D.Double(p.x - r / 2 - w - d, p.y - r - gap - h - d, w, h));
            candidates.add(new Rectangle2D.Double(p.x - r / 2 - w - d, p.y + r + gap + d, w, h));
            candidates.add(new Rectangle2D.Double(p.x - w / 2, p.y - r - gap - h - d, w, h));
            candidates.add(new Rectangle2D.Double(p.x - w / 2, p.y + r + gap + d, w, h));
        }
        return candidates;
    }

    /** A box centred below a disc, else one around it. The box is taken. */
    Rectangle2D below(Point2D.Double p, double r, double w, double h) {
        Rectangle2D b = new Rectangle2D.Double(p.x - w / 2, p.y + r + 4, w, h);
        if (free(b)) {
            taken.add(b);
            return b;
        }
        return around(p, r, w, h);
    }

    private Rectangle2D first(List<Rectangle2D> candidates) {
        for (Rectangle2D c : candidates) {
            if (free(c)) {
                taken.add(c);
                return c;
            }
        }
        Rectangle2D best = candidates.stream().min(Comparator.comparingDouble(this::overlap)).orElseThrow();
        taken.add(best);
        return best;
    }

    private double overlap(Rectangle2D c) {
        double sum = 0;
        for (Rectangle2D t : taken) {
            Rectangle2D i = c.createIntersection(t);
            if (!i.isEmpty()) sum += i.getWidth() * i.getHeight();
        }
        Rectangle2D in = c.createIntersection(bounds);
        return sum + (c.getWidth() * c.getHeight() - (in.isEmpty() ? 0 : in.getWidth() * in.getHeight())) * 10;
    }

    /**
     * A free box for the name of a country whose visible part is {@code a}, centred on a point inside it
     * (points deep inside first, then nearer its middle), or null when none is free. When {@code needed},
     * a label that fits nowhere inside is set beside the country's middle instead, its anchor still inside.
     */
    MapView.CountryLabel inside(Area a, double w, double h, boolean needed) {
        return inside(a, w, h, needed, bounds);
    }

    /** As {@link #inside(Area, double, double, boolean)}, the label kept within {@code within} (an inset's frame). */
    MapView.CountryLabel inside(Area a, double w, double h, boolean needed, Rectangle2D within) {
        Rectangle2D b = a.getBounds2D();
        if (b.isEmpty()) return null;
        List<Point2D.Double> points = new ArrayList<>();
        int n = 14;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                Point2D.Double p = new Point2D.Double(b.getX() + b.getWidth() * (i + 0.5) / (n + 1), b.getY() + b.getHeight() * (j + 0.5) / (n + 1));
                if (a.contains(p)) points.add(p);
            }
        }
        if (points.isEmpty()) points.add(new Point2D.Double(b.getCenterX(), b.getCenterY()));
        double mx = points.stream().mapToDouble(p -> p.x).average().orElse(b.getCenterX());
        double my = points.stream().mapToDouble(p -> p.y).average().orElse(b.getCenterY());
        points.sort(Comparator.comparingDouble((Point2D.Double p) -> -depth(a, p, w, h)).thenComparingDouble(p -> p.distance(mx, my)));
        for (Point2D.Double p : points) {
            Rectangle2D box = new Rectangle2D.Double(p.x - w / 2, p.y - h / 2, w, h);
            if (within.contains(box) && free(box)) {
                taken.add(box);
                return new MapView.CountryLabel(box, p);
            }
        }
        if (!needed) return null;
        Point2D.Double anchor = points.get(0);
        for (Rectangle2D box : candidates(anchor, 3, w, h, 12)) {
            if (free(box)) {
                taken.add(box);
                return new MapView.CountryLabel(box, anchor);
            }
        }
        return null;
    }

    /** How much of a label box centred at {@code p} lies inside the country: 0 to 5, by corners and middle. */
    private static int depth(Area a, Point2D.Double p, double w, double h) {
        int d = 0;
        for (double[] c : new double[][] {{0, 0}, {-w / 2, -h / 2}, {w / 2, -h / 2}, {-w / 2, h / 2}, {w / 2, h / 2}}) {
            if (a.contains(p.x + c[0], p.y + c[1])) d++;
        }
        return d;
    }
}
