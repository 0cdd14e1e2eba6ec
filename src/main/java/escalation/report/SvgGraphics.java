package escalation.report;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A {@link Graphics2D} that records what is drawn as an SVG document, for the charts: shapes become
 * paths in the page's coordinates (the current transform applied), text stays text (so that a chart's
 * labels can be searched and read), clips become clip paths, a {@link GradientPaint} a linear gradient,
 * an image an embedded PNG. Every number is written with ASCII digits and a point, rounded to 1/100 of
 * a pixel (text also with the width Java's font metrics gave it, so that the chart's layout holds in
 * a reader's fonts), and every id is the given prefix and a counter, so the same drawing gives the same bytes in
 * every locale and on every run. Font metrics (which chart layout needs) come from Java2D's own.
 */
final class SvgGraphics extends Graphics2D {
    /** What every copy of one drawing shares: the elements, the definitions and their ids. */
    private static final class Drawing {
        final int width;
        final int height;
        final String prefix;
        final StringBuilder body = new StringBuilder(1 << 16);
        final StringBuilder defs = new StringBuilder();
        final Map<String, String> clips = new HashMap<>();
        final Map<String, String> gradients = new HashMap<>();
        final Graphics2D metrics;

        Drawing(int width, int height, String prefix) {
            this.width = width;
            this.height = height;
            this.prefix = prefix;
            metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        }
    }

    private final Drawing drawing;
    private AffineTransform transform;
    private Paint paint;
    private Color color;
    private Color background;
    private Stroke stroke;
    private Font font;
    private Composite composite;
    /** The clip in page coordinates, or null for none. */
    private Shape clip;
    private final RenderingHints hints;

    /** A drawing of {@code width} by {@code height} pixels whose definitions' ids start with {@code idPrefix}. */
    SvgGraphics(int width, int height, String idPrefix) {
        drawing = new Drawing(width, height, idPrefix);
        transform = new AffineTransform();
        paint = Color.BLACK;
        color = Color.BLACK;
        background = Color.WHITE;
        stroke = new BasicStroke(1f);
        font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        composite = AlphaComposite.SrcOver;
        hints = new RenderingHints(null);
    }

    private SvgGraphics(SvgGraphics g) {
        drawing = g.drawing;
        transform = new AffineTransform(g.transform);
        paint = g.paint;
        color = g.color;
        background = g.background;
        stroke = g.stroke;
        font = g.font;
        composite = g.composite;
        clip = g.clip;
        hints = (RenderingHints) g.hints.clone();
    }

    /** The SVG document of everything drawn so far. */
    String document() {
        StringBuilder b = new StringBuilder(drawing.body.length() + drawing.defs.length() + 400);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(drawing.width).append("\" height=\"").append(drawing.height).append("\" viewBox=\"0 0 ")
                .append(drawing.width).append(' ').append(drawing.height).append("\" text-rendering=\"geometricPrecision\">\n");
        if (drawing.defs.length() > 0) b.append("<defs>\n").append(drawing.defs).append("</defs>\n");
        b.append(drawing.body).append("</svg>\n");
        return b.toString();
    }

    // ------------------------------------------------------------------ numbers and text

    /** A coordinate rounded to 1/100, with ASCII digits whatever the locale. */
    static String num(double v) {
        if (!Double.isFinite(v)) return "0";
        long r = Math.round(v * 100);
        if (r == 0) return "0";
        return BigDecimal.valueOf(r, 2).stripTrailingZeros().toPlainString();
    }

    /** Text as XML character data or an attribute value; characters XML cannot hold are left out. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c))) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The outline of {@code s} in page coordinates as path data. */
    private String path(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(transform); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3])).append(' ').append(num(c[4])).append(' ').append(num(c[5]));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> { }
            }
        }
        return d.toString();
    }

    private static boolean evenOdd(Shape s) {
        return s.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD;
    }

    private double alpha() {
        return composite instanceof AlphaComposite a ? a.getAlpha() : 1.0;
    }

    /** The paint as an SVG paint and its opacity: {@code fill="..." fill-opacity="..."} for {@code what} "fill" or "stroke". */
    private String paint(String what) {
        double opacity = alpha();
        String value;
        if (paint instanceof Color c) {
            value = rgb(c);
            opacity *= c.getAlpha() / 255.0;
        } else if (paint instanceof GradientPaint g) {
            value = "url(#" + gradient(g) + ")";
        } else {
            value = rgb(color);
            opacity *= color.getAlpha() / 255.0;
        }
        StringBuilder b = new StringBuilder(" ").append(what).append("=\"").append(value).append('"');
        if (opacity < 1) b.append(' ').append(what).append("-opacity=\"").append(BigDecimal.valueOf(Math.round(opacity * 1000), 3)
                .stripTrailingZeros().toPlainString()).append('"');
        return b.toString();
    }

    private static String rgb(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private String gradient(GradientPaint g) {
        Point2D a = transform.transform(g.getPoint1(), null);
        Point2D z = transform.transform(g.getPoint2(), null);
        String def = "x1=\"" + num(a.getX()) + "\" y1=\"" + num(a.getY()) + "\" x2=\"" + num(z.getX()) + "\" y2=\"" + num(z.getY())
                + "\" gradientUnits=\"userSpaceOnUse\"" + (g.isCyclic() ? " spreadMethod=\"reflect\"" : "") + ">"
                + stop(0, g.getColor1()) + stop(1, g.getColor2());
        return drawing.gradients.computeIfAbsent(def, k -> {
            String id = drawing.prefix + "gradient-" + drawing.gradients.size();
            drawing.defs.append("<linearGradient id=\"").append(id).append("\" ").append(k).append("</linearGradient>\n");
            return id;
        });
    }

    private static String stop(double offset, Color c) {
        return "<stop offset=\"" + num(offset) + "\" stop-color=\"" + rgb(c) + "\""
                + (c.getAlpha() < 255 ? " stop-opacity=\"" + num(c.getAlpha() / 255.0) + "\"" : "") + "/>";
    }

    /** The clip-path attribute of an element drawn now, defining the clip path the first time it is used. */
    private String clipAttribute() {
        if (clip == null) return "";
        AffineTransform saved = transform;
        transform = new AffineTransform();
        String d = path(clip);
        transform = saved;
        String key = (evenOdd(clip) ? "evenodd " : "nonzero ") + d;
        String id = drawing.clips.computeIfAbsent(key, k -> {
            String n = drawing.prefix + "clip-" + drawing.clips.size();
            drawing.defs.append("<clipPath id=\"").append(n).append("\"><path d=\"").append(d).append('"')
                    .append(evenOdd(clip) ? " clip-rule=\"evenodd\"" : "").append("/></clipPath>\n");
            return n;
        });
        return " clip-path=\"url(#" + id + ")\"";
    }

    // ------------------------------------------------------------------ drawing

    @Override public void fill(Shape s) {
        String d = path(s);
        if (d.isEmpty()) return;
        drawing.body.append("<path d=\"").append(d).append('"').append(paint("fill"))
                .append(evenOdd(s) ? " fill-rule=\"evenodd\"" : "").append(clipAttribute()).append("/>\n");
    }

    @Override public void draw(Shape s) {
        if (!(stroke instanceof BasicStroke bs)) {
            fill(stroke.createStrokedShape(s));
            return;
        }
        String d = path(s);
        if (d.isEmpty()) return;
        double scale = Math.sqrt(Math.abs(transform.getDeterminant()));
        double width = bs.getLineWidth() * scale;
        StringBuilder b = drawing.body;
        b.append("<path d=\"").append(d).append("\" fill=\"none\"").append(paint("stroke"))
                .append(" stroke-width=\"").append(num(width > 0 ? width : 1)).append('"');
        switch (bs.getEndCap()) {
            case BasicStroke.CAP_ROUND -> b.append(" stroke-linecap=\"round\"");
            case BasicStroke.CAP_SQUARE -> b.append(" stroke-linecap=\"square\"");
            default -> { }
        }
        switch (bs.getLineJoin()) {
            case BasicStroke.JOIN_ROUND -> b.append(" stroke-linejoin=\"round\"");
            case BasicStroke.JOIN_BEVEL -> b.append(" stroke-linejoin=\"bevel\"");
            default -> {
                if (bs.getMiterLimit() != 4f) b.append(" stroke-miterlimit=\"").append(num(bs.getMiterLimit())).append('"');
            }
        }
        float[] dash = bs.getDashArray();
        if (dash != null && dash.length > 0) {
            b.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) b.append(i == 0 ? "" : ",").append(num(dash[i] * scale));
            b.append('"');
            if (bs.getDashPhase() != 0) b.append(" stroke-dashoffset=\"").append(num(bs.getDashPhase() * scale)).append('"');
        }
        b.append(clipAttribute()).append("/>\n");
    }

    @Override public void drawString(String text, float x, float y) {
        if (text == null || text.isEmpty()) return;
        StringBuilder b = drawing.body;
        b.append("<text");
        boolean plain = (transform.getType() & ~AffineTransform.TYPE_TRANSLATION) == 0;
        if (plain) {
            b.append(" x=\"").append(num(x + transform.getTranslateX())).append("\" y=\"").append(num(y + transform.getTranslateY())).append('"');
        } else {
            b.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" transform=\"matrix(")
                    .append(num4(transform.getScaleX())).append(' ').append(num4(transform.getShearY())).append(' ')
                    .append(num4(transform.getShearX())).append(' ').append(num4(transform.getScaleY())).append(' ')
                    .append(num(transform.getTranslateX())).append(' ').append(num(transform.getTranslateY())).append(")\"");
        }
        b.append(" font-family=\"").append(escape(family(font))).append("\" font-size=\"").append(num(font.getSize2D())).append('"');
        if (font.isBold()) b.append(" font-weight=\"bold\"");
        if (font.isItalic()) b.append(" font-style=\"italic\"");
        // The width Java laid the text out with, so that a reader's font of other widths neither overflows nor gaps.
        double advance = font.getStringBounds(text, drawing.metrics.getFontRenderContext()).getWidth();
        if (advance > 0) b.append(" textLength=\"").append(num(advance)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        b.append(paint("fill")).append(clipAttribute()).append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
    }

    /** A transform's scale or shear, to 1/10000. */
    private static String num4(double v) {
        long r = Math.round(v * 10_000);
        if (r == 0) return "0";
        return BigDecimal.valueOf(r, 4).stripTrailingZeros().toPlainString();
    }

    /** The CSS font family of a Java font: Java's logical fonts become the generic families. */
    private static String family(Font f) {
        String name = f.getFamily(java.util.Locale.ROOT);
        return switch (name) {
            case Font.SANS_SERIF, Font.DIALOG -> "sans-serif";
            case Font.SERIF -> "serif";
            case Font.MONOSPACED, Font.DIALOG_INPUT -> "monospace";
            default -> "'" + name.replace("'", "") + "', sans-serif";
        };
    }

    @Override public void drawString(String text, int x, int y) {
        drawString(text, (float) x, (float) y);
    }

    @Override public void drawString(AttributedCharacterIterator it, float x, float y) {
        StringBuilder s = new StringBuilder();
        for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) s.append(c);
        drawString(s.toString(), x, y);
    }

    @Override public void drawString(AttributedCharacterIterator it, int x, int y) {
        drawString(it, (float) x, (float) y);
    }

    @Override public void drawGlyphVector(GlyphVector g, float x, float y) {
        fill(g.getOutline(x, y));
    }

    @Override public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        AffineTransform saved = transform;
        transform = new AffineTransform(transform);
        if (xform != null) transform.concatenate(xform);
        boolean done = drawImage(img, 0, 0, obs);
        transform = saved;
        return done;
    }

    @Override public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        drawImage(op == null ? img : op.filter(img, null), x, y, null);
    }

    @Override public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        if (img instanceof BufferedImage b) drawImage(b, xform, null);
    }

    @Override public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        drawRenderedImage(img.createDefaultRendering(), xform);
    }

    @Override public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        int w = img.getWidth(observer);
        int h = img.getHeight(observer);
        return w <= 0 || h <= 0 || drawImage(img, x, y, w, h, observer);
    }

    @Override public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        int w = img.getWidth(observer);
        int h = img.getHeight(observer);
        if (w <= 0 || h <= 0 || width <= 0 || height <= 0) return true;
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = b.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(b, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder s = drawing.body;
        s.append("<image x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" preserveAspectRatio=\"none\"");
        if (!transform.isIdentity()) {
            s.append(" transform=\"matrix(").append(num4(transform.getScaleX())).append(' ').append(num4(transform.getShearY())).append(' ')
                    .append(num4(transform.getShearX())).append(' ').append(num4(transform.getScaleY())).append(' ')
                    .append(num(transform.getTranslateX())).append(' ').append(num(transform.getTranslateY())).append(")\"");
        }
        s.append(clipAttribute()).append(" xlink:href=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png.toByteArray()))
                .append("\"/>\n");
        return true;
    }

    @Override public boolean drawImage(Image img, int x, int y, Color bg, ImageObserver observer) {
        return drawImage(img, x, y, img.getWidth(observer), img.getHeight(observer), bg, observer);
    }

    @Override public boolean drawImage(Image img, int x, int y, int width, int height, Color bg, ImageObserver observer) {
        Paint saved = paint;
        setPaint(bg);
        fillRect(x, y, width, height);
        setPaint(saved);
        return drawImage(img, x, y, width, height, observer);
    }

    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver observer) {
        int w = Math.abs(sx2 - sx1);
        int h = Math.abs(sy2 - sy1);
        if (w == 0 || h == 0) return true;
        BufferedImage part = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = part.createGraphics();
        g.drawImage(img, 0, 0, w, h, sx1, sy1, sx2, sy2, null);
        g.dispose();
        return drawImage(part, Math.min(dx1, dx2), Math.min(dy1, dy2), Math.abs(dx2 - dx1), Math.abs(dy2 - dy1), observer);
    }

    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bg,
                                       ImageObserver observer) {
        Paint saved = paint;
        setPaint(bg);
        fillRect(Math.min(dx1, dx2), Math.min(dy1, dy2), Math.abs(dx2 - dx1), Math.abs(dy2 - dy1));
        setPaint(saved);
        return drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override public void drawRect(int x, int y, int width, int height) {
        draw(new Rectangle(x, y, width, height));
    }

    @Override public void clearRect(int x, int y, int width, int height) {
        Paint saved = paint;
        Composite c = composite;
        paint = background;
        composite = AlphaComposite.SrcOver;
        fillRect(x, y, width, height);
        paint = saved;
        composite = c;
    }

    @Override public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, width, height, arcWidth, arcHeight));
    }

    @Override public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Double(x, y, width, height));
    }

    @Override public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Double(x, y, width, height));
    }

    @Override public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Double(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override public void drawPolyline(int[] xs, int[] ys, int n) {
        if (n <= 0) return;
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) p.lineTo(xs[i], ys[i]);
        draw(p);
    }

    @Override public void drawPolygon(int[] xs, int[] ys, int n) {
        draw(new java.awt.Polygon(xs, ys, n));
    }

    @Override public void fillPolygon(int[] xs, int[] ys, int n) {
        fill(new java.awt.Polygon(xs, ys, n));
    }

    @Override public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        // a recording has no pixels to copy
    }

    @Override public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape shape = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return shape.intersects(rect);
    }

    // ------------------------------------------------------------------ state

    @Override public Graphics create() {
        return new SvgGraphics(this);
    }

    @Override public void dispose() {
        // the drawing is kept for document()
    }

    @Override public GraphicsConfiguration getDeviceConfiguration() {
        return drawing.metrics.getDeviceConfiguration();
    }

    @Override public void setComposite(Composite comp) {
        composite = comp == null ? AlphaComposite.SrcOver : comp;
    }

    @Override public Composite getComposite() {
        return composite;
    }

    @Override public void setPaint(Paint p) {
        if (p == null) return;
        paint = p;
        if (p instanceof Color c) color = c;
    }

    @Override public Paint getPaint() {
        return paint;
    }

    @Override public void setColor(Color c) {
        if (c == null) return;
        color = c;
        paint = c;
    }

    @Override public Color getColor() {
        return color;
    }

    @Override public void setBackground(Color c) {
        background = c;
    }

    @Override public Color getBackground() {
        return background;
    }

    @Override public void setPaintMode() {
        composite = AlphaComposite.SrcOver;
    }

    @Override public void setXORMode(Color c) {
        // not drawn by charts; SVG has no XOR
    }

    @Override public void setStroke(Stroke s) {
        if (s != null) stroke = s;
    }

    @Override public Stroke getStroke() {
        return stroke;
    }

    @Override public void setFont(Font f) {
        if (f != null) font = f;
    }

    @Override public Font getFont() {
        return font;
    }

    @Override public FontMetrics getFontMetrics(Font f) {
        return drawing.metrics.getFontMetrics(f);
    }

    @Override public FontRenderContext getFontRenderContext() {
        return drawing.metrics.getFontRenderContext();
    }

    @Override public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
        drawing.metrics.setRenderingHint(key, value);
    }

    @Override public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override public void setRenderingHints(Map<?, ?> map) {
        hints.clear();
        addRenderingHints(map);
    }

    @Override public void addRenderingHints(Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof RenderingHints.Key k) setRenderingHint(k, e.getValue());
        }
    }

    @Override public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    @Override public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override public void transform(AffineTransform t) {
        transform.concatenate(t);
    }

    @Override public void setTransform(AffineTransform t) {
        transform = new AffineTransform(t);
    }

    @Override public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    @Override public Shape getClip() {
        if (clip == null) return null;
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    @Override public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override public void setClip(Shape s) {
        clip = s == null ? null : page(s);
    }

    @Override public void clip(Shape s) {
        if (s == null) {
            clip = null;
            return;
        }
        Shape now = page(s);
        if (clip == null) {
            clip = now;
        } else if (clip instanceof Rectangle2D a && now instanceof Rectangle2D b) {
            Rectangle2D r = new Rectangle2D.Double();
            Rectangle2D.intersect(a, b, r);
            if (r.getWidth() < 0 || r.getHeight() < 0) r.setRect(r.getX(), r.getY(), 0, 0);
            clip = r;
        } else {
            Area area = new Area(clip);
            area.intersect(new Area(now));
            clip = area;
        }
    }

    /** A shape in page coordinates; a rectangle under a translation or scale stays a rectangle. */
    private Shape page(Shape s) {
        if (s instanceof Rectangle2D r && (transform.getType() & (AffineTransform.TYPE_GENERAL_ROTATION
                | AffineTransform.TYPE_QUADRANT_ROTATION | AffineTransform.TYPE_GENERAL_TRANSFORM)) == 0) {
            Point2D a = transform.transform(new Point2D.Double(r.getMinX(), r.getMinY()), null);
            Point2D b = transform.transform(new Point2D.Double(r.getMaxX(), r.getMaxY()), null);
            return new Rectangle2D.Double(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                    Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY()));
        }
        return transform.createTransformedShape(s);
    }
}
