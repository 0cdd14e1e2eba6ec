package escalation.report;

import escalation.history.Target;
import escalation.history.Validation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Charts of a history check and of a calibration, built like {@link Charts}: no global theme, fixed fonts and zones. */
public final class HistoryCharts {
    private HistoryCharts() { }

    private static final Color OBSERVED = new Color(0xD55E00);

    /**
     * The simulated weekly counts of the charted series (median, 50% and 90% bands) with every observed
     * count of the same series drawn over it as a weekly rate across its window, with its range.
     */
    public static JFreeChart weeklyFan(String title, Validation.Result r) {
        Target s = r.fan().series();
        double[][] q = r.fan().quantiles();
        YIntervalSeries outer = new YIntervalSeries("90% of runs");
        YIntervalSeries inner = new YIntervalSeries("50% of runs");
        List<LocalDate> dates = new ArrayList<>();
        for (int w = 0; w < q.length; w++) {
            LocalDate start = s.from().plusDays(7L * w);
            dates.add(start);
            double x = Charts.millis(start) + 3.5 * Charts.DAY_MS;
            outer.add(x, q[w][2], q[w][0], q[w][4]);
            inner.add(x, q[w][2], q[w][1], q[w][3]);
        }
        dates.add(s.to());
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);
        DeviationRenderer fan = Charts.bandRenderer();
        fan.setSeriesLinesVisible(0, false);
        fan.setSeriesFillPaint(0, Charts.FAN);
        fan.setSeriesFillPaint(1, Charts.FAN);
        fan.setSeriesPaint(1, Charts.FAN);
        fan.setSeriesStroke(1, new BasicStroke(3f));
        XYPlot plot = new XYPlot(bands, Charts.dateAxis(dates), Charts.numberAxis(s.measure() + " per week"), fan);

        YIntervalSeriesCollection observed = new YIntervalSeriesCollection();
        DeviationRenderer obs = new DeviationRenderer(true, false);
        obs.setAlpha(0.25f);
        int k = 0;
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            if (!sameSeries(t, s)) continue;
            double days = t.to().toEpochDay() - t.from().toEpochDay() + 1;
            double per = t.kind() == Target.Kind.COUNT ? 7 / days : 1;
            YIntervalSeries seg = new YIntervalSeries(t.id());
            LocalDate a = t.kind() == Target.Kind.WEEKLY_PEAK ? peakWeek(r, t) : t.from();
            LocalDate b = t.kind() == Target.Kind.WEEKLY_PEAK ? a.plusDays(6) : t.to();
            if (a == null) continue;
            for (double x : new double[] {Charts.millis(a), Charts.millis(b) + Charts.DAY_MS}) {
                seg.add(x, t.observed() * per, t.low() * per, t.high() * per);
            }
            observed.addSeries(seg);
            obs.setSeriesPaint(k, OBSERVED);
            obs.setSeriesFillPaint(k, OBSERVED);
            obs.setSeriesStroke(k, new BasicStroke(3.5f));
            k++;
        }
        plot.setDataset(1, observed);
        plot.setRenderer(1, obs);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(Charts.lineItem("simulated median", new BasicStroke(3f), Charts.FAN));
        legend.add(new LegendItem("middle 50% of runs", Charts.blend(Charts.FAN, 1 - Math.pow(1 - Charts.BAND_ALPHA / 255.0, 2))));
        legend.add(new LegendItem("middle 90% of runs", Charts.blend(Charts.FAN, Charts.BAND_ALPHA / 255.0)));
        legend.add(Charts.lineItem("observed (weekly rate over its window) and its range", new BasicStroke(3.5f), OBSERVED));
        plot.setFixedLegendItems(legend);
        return Charts.chart(Character.toUpperCase(s.measure().charAt(0)) + s.measure().substring(1) + " per week by " + String.join(", ", s.by()) + " on " + String.join(", ", s.against()),
                plot, title + " — " + r.runs() + " runs, seed " + r.seed());
    }

    private static boolean sameSeries(Target t, Target s) {
        return (t.kind() == Target.Kind.COUNT || t.kind() == Target.Kind.WEEKLY_PEAK) && t.measure().equals(s.measure())
                && t.by().equals(s.by()) && t.against().equals(s.against());
    }

    /** The observed peak week, when a peak_week target of the same series and window gives it. */
    private static LocalDate peakWeek(Validation.Result r, Target peak) {
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            if (t.kind() == Target.Kind.PEAK_WEEK && t.from().equals(peak.from()) && t.by().equals(peak.by())) {
                return t.from().plusDays(Math.round(t.observed()));
            }
        }
        return null;
    }

    /**
     * Every target on one scale: distance from the observed value in units of half the observed range,
     * so the observed range spans about -1 to 1 and a simulated interval that reaches it covers it; an
     * interval that also spans 0 holds the observed value itself.
     */
    public static JFreeChart coverage(String title, Validation.Result r) {
        List<Validation.Check> checks = r.checks();
        String[] names = new String[checks.size()];
        XYIntervalSeries sim = new XYIntervalSeries("simulated: median and 90% of runs");
        XYIntervalSeries obs = new XYIntervalSeries("observed value and range");
        for (int i = 0; i < checks.size(); i++) {
            Validation.Check c = checks.get(i);
            Target t = c.target();
            int y = checks.size() - 1 - i;
            names[y] = t.id() + (!c.covered() ? "  ✗" : c.pointInside() ? "" : "  ~");
            double s = t.scale();
            double o = t.observed();
            if (!Double.isNaN(c.median())) sim.add(z(c.median(), o, s), z(c.low(), o, s), z(c.high(), o, s), y - 0.12, y - 0.12, y - 0.12);
            obs.add(0, z(t.low(), o, s), z(t.high(), o, s), y + 0.12, y + 0.12, y + 0.12);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(sim);
        data.addSeries(obs);
        XYErrorRenderer rend = new XYErrorRenderer();
        rend.setDrawYError(false);
        rend.setErrorStroke(new BasicStroke(3f));
        rend.setCapLength(8);
        rend.setSeriesPaint(0, Charts.FAN);
        rend.setSeriesPaint(1, OBSERVED);
        rend.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        rend.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10));
        rend.setSeriesLinesVisible(0, false);
        rend.setSeriesLinesVisible(1, false);
        SymbolAxis y = new SymbolAxis(null, names);
        y.setGridBandsVisible(false);
        NumberAxis x = Charts.numberAxis("distance from the observed value, in half observed ranges");
        XYPlot plot = new XYPlot(data, x, y, rend);
        plot.addDomainMarker(new ValueMarker(0, new Color(0x999999), Charts.dashed(1.2f)));
        return Charts.chart("Observed figures against simulated distributions", plot, title + " — " + r.runs() + " runs, seed " + r.seed()
                + "; ✗: not covered; ~: covered, observed value outside the 90% interval");
    }

    private static double z(double v, double observed, double scale) {
        double d = (v - observed) / scale;
        return Math.max(-20, Math.min(20, d));
    }

    /** Accepted particles of a calibration's last population for one pair of parameters. */
    public static JFreeChart pair(String xName, double[] xs, String yName, double[] ys, String subtitle) {
        XYSeries points = new XYSeries("accepted parameter sets", false, true);
        for (int i = 0; i < xs.length; i++) points.add(xs[i], ys[i]);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, new Color(Charts.FAN.getRed(), Charts.FAN.getGreen(), Charts.FAN.getBlue(), 110));
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        NumberAxis x = Charts.numberAxis(xName);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = Charts.numberAxis(yName);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(points), x, y, r);
        return Charts.chart("Posterior: " + shortName(xName) + " against " + shortName(yName), plot, subtitle);
    }

    static String shortName(String path) {
        String[] p = path.split("\\.");
        return p.length <= 2 ? path : p[p.length - 2] + "." + p[p.length - 1];
    }
}
