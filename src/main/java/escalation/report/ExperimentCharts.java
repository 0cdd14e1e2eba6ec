package escalation.report;

import escalation.sensitivity.Prim;
import escalation.study.Analysis;
import escalation.study.Experiment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of an experiment's analysis, each built from the analysis alone, for PNG, SVG and the report. */
final class ExperimentCharts {
    private ExperimentCharts() { }

    private static String factor(Experiment e, int f) {
        return e.factors().get(f).name();
    }

    /** First-order and total Sobol indices of one outcome, per factor, with 95% bootstrap intervals. */
    static JFreeChart sobol(Experiment e, List<Analysis.SobolRow> rows, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][] low = new double[2][rows.size()];
        double[][] high = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Analysis.SobolRow r = rows.get(i);
            data.addValue(r.index().first(), "first-order S", factor(e, r.factor()));
            data.addValue(r.index().total(), "total ST", factor(e, r.factor()));
            low[0][i] = r.index().firstLow();
            high[0][i] = r.index().firstHigh();
            low[1][i] = r.index().totalLow();
            high[1][i] = r.index().totalHigh();
        }
        Charts.WhiskerBarRenderer renderer = new Charts.WhiskerBarRenderer(low, high, false);
        renderer.setSeriesPaint(0, new Color(0x2E86C1));
        renderer.setSeriesPaint(1, new Color(0xCA6F1E));
        NumberAxis axis = Charts.numberAxis("share of the outcome's variance");
        axis.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return Charts.chart(title, plot, "Sobol indices (Saltelli 2010 first-order, Jansen 1999 total); whiskers: 95% bootstrap intervals");
    }

    /** How the indices move as base samples are added. */
    static JFreeChart convergence(Experiment e, List<Analysis.ConvergenceRow> rows, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int f = 0; f < e.factors().size(); f++) {
            final int ff = f;
            XYSeries first = new XYSeries(factor(e, f) + " S");
            XYSeries total = new XYSeries(factor(e, f) + " ST");
            rows.stream().filter(r -> r.factor() == ff).forEach(r -> {
                first.add(r.samples(), r.first());
                total.add(r.samples(), r.total());
            });
            data.addSeries(first);
            data.addSeries(total);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, ActorPalette.outcome(s / 2));
            renderer.setSeriesStroke(s, s % 2 == 0 ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        org.jfree.chart.axis.LogAxis x = new org.jfree.chart.axis.LogAxis("base samples N (log scale)");
        x.setBase(2);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        x.setNumberFormatOverride(Charts.decimal("0"));
        XYPlot plot = new XYPlot(data, x, Charts.numberAxis("index"), renderer);
        return Charts.chart(title, plot, "indices from the first N base samples of the Sobol sequence; solid: first-order, dashed: total");
    }

    /** Morris mu* against sigma, one labelled point per factor. */
    static JFreeChart morris(Experiment e, List<Analysis.MorrisRow> rows, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries s = new XYSeries("factor", false);
        for (Analysis.MorrisRow r : rows) s.add(r.effect().muStar(), r.effect().sigma());
        data.addSeries(s);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, Charts.FAN);
        NumberAxis x = Charts.numberAxis("mu* (mean absolute elementary effect)");
        NumberAxis y = Charts.numberAxis("sigma (standard deviation of the effects)");
        x.setAutoRangeIncludesZero(true);
        x.setUpperMargin(0.15);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (Analysis.MorrisRow r : rows) {
            XYTextAnnotation label = new XYTextAnnotation("  " + factor(e, r.factor()), r.effect().muStar(), r.effect().sigma());
            label.setFont(Charts.TICK);
            label.setTextAnchor(org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
            plot.addAnnotation(label);
        }
        return Charts.chart(title, plot, "Morris elementary effects (Campolongo et al. 2007 mu*); far right: influential; high: non-linear or interacting");
    }

    /** One-at-a-time swings around the baseline, widest on top. */
    static JFreeChart tornado(Experiment e, List<Analysis.TornadoRow> rows, String title) {
        List<Analysis.TornadoRow> sorted = rows.stream().sorted(Comparator.comparingDouble(r -> -r.bar().swing())).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double baseline = rows.isEmpty() ? 0 : rows.get(0).baseline();
        for (Analysis.TornadoRow r : sorted) {
            String f = factor(e, r.bar().factor());
            data.addValue(r.bar().low() - baseline, "lowest", f);
            data.addValue(r.bar().high() - baseline, "highest", f);
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x2E86C1));
        renderer.setSeriesPaint(1, new Color(0xCA6F1E));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.numberAxis("change from the baseline ("
                + Charts.decimal("0.###").format(baseline) + ")"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, Charts.INK, new BasicStroke(1.5f)));
        return Charts.chart(title, plot, "one factor at a time, the others at their baseline; bars: the lowest and highest outcome over its levels");
    }

    /** An outcome's mean against each factor's range, by bins of equal probability, with 95% intervals. */
    static JFreeChart response(Experiment e, List<Analysis.ResponseRow> rows, String title) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int f = 0; f < e.factors().size(); f++) {
            final int ff = f;
            YIntervalSeries s = new YIntervalSeries(factor(e, f));
            rows.stream().filter(r -> r.factor() == ff).forEach(r -> s.add((r.from() + r.to()) / 2, r.mean(),
                    Double.isNaN(r.low()) ? r.mean() : r.low(), Double.isNaN(r.high()) ? r.mean() : r.high()));
            data.addSeries(s);
        }
        DeviationRenderer renderer = Charts.bandRenderer();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, ActorPalette.outcome(s));
            renderer.setSeriesFillPaint(s, ActorPalette.outcome(s));
            renderer.setSeriesStroke(s, new BasicStroke(2.5f));
        }
        NumberAxis x = Charts.numberAxis("factor's quantile (its range's share below the value)");
        x.setRange(0, 1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1, Charts.decimal("0.0")));
        XYPlot plot = new XYPlot(data, x, Charts.numberAxis("mean outcome over the points in the bin"), renderer);
        return Charts.chart(title, plot, "each factor's range in bins of equal probability; bands: 95% intervals over the points in each bin");
    }

    /** PRIM's peeling trajectory: density against coverage, the chosen box marked. */
    static JFreeChart peeling(Prim.Result prim, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries s = new XYSeries("peeling trajectory", false);
        for (Prim.Box b : prim.trajectory()) s.add(b.coverage(), b.density());
        XYSeries chosen = new XYSeries("chosen box", false);
        chosen.add(prim.box().coverage(), prim.box().density());
        data.addSeries(s);
        data.addSeries(chosen);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Charts.FAN);
        renderer.setSeriesPaint(1, new Color(0xC0392B));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        NumberAxis x = Charts.numberAxis("coverage (share of the cases of interest in the box)");
        NumberAxis y = Charts.numberAxis("density (share of the box's points that are cases)");
        x.setRange(0, 1.02);
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.chart(title, plot, "PRIM (Friedman and Fisher 1999): each step peels a slice off one factor's range");
    }

    static BarRenderer plainBars() {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, Charts.FAN);
        return r;
    }

    /** Feature scores of the regression tree, per factor. */
    static JFreeChart features(Experiment e, double[] scores, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int f = 0; f < scores.length; f++) data.addValue(scores[f], "score", factor(e, f));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), Charts.numberAxis("share of the tree's reduction of squared error"),
                plainBars());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return Charts.chart(title, plot, "regression tree (CART) of the outcome's mean per point on the factors");
    }
}
