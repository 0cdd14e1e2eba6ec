package escalation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.experiment.BatchSummary;
import escalation.experiment.BatchSummary.Distribution;
import escalation.experiment.BatchSummary.OutcomeEstimate;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartsTest {
    static {
        // Must be set before anything touches AWT, as it would be on a display-less CI machine.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int W = 800;
    private static final int H = 450;

    @TempDir
    Path dir;

    @Test
    void everyChartRendersToAValidPngAndSvg() throws Exception {
        LinkedHashMap<String, JFreeChart> charts = Charts.all(summary(1.0));
        assertEquals(List.of("escalation-fan", "outcomes", "survival", "weekly-attacks", "casualties"),
                new ArrayList<>(charts.keySet()));
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            checkWritten(e.getValue(), e.getKey());
        }
    }

    @Test
    void comparisonChartsRender() throws Exception {
        List<BatchSummary> variants = List.of(summary(1.0), summary(0.6), summary(1.3));
        List<String> names = List.of("baseline", "de-escalating", "hawkish");
        checkWritten(Charts.compareOutcomes(names, variants), "compare-outcomes");
        checkWritten(Charts.compareFan(names, variants), "compare-fan");
        assertThrows(IllegalArgumentException.class, () -> Charts.compareFan(List.of("only one"), variants));
    }

    @Test
    void sameSummaryGivesByteIdenticalSvg() throws IOException {
        for (String name : Charts.all(summary(1.0)).keySet()) {
            byte[] first = svgBytes(Charts.all(summary(1.0)).get(name), dir.resolve("a"), name);
            byte[] second = svgBytes(Charts.all(summary(1.0)).get(name), dir.resolve("b"), name);
            assertArrayEquals(first, second, name + ".svg differs between two renderings");
        }
    }

    @Test
    void chartsReflectTheirData() {
        // A different summary must give a different picture: guards against charts ignoring their input.
        String a = ChartWriter.svg(Charts.fan(summary(1.0)), "fan", W, H);
        String b = ChartWriter.svg(Charts.fan(summary(0.5)), "fan", W, H);
        assertNotEquals(a, b);
        String outcomes = ChartWriter.svg(Charts.outcomes(summary(1.0)), "outcomes", W, H);
        for (String label : List.of("ceasefire collapses", "strike on capital", "regional war")) {
            assertTrue(outcomes.contains(label), "outcome name missing: " + label);
        }
        String attacks = ChartWriter.svg(Charts.weeklyAttacks(summary(1.0)), "weekly-attacks", W, H);
        assertTrue(attacks.contains("Northland") && attacks.contains("Southland"));
        assertTrue(!attacks.contains("Mediator"), "an actor without attacks must not appear");
    }

    @Test
    void writingReplacesFilesAndLeavesNoTemporaries() throws IOException {
        JFreeChart chart = Charts.survival(summary(1.0));
        ChartWriter.write(chart, dir, "survival", W, H);
        List<Path> paths = ChartWriter.write(chart, dir, "survival", W, H);
        assertEquals(List.of(dir.resolve("survival.png"), dir.resolve("survival.svg")), paths);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("survival.png", "survival.svg"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void paletteIsStableAndDistinct() {
        Set<Color> colours = new HashSet<>();
        for (int i = 0; i < ActorPalette.SIZE; i++) {
            assertEquals(ActorPalette.of(i), ActorPalette.of(i));
            colours.add(ActorPalette.of(i));
        }
        assertEquals(12, ActorPalette.SIZE);
        assertEquals(12, colours.size());
        assertEquals(ActorPalette.of(0), ActorPalette.of(12), "indices wrap around");
        assertNotEquals(ActorPalette.of(0), ActorPalette.of(1));
        assertNotEquals(ActorPalette.outcome(0), ActorPalette.outcome(1));
        for (Color c : colours) assertNotEquals(Color.WHITE, c, "white is invisible on a white chart");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void checkWritten(JFreeChart chart, String name) throws Exception {
        List<Path> paths = ChartWriter.write(chart, dir, name, W, H);
        assertEquals(2, paths.size());
        BufferedImage png = ImageIO.read(paths.get(0).toFile());
        assertNotNull(png, name + ".png is not a readable image");
        assertEquals(W, png.getWidth(), name);
        assertEquals(H, png.getHeight(), name);
        assertTrue(distinctColours(png) > 10, name + ".png is (nearly) a single flat colour");

        Document svg = parseXml(Files.readAllBytes(paths.get(1)));
        assertEquals("svg", svg.getDocumentElement().getLocalName() != null
                ? svg.getDocumentElement().getLocalName() : svg.getDocumentElement().getTagName(), name);
        assertTrue(svg.getElementsByTagName("text").getLength() > 5, name + ".svg has almost no text");
    }

    private static byte[] svgBytes(JFreeChart chart, Path dir, String name) throws IOException {
        return Files.readAllBytes(ChartWriter.write(chart, dir, name, W, H).get(1));
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) seen.add(img.getRGB(x, y));
        }
        return seen.size();
    }

    private static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The SVG may name the W3C DTD; never fetch it (no network on CI, and it would be slow).
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /**
     * A hand-made batch: escalation that climbs over 60 days, scaled by {@code pace} so variants
     * differ; three outcomes of decreasing likelihood; two attacking actors and one that never attacks.
     */
    static BatchSummary summary(double pace) {
        int days = 60;
        LocalDate start = LocalDate.of(2025, 3, 1);
        List<LocalDate> dates = new ArrayList<>();
        double[][] quantiles = new double[days][];
        double[] mean = new double[days];
        for (int d = 0; d < days; d++) {
            dates.add(start.plusDays(d));
            double centre = Math.min(5, pace * 4.0 * d / days);
            quantiles[d] = new double[] {
                    clamp(Math.floor(centre - 2)), clamp(Math.floor(centre - 1)), clamp(Math.round(centre)),
                    clamp(Math.ceil(centre + 1)), clamp(Math.ceil(centre + 2))};
            mean[d] = Math.min(5, centre + 0.2);
        }
        List<OutcomeEstimate> outcomes = List.of(
                outcome("collapse", "ceasefire collapses", 0.08 * pace, days),
                outcome("capital", "strike on capital", 0.02 * pace, days),
                outcome("war", "regional war", 0.004 * pace, days));
        List<LocalDate> weeks = new ArrayList<>();
        double[][] attacks = new double[3][9];
        for (int w = 0; w < 9; w++) {
            weeks.add(start.plusWeeks(w));
            attacks[0][w] = pace * (0.5 + 0.4 * w);
            attacks[1][w] = pace * (0.2 + 0.25 * w);
        }
        List<Distribution> casualties = List.of(
                new Distribution("Northland", new long[] {0, 1, 2, 3, 5, 8, 12, 20},
                        new long[] {400, 200, 150, 100, 70, 40, 30, 10}),
                new Distribution("Southland", new long[] {0, 1, 2, 4, 6, 9, 15},
                        new long[] {550, 180, 120, 70, 40, 25, 15}));
        return new BatchSummary("test-scenario", "Synthetic test scenario", "run test.yaml", 1000, 0, 42,
                List.of("north", "south", "mediator"), List.of("Northland", "Southland", "Mediator"), dates,
                List.of("calm", "protest", "sanctions", "blockade", "limited strikes", "open war"),
                quantiles, mean, outcomes, weeks, attacks, List.of(), casualties);
    }

    private static double clamp(double level) {
        return Math.max(0, Math.min(5, level));
    }

    /** A constant daily hazard, so survival falls geometrically; the Wilson interval is approximated. */
    private static OutcomeEstimate outcome(String id, String name, double hazard, int days) {
        double[] survival = new double[days];
        double s = 1;
        int median = -1;
        for (int d = 0; d < days; d++) {
            s *= 1 - hazard;
            survival[d] = s;
            if (median < 0 && s <= 0.5) median = d;
        }
        double p = 1 - s;
        double half = 1.96 * Math.sqrt(p * (1 - p) / 1000);
        return new OutcomeEstimate(id, name, Math.round(p * 1000), p, Math.max(0, p - half), Math.min(1, p + half),
                survival, median);
    }
}
