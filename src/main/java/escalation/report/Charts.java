package escalation.report;

import escalation.experiment.BatchSummary;
import escalation.experiment.Comparison;
import escalation.experiment.BatchSummary.Distribution;
import escalation.experiment.BatchSummary.OutcomeEstimate;
import escalation.experiment.Statistics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Slide-ready JFreeChart charts of a {@link BatchSummary}. Charts are built without ChartFactory so
 * that no global ChartTheme (gradients, shadows, grey plot backgrounds) leaks in, and every axis gets
 * an explicit time zone and locale so that the same summary renders the same on any machine.
 */
public final class Charts {
    private Charts() { }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    static final Color INK = new Color(0x222222);
    private static final Color GRID = new Color(0xDDDDDD);
    static final Color FAN = new Color(0x1B4F72);
    static final int BAND_ALPHA = 60;
    private static final float COMPARE_ALPHA = 0.10f;
    private static final Locale LOCALE = Locale.ENGLISH;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    static final long DAY_MS = 86_400_000L;
    /** Rung names can be sentences; past this they crowd the plot off a 16:9 slide. */
    private static final int MAX_LEVEL_NAME = 30;

    /** Every chart of a batch, keyed by the file name it should be written under, in report order. */
    public static LinkedHashMap<String, JFreeChart> all(BatchSummary s) {
        LinkedHashMap<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("escalation-fan", fan(s));
        charts.put("outcomes", outcomes(s));
        charts.put("survival", survival(s));
        charts.put("weekly-attacks", weeklyAttacks(s));
        charts.put("casualties", casualties(s));
        return charts;
    }

    /** Median, 50% and 90% bands and mean of the daily escalation level. */
    public static JFreeChart fan(BatchSummary s) {
        YIntervalSeries outer = new YIntervalSeries("90% of runs");
        YIntervalSeries inner = new YIntervalSeries("50% of runs");
        XYSeries mean = new XYSeries("mean");
        for (int d = 0; d < s.dates().size(); d++) {
            double x = millis(s.dates().get(d));
            double[] q = s.levelQuantiles()[d];
            outer.add(x, q[2], q[0], q[4]);
            inner.add(x, q[2], q[1], q[3]);
            mean.add(x, s.meanLevel()[d]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);

        DeviationRenderer r = bandRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesFillPaint(0, FAN);
        r.setSeriesFillPaint(1, FAN);
        r.setSeriesPaint(1, FAN);
        r.setSeriesStroke(1, new BasicStroke(3f));

        XYPlot plot = new XYPlot(bands, dateAxis(s.dates()), levelAxis(s.levelNames()), r);
        XYLineAndShapeRenderer meanLine = new XYLineAndShapeRenderer(true, false);
        meanLine.setSeriesPaint(0, INK);
        meanLine.setSeriesStroke(0, dashed(1.6f));
        plot.setDataset(1, new XYSeriesCollection(mean));
        plot.setRenderer(1, meanLine);
        // The thin mean must lie on top of the bands, not under them.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        // Band items drawn by DeviationRenderer show up as lines; a slide legend needs swatches.
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(lineItem("median", new BasicStroke(3f), FAN));
        legend.add(new LegendItem("middle 50% of runs", blend(FAN, 1 - Math.pow(1 - BAND_ALPHA / 255.0, 2))));
        legend.add(new LegendItem("middle 90% of runs", blend(FAN, BAND_ALPHA / 255.0)));
        legend.add(lineItem("mean", dashed(1.6f), INK));
        plot.setFixedLegendItems(legend);
        return chart("Daily escalation level across runs", plot, subtitle(s));
    }

    /** Each outcome's probability with its 95% interval, in the scenario's order. */
    public static JFreeChart outcomes(BatchSummary s) {
        List<String> names = unique(s.outcomes().stream().map(OutcomeEstimate::name).toList());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][] low = new double[1][names.size()];
        double[][] high = new double[1][names.size()];
        for (int i = 0; i < names.size(); i++) {
            OutcomeEstimate o = s.outcomes().get(i);
            data.addValue(o.probability(), "probability", names.get(i));
            low[0][i] = o.low();
            high[0][i] = o.high();
        }
        WhiskerBarRenderer r = new WhiskerBarRenderer(low, high, true);
        CategoryPlot plot = probabilityPlot(data, r);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("probability of the outcome (share of runs)", new Color(0x888888)));
        legend.add(lineItem("95% interval (Wilson)", new BasicStroke(2f), INK));
        plot.setFixedLegendItems(legend);
        return chart("Probability of each outcome by the end of the calendar", plot, subtitle(s));
    }

    /** Kaplan-Meier curves: the probability that an outcome has not yet happened, day by day. */
    public static JFreeChart survival(BatchSummary s) {
        List<String> names = unique(s.outcomes().stream().map(OutcomeEstimate::name).toList());
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer r = new XYStepRenderer();
        for (int i = 0; i < names.size(); i++) {
            OutcomeEstimate o = s.outcomes().get(i);
            String label = names.get(i);
            if (o.medianDay() >= 0 && o.medianDay() < s.dates().size()) {
                label += " (median " + s.dates().get(o.medianDay()) + ")";
            }
            XYSeries curve = new XYSeries(label, false, true);
            if (!s.dates().isEmpty()) curve.add(millis(s.dates().get(0)), 1.0);
            // survival[d] holds at the end of day d, so the step falls at the start of day d+1.
            for (int d = 0; d < o.survival().length && d < s.dates().size(); d++) {
                curve.add(millis(s.dates().get(d)) + DAY_MS, o.survival()[d]);
            }
            data.addSeries(curve);
            r.setSeriesPaint(i, ActorPalette.outcome(i));
            r.setSeriesStroke(i, new BasicStroke(3f));
        }
        NumberAxis y = numberAxis("probability not yet crossed");
        y.setRange(0, 1.02);
        y.setTickUnit(new NumberTickUnit(0.1, decimal("0.0")));
        XYPlot plot = new XYPlot(data, dateAxis(s.dates()), y, r);
        ValueMarker half = new ValueMarker(0.5, new Color(0x999999), dashed(1.2f));
        plot.addRangeMarker(half);
        return chart("Time to each outcome (Kaplan-Meier)", plot, subtitle(s));
    }

    /** Mean attacks per run per week, stacked by attacker; actors that never attack are left out. */
    public static JFreeChart weeklyAttacks(BatchSummary s) {
        // x is the week's index, not its date: a DateAxis puts its ticks on round dates, which sit
        // between the bars, while here every tick names exactly the week under it.
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        data.setIntervalWidth(1);
        StackedXYBarRenderer r = new StackedXYBarRenderer(0.15);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        List<String> names = unique(s.actorNames());
        int series = 0;
        for (int a = 0; a < s.weeklyAttacks().length; a++) {
            double[] weeks = s.weeklyAttacks()[a];
            double total = 0;
            for (double w : weeks) total += w;
            if (total <= 0) continue;
            XYSeries xy = new XYSeries(names.get(a), false, false);
            for (int w = 0; w < s.weekStarts().size(); w++) xy.add(w, weeks[w]);
            data.addSeries(xy);
            r.setSeriesPaint(series++, ActorPalette.of(a));
        }
        NumberAxis x = integerAware(new NumberAxis("week starting"));
        x.setNumberFormatOverride(new WeekFormat(s.weekStarts()));
        x.setRange(-0.5, Math.max(1, s.weekStarts().size()) - 0.5);
        // A label ("28 Mar") needs about two weeks' width on a 1200-pixel chart past 14 weeks; the axis
        // cannot measure labels it gets from a custom format, so the step is set here.
        x.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(s.weekStarts().size() / 14.0))));
        XYPlot plot = new XYPlot(data, x, integerAware(numberAxis("attacks per run per week (mean)")), r);
        plot.setNoDataMessage("no attacks in any run");
        return chart("Attacks per week, by attacker", plot, subtitle(s));
    }

    /**
     * For each target, how the number killed is spread across runs: a box from the 25th to the 75th
     * percentile with the median inside, whiskers from the 5th to the 95th percentile and a dot at the
     * mean. Percentiles are exact, read from the per-value counts.
     */
    public static JFreeChart casualties(BatchSummary s) {
        List<Distribution> dists = s.casualties().stream().filter(d -> d.total() > 0).toList();
        List<String> names = unique(dists.stream().map(Distribution::name).toList());
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        List<Color> colours = new ArrayList<>();
        for (int k = 0; k < dists.size(); k++) {
            Distribution d = dists.get(k);
            double sum = 0;
            for (int i = 0; i < d.values().length; i++) sum += (double) d.values()[i] * d.counts()[i];
            double mean = sum / d.total();
            double[] q = new double[BatchSummary.QUANTILES.length];
            for (int i = 0; i < q.length; i++) q[i] = Statistics.quantile(d.values(), d.counts(), BatchSummary.QUANTILES[i]);
            data.add(new BoxAndWhiskerItem(mean, q[2], q[1], q[3], q[0], q[4], null, null, List.of()),
                    "killed", names.get(k) + " (mean " + decimal("0.0").format(mean) + ")");
            int actor = s.actorNames().indexOf(d.name());
            colours.add(actor >= 0 ? ActorPalette.of(actor) : ActorPalette.variant(k));
        }
        BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer() {
            @Override public Paint getItemPaint(int row, int column) {
                return colours.get(column);
            }
        };
        r.setFillBox(true);
        r.setMeanVisible(true);
        r.setMedianVisible(true);
        r.setArtifactPaint(Color.WHITE);
        r.setUseOutlinePaintForWhiskers(true);
        r.setDefaultOutlinePaint(INK);
        r.setDefaultOutlineStroke(new BasicStroke(1.5f));
        r.setMaximumBarWidth(0.6);
        CategoryAxis targets = new CategoryAxis(null);
        targets.setCategoryMargin(0.2);
        targets.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis killed = integerAware(numberAxis("killed per run"));
        CategoryPlot plot = new CategoryPlot(data, targets, killed, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setNoDataMessage("no casualty data");
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("middle 50% of runs (white line: median, dot: mean)", new Color(0x888888)));
        legend.add(lineItem("5th to 95th percentile", new BasicStroke(1.5f), INK));
        plot.setFixedLegendItems(legend);
        return chart("People killed per run, by target", plot, subtitle(s));
    }

    /** Outcome probabilities of several variants (run with the same seeds) side by side. */
    public static JFreeChart compareOutcomes(List<String> variantNames, List<BatchSummary> variants) {
        checkVariants(variantNames, variants);
        List<String> outcomes = unique(variants.get(0).outcomes().stream().map(OutcomeEstimate::name).toList());
        List<String> series = unique(variantNames);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][] low = new double[series.size()][outcomes.size()];
        double[][] high = new double[series.size()][outcomes.size()];
        for (int v = 0; v < series.size(); v++) {
            for (int i = 0; i < outcomes.size(); i++) {
                OutcomeEstimate o = variants.get(v).outcomes().get(i);
                data.addValue(o.probability(), series.get(v), outcomes.get(i));
                low[v][i] = o.low();
                high[v][i] = o.high();
            }
        }
        WhiskerBarRenderer r = new WhiskerBarRenderer(low, high, false);
        for (int v = 0; v < series.size(); v++) r.setSeriesPaint(v, ActorPalette.variant(v));
        CategoryPlot plot = probabilityPlot(data, r);
        return chart("Probability of each outcome, by variant", plot, "whiskers: 95% intervals; "
                + runsLabel(variants) + ", same seeds");
    }

    /** Each variant's median escalation level and middle-50% band, overlaid. */
    public static JFreeChart compareFan(List<String> variantNames, List<BatchSummary> variants) {
        checkVariants(variantNames, variants);
        List<String> names = unique(variantNames);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        DeviationRenderer r = bandRenderer();
        // Overlapping translucent bands mix into colours no variant has, so the fills stay faint and
        // each band is told apart by its dashed edges in the variant's own colour.
        r.setAlpha(COMPARE_ALPHA);
        XYSeriesCollection edges = new XYSeriesCollection();
        XYLineAndShapeRenderer edgeLines = new XYLineAndShapeRenderer(true, false);
        for (int v = 0; v < names.size(); v++) {
            BatchSummary s = variants.get(v);
            YIntervalSeries series = new YIntervalSeries(names.get(v));
            XYSeries lower = new XYSeries(names.get(v) + " 25%");
            XYSeries upper = new XYSeries(names.get(v) + " 75%");
            for (int d = 0; d < s.dates().size(); d++) {
                double[] q = s.levelQuantiles()[d];
                double x = millis(s.dates().get(d));
                series.add(x, q[2], q[1], q[3]);
                lower.add(x, q[1]);
                upper.add(x, q[3]);
            }
            bands.addSeries(series);
            edges.addSeries(lower);
            edges.addSeries(upper);
            Color c = ActorPalette.variant(v);
            r.setSeriesPaint(v, c);
            r.setSeriesFillPaint(v, c);
            r.setSeriesStroke(v, new BasicStroke(3f));
            for (int e = 2 * v; e <= 2 * v + 1; e++) {
                edgeLines.setSeriesPaint(e, c);
                edgeLines.setSeriesStroke(e, dashed(1.3f));
                edgeLines.setSeriesVisibleInLegend(e, false);
            }
        }
        BatchSummary first = variants.get(0);
        XYPlot plot = new XYPlot(bands, dateAxis(first.dates()), levelAxis(first.levelNames()), r);
        plot.setDataset(1, edges);
        plot.setRenderer(1, edgeLines);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart("Daily escalation level, by variant", plot,
                "solid line: median; dashed lines and band: middle 50% of runs; " + runsLabel(variants) + ", same seeds");
    }

    /**
     * Each variant's paired difference from the baseline in the probability of each outcome, with
     * its 95% interval; a bar whose whisker does not reach the zero line is a difference the runs
     * can tell apart from chance.
     */
    public static JFreeChart compareDifferences(Comparison c) {
        List<String> outcomes = unique(c.summaries().get(0).outcomes().stream().map(OutcomeEstimate::name).toList());
        List<String> series = unique(c.variants());
        int variants = series.size() - 1;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][] low = new double[variants][outcomes.size()];
        double[][] high = new double[variants][outcomes.size()];
        double reach = 0.05;
        WhiskerBarRenderer r = new WhiskerBarRenderer(low, high, false);
        for (Comparison.OutcomeRow row : c.outcomes()) {
            if (row.baseline()) continue;
            int v = c.variants().indexOf(row.variant()) - 1;
            int i = c.summaries().get(0).outcomes().stream().map(OutcomeEstimate::id).toList().indexOf(row.outcome());
            data.addValue(row.difference(), series.get(v + 1), outcomes.get(i));
            low[v][i] = row.differenceLow();
            high[v][i] = row.differenceHigh();
            reach = Math.max(reach, Math.max(Math.abs(row.differenceLow()), Math.abs(row.differenceHigh())));
        }
        for (int v = 0; v < variants; v++) r.setSeriesPaint(v, ActorPalette.variant(v + 1));
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryMargin(0.25);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis d = numberAxis("difference in probability from " + series.get(0));
        double bound = Math.min(1, Math.ceil(reach * 1.15 * 20) / 20);
        d.setRange(-bound, bound);
        d.setNumberFormatOverride(new SignedFormat());
        CategoryPlot plot = new CategoryPlot(data, categories, d, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, INK, new BasicStroke(1.5f)));
        return chart("Change in each outcome's probability from " + series.get(0), plot,
                "paired runs (same seeds); whiskers: 95% Newcombe intervals; " + c.runs() + " runs each");
    }

    // ---- shared building blocks -------------------------------------------------------------

    static JFreeChart chart(String title, Plot plot, String subtitle) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        c.setPadding(new RectangleInsets(10, 10, 10, 24));
        c.getTitle().setPaint(INK);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle t = new TextTitle(subtitle, SUBTITLE);
            t.setPaint(new Color(0x555555));
            t.setPadding(new RectangleInsets(2, 0, 8, 0));
            c.addSubtitle(t);
        }
        LegendTitle legend = c.getLegend();
        legend.setItemFont(LEGEND);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));

        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xBBBBBB));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            style(xy.getDomainAxis());
            style(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            cat.setRangeGridlineStroke(new BasicStroke(1f));
            cat.setDomainGridlinesVisible(false);
            style(cat.getDomainAxis());
            style(cat.getRangeAxis());
        }
        return c;
    }

    private static void style(Axis a) {
        a.setLabelFont(LABEL);
        a.setLabelPaint(INK);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(INK);
        a.setAxisLinePaint(new Color(0x888888));
        a.setTickMarkPaint(new Color(0x888888));
    }

    static DeviationRenderer bandRenderer() {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(BAND_ALPHA / 255f);
        return r;
    }

    private static CategoryPlot probabilityPlot(CategoryDataset data, WhiskerBarRenderer r) {
        CategoryAxis categories = new CategoryAxis(null);
        categories.setCategoryMargin(0.25);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        NumberAxis p = numberAxis("probability");
        p.setRange(0, 1);
        p.setTickUnit(new NumberTickUnit(0.1, decimal("0.0")));
        CategoryPlot plot = new CategoryPlot(data, categories, p, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return plot;
    }

    static DateAxis dateAxis(List<LocalDate> dates) {
        DateAxis a = new DateAxis("date", UTC, LOCALE);
        if (!dates.isEmpty()) a.setRange(millis(dates.get(0)), millis(dates.get(dates.size() - 1)) + DAY_MS);
        return a;
    }

    private static SymbolAxis levelAxis(List<String> levelNames) {
        String[] names = levelNames.stream()
                .map(n -> n.length() <= MAX_LEVEL_NAME ? n : n.substring(0, MAX_LEVEL_NAME - 1) + "…")
                .toArray(String[]::new);
        SymbolAxis a = new SymbolAxis("escalation level", names);
        a.setGridBandsVisible(false);
        a.setRange(-0.3, Math.max(1, names.length - 1) + 0.3);
        return a;
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createStandardTickUnits(LOCALE));
        return a;
    }

    /** Counts read badly with fractional ticks at small scales; integer ticks whenever the range allows. */
    private static NumberAxis integerAware(NumberAxis a) {
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(LOCALE));
        return a;
    }

    private static String subtitle(BatchSummary s) {
        String name = s.title() != null && !s.title().isBlank() ? s.title() : s.scenario();
        String runs = s.runs() + " runs" + (s.failed() > 0 ? " (" + s.failed() + " failed)" : "");
        return (name == null ? "" : name + " — ") + runs + ", seed " + s.seed();
    }

    private static String runsLabel(List<BatchSummary> variants) {
        long runs = variants.get(0).runs();
        boolean same = variants.stream().allMatch(v -> v.runs() == runs);
        return same ? runs + " runs each" : "unequal run counts";
    }

    private static void checkVariants(List<String> names, List<BatchSummary> variants) {
        if (variants.isEmpty() || names.size() != variants.size()) {
            throw new IllegalArgumentException("need one name per variant and at least one variant, got "
                    + names.size() + " names for " + variants.size() + " variants");
        }
        int outcomes = variants.get(0).outcomes().size();
        for (BatchSummary v : variants) {
            if (v.outcomes().size() != outcomes) {
                throw new IllegalArgumentException("variants must share their outcomes: " + v.outcomes().size()
                        + " outcomes in one, " + outcomes + " in the first");
            }
        }
    }

    /** Series and category keys must be distinct or JFreeChart merges (or rejects) them silently. */
    private static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String key = n;
            for (int i = 2; !seen.add(key); i++) key = n + " (" + i + ")";
            out.add(key);
        }
        return out;
    }

    static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(LOCALE));
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f);
    }

    static LegendItem lineItem(String label, Stroke stroke, Paint paint) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-14, 0, 14, 0), stroke, paint);
    }

    /** The opaque colour a translucent fill of {@code c} shows on white, for legend swatches. */
    static Color blend(Color c, double alpha) {
        return new Color(mix(c.getRed(), alpha), mix(c.getGreen(), alpha), mix(c.getBlue(), alpha));
    }

    private static int mix(int channel, double alpha) {
        return (int) Math.round(channel * alpha + 255 * (1 - alpha));
    }

    /** Shows a week index as the date the week starts; ticks between weeks get no label. */
    private static final class WeekFormat extends NumberFormat {
        private final List<LocalDate> weekStarts;
        private final DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", LOCALE);

        WeekFormat(List<LocalDate> weekStarts) {
            this.weekStarts = weekStarts;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long w = Math.round(number);
            return Math.abs(number - w) < 1e-9 ? format(w, to, pos) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return number >= 0 && number < weekStarts.size() ? to.append(format.format(weekStarts.get((int) number))) : to;
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /** Differences with their sign (+0.10, -0.10), and zero as a plain 0. */
    private static final class SignedFormat extends NumberFormat {
        private final DecimalFormat signed = decimal("+0.00;-0.00");

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return Math.abs(number) < 0.005 ? to.append('0') : signed.format(number, to, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /**
     * Horizontal bars with asymmetric interval whiskers and a value label. StatisticalBarRenderer
     * only knows mean plus or minus a standard deviation, and Wilson intervals are not symmetric.
     */
    static final class WhiskerBarRenderer extends BarRenderer {
        private final double[][] low;
        private final double[][] high;
        private final boolean colourByCategory;

        WhiskerBarRenderer(double[][] low, double[][] high, boolean colourByCategory) {
            this.low = low;
            this.high = high;
            this.colourByCategory = colourByCategory;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
            setItemMargin(0.08);
            setMaximumBarWidth(0.12);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return colourByCategory ? ActorPalette.outcome(column) : super.getItemPaint(row, column);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row,
                             int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            int visibleRow = state.getVisibleSeriesIndex(row);
            Number value = dataset.getValue(row, column);
            if (pass != getPassCount() - 1 || visibleRow < 0 || value == null) return;

            double barWidth = state.getBarWidth();
            double y = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column)
                    + barWidth / 2;
            RectangleEdge edge = plot.getRangeAxisEdge();
            double x0 = rangeAxis.valueToJava2D(low[row][column], dataArea, edge);
            double x1 = rangeAxis.valueToJava2D(high[row][column], dataArea, edge);
            double xv = rangeAxis.valueToJava2D(value.doubleValue(), dataArea, edge);
            double cap = Math.min(barWidth * 0.5, 16);
            g2.setPaint(INK);
            g2.setStroke(new BasicStroke(2f));
            g2.draw(new Line2D.Double(x0, y, x1, y));
            g2.draw(new Line2D.Double(x0, y - cap / 2, x0, y + cap / 2));
            g2.draw(new Line2D.Double(x1, y - cap / 2, x1, y + cap / 2));

            g2.setFont(TICK);
            FontMetrics fm = g2.getFontMetrics();
            if (barWidth < fm.getAscent()) return; // too thin to label legibly
            String text = probability(value.doubleValue());
            double textWidth = fm.stringWidth(text);
            double baseline = y + (fm.getAscent() - fm.getDescent()) / 2.0;
            double right = Math.max(x1, xv) + 8;
            double left = Math.min(x0, xv) - 8 - textWidth;
            if (value.doubleValue() < 0 && left >= dataArea.getMinX()) {
                // A bar pointing left (a negative difference) is labelled past its left end.
                g2.drawString(text, (float) left, (float) baseline);
            } else if (right + textWidth <= dataArea.getMaxX()) {
                g2.drawString(text, (float) right, (float) baseline);
            } else {
                // No room past the whisker: write inside the bar, in whichever ink the bar colour allows.
                Paint fill = getItemPaint(row, column);
                g2.setPaint(fill instanceof Color c && luminance(c) < 0.5 ? Color.WHITE : INK);
                g2.drawString(text, (float) (Math.min(x0, xv) - 8 - textWidth), (float) baseline);
            }
        }

        private static String probability(double p) {
            if (p > 0 && p < 0.01) return "<0.01";
            return p < 0 && p > -0.01 ? ">-0.01" : decimal("0.00").format(p);
        }

        private static double luminance(Color c) {
            return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
        }
    }
}
