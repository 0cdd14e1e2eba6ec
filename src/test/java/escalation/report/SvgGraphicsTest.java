package escalation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The charts' own SVG writer: what is drawn is where it was drawn, text stays text, and the bytes do not depend on the locale. */
class SvgGraphicsTest {
    /** A drawing with the transforms, clips, strokes, paints and text a chart uses. */
    static String drawing() {
        SvgGraphics g = new SvgGraphics(200, 100, "t-");
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.translate(10.5, 20);
        g.setPaint(new Color(255, 0, 0, 128));
        g.fill(new Rectangle2D.Double(1.25, 2.004, 30, 40));
        g.clip(new Rectangle2D.Double(0, 0, 50, 50));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 2f}, 0f));
        g.setPaint(Color.BLUE);
        g.drawLine(0, 0, 100, 100);
        g.drawLine(0, 10, 100, 110);
        g.setClip(null);
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, 10, 0, Color.GREEN));
        g.fillRect(60, 0, 10, 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setPaint(Color.DARK_GRAY);
        g.drawString("Q1 < Q3 & \"p\" 1234.5", 5f, 60f);
        g.rotate(-Math.PI / 2);
        g.drawString("escalation level", -40f, 0f);
        return g.document();
    }

    @Test
    void shapesLandWhereTheyWereDrawnAndTextStaysText() throws Exception {
        String svg = drawing();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("0 0 200 100", doc.getDocumentElement().getAttribute("viewBox"));
        // The translated rectangle, in page coordinates to 1/100 of a pixel, half transparent.
        assertTrue(svg.contains("<path d=\"M11.75 22L41.75 22L41.75 62L11.75 62L11.75 22Z\" fill=\"#ff0000\" fill-opacity=\"0.502\"/>"), svg);
        // Both clipped lines share one clip path, the clip's rectangle moved by the translation.
        assertEquals(1, doc.getElementsByTagName("clipPath").getLength(), svg);
        Element clip = (Element) doc.getElementsByTagName("clipPath").item(0);
        assertEquals("t-clip-0", clip.getAttribute("id"));
        assertEquals("M10.5 20L60.5 20L60.5 70L10.5 70L10.5 20Z", ((Element) clip.getElementsByTagName("path").item(0)).getAttribute("d"));
        assertEquals(2, count(svg, "clip-path=\"url(#t-clip-0)\""));
        assertTrue(svg.contains("stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" stroke-dasharray=\"4,2\""), svg);
        assertTrue(svg.contains("<linearGradient id=\"t-gradient-0\" x1=\"10.5\" y1=\"20\" x2=\"20.5\" y2=\"20\""), svg);
        var texts = doc.getElementsByTagName("text");
        assertEquals(2, texts.getLength());
        assertEquals("Q1 < Q3 & \"p\" 1234.5", texts.item(0).getTextContent());
        Element first = (Element) texts.item(0);
        assertEquals("15.5", first.getAttribute("x"));
        assertEquals("80", first.getAttribute("y"));
        assertEquals("bold", first.getAttribute("font-weight"));
        assertEquals("sans-serif", first.getAttribute("font-family"));
        assertTrue(Double.parseDouble(first.getAttribute("textLength")) > 50, "the width Java laid it out with");
        assertEquals("matrix(0 -1 1 0 10.5 20)", ((Element) texts.item(1)).getAttribute("transform"));
    }

    @Test
    void theBytesAreTheSameInEveryLocaleAndEveryNumberHasAsciiDigits() {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = drawing();
            for (String tag : new String[] {"ar", "de", "tr", "hi-IN", "fa"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals(root, drawing(), tag);
            }
            Matcher m = Pattern.compile("=\"([^\"]*)\"").matcher(root);
            while (m.find()) {
                assertTrue(m.group(1).chars().noneMatch(c -> Character.isDigit(c) && (c < '0' || c > '9')), m.group(1));
            }
        } finally {
            Locale.setDefault(was);
        }
    }

    @Test
    void numbersAreRoundedToAHundredthWithAPoint() {
        assertEquals("0", SvgGraphics.num(-0.001));
        assertEquals("1.5", SvgGraphics.num(1.5));
        assertEquals("-2.35", SvgGraphics.num(-2.345678));
        assertEquals("1234567.89", SvgGraphics.num(1234567.891));
        assertEquals("0", SvgGraphics.num(Double.NaN));
        assertEquals("a&amp;b&lt;c&gt;&quot;", SvgGraphics.escape("a&b<c>\"\u0001"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
