package escalation.gui;

import escalation.model.Theatre;
import escalation.report.ActorPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GridLayout;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import java.awt.geom.Line2D;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The four live charts, JFreeChart 1.5 panels fed one day at a time on the Swing thread: the
 * escalation level (with the previous run's curve beside it after a counterfactual replay), attacks
 * per week by actor, each proxy's belief that its adversary retaliates, and people killed. Actors
 * have their colours from {@link ActorPalette}, as in the batch charts.
 */
final class LiveCharts {
    private final Theatre theatre;
    private final JPanel panel = new JPanel(new GridLayout(2, 2, 6, 6));
    private final TimeSeriesCollection escalation = new TimeSeriesCollection();
    /** The daily level, drawn thin, and its mean over the last {@link #TREND_DAYS} days, drawn thick: runs compare by the latter. */
    private final TimeSeries level = new TimeSeries("This run, daily");
    private final TimeSeriesCollection trend = new TimeSeriesCollection();
    private final TimeSeries levelTrend = new TimeSeries("This run");
    private TimeSeries previous;
    static final int TREND_DAYS = 7;
    private final java.util.ArrayDeque<Integer> recentLevels = new java.util.ArrayDeque<>();
    private final TimeSeries[] attacks;
    private final TimeSeries[] beliefs;
    private final TimeSeries[] killed;
    private final List<TimeSeries> all = new ArrayList<>();
    private final JFreeChart escalationChart;

    LiveCharts(Theatre theatre, int[][] beliefPairs) {
        this.theatre = theatre;
        int n = theatre.actors;
        escalation.addSeries(level);
        all.add(level);
        trend.addSeries(levelTrend);
        all.add(levelTrend);
        NumberAxis levels = new NumberAxis();
        levels.setRange(0, theatre.rungs() + 0.9);
        levels.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, new Color(0xC8C8C8));
        step.setSeriesStroke(0, new BasicStroke(1f));
        step.setDefaultSeriesVisibleInLegend(false);
        escalationChart = chart("Escalation level", escalation, levels, step);
        escalationChart.addSubtitle(new TextTitle("thin: each day;  thick: mean of the last 7 days", Look.SMALL));
        XYLineAndShapeRenderer trendLines = new XYLineAndShapeRenderer(true, false);
        trendLines.setSeriesPaint(0, Color.BLACK);
        trendLines.setSeriesStroke(0, new BasicStroke(3.5f));
        trendLines.setSeriesPaint(1, ActorPalette.variant(1));
        trendLines.setSeriesStroke(1, new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {10, 6}, 0));
        escalationChart.getXYPlot().setDataset(1, trend);
        escalationChart.getXYPlot().setRenderer(1, trendLines);
        // The rungs' names sit on their levels inside the plot, so that the curve gets the chart's width.
        XYPlot plot = escalationChart.getXYPlot();
        for (int r = 0; r < theatre.rungs(); r++) {
            ValueMarker m = new ValueMarker(r + 1, Look.fade(Look.rung(theatre, r), 0.5), new BasicStroke(1f));
            m.setLabel(theatre.rungNames[r]);
            m.setLabelFont(Look.SMALL);
            m.setLabelPaint(Look.rung(theatre, r).darker());
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(m);
        }

        TimeSeriesCollection attackData = new TimeSeriesCollection();
        XYLineAndShapeRenderer attackLines = new XYLineAndShapeRenderer(true, false);
        attacks = new TimeSeries[n];
        for (int a = 0; a < n; a++) {
            if (!attacks(a)) continue;
            attacks[a] = series(theatre.actorNames[a], attackData);
            attackLines.setSeriesPaint(attackData.getSeriesCount() - 1, ActorPalette.of(a));
            attackLines.setSeriesStroke(attackData.getSeriesCount() - 1, new BasicStroke(3f));
        }
        NumberAxis count = new NumberAxis();
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        JFreeChart attackChart = chart("Attacks per week", attackData, count, attackLines);

        TimeSeriesCollection beliefData = new TimeSeriesCollection();
        XYLineAndShapeRenderer beliefLines = new XYLineAndShapeRenderer(true, false);
        beliefs = new TimeSeries[beliefPairs.length];
        // Colour says who believes, the dash says about whom: one legend entry each, not one per pair.
        List<Integer> holders = new ArrayList<>();
        List<Integer> adversaries = new ArrayList<>();
        for (int[] pair : beliefPairs) {
            if (!holders.contains(pair[0])) holders.add(pair[0]);
            if (!adversaries.contains(pair[1])) adversaries.add(pair[1]);
        }
        for (int k = 0; k < beliefPairs.length; k++) {
            beliefs[k] = series(theatre.actorNames[beliefPairs[k][0]] + " about " + theatre.actorNames[beliefPairs[k][1]], beliefData);
            beliefLines.setSeriesPaint(k, ActorPalette.of(beliefPairs[k][0]));
            beliefLines.setSeriesStroke(k, dash(adversaries.indexOf(beliefPairs[k][1])));
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int h : holders) legend.add(new LegendItem(theatre.actorNames[h], null, null, null, new Line2D.Double(0, 0, 24, 0),
                new BasicStroke(4f), ActorPalette.of(h)));
        if (adversaries.size() > 1 || holders.size() > 1) {
            for (int k = 0; k < adversaries.size(); k++) {
                legend.add(new LegendItem("about " + theatre.actorNames[adversaries.get(k)], null, null, null,
                        new Line2D.Double(0, 0, 36, 0), dash(k), Color.DARK_GRAY));
            }
        }
        NumberAxis probability = new NumberAxis();
        probability.setRange(0, 1);
        JFreeChart beliefChart = chart("Belief that the adversary retaliates", beliefData, probability, beliefLines);
        beliefChart.getXYPlot().setFixedLegendItems(legend);

        TimeSeriesCollection killedData = new TimeSeriesCollection();
        XYLineAndShapeRenderer killedLines = new XYLineAndShapeRenderer(true, false);
        killed = new TimeSeries[n];
        for (int a = 0; a < n; a++) {
            if (!attacked(a)) continue;
            killed[a] = series(theatre.actorNames[a], killedData);
            killedLines.setSeriesPaint(killedData.getSeriesCount() - 1, ActorPalette.of(a));
            killedLines.setSeriesStroke(killedData.getSeriesCount() - 1, new BasicStroke(3f));
        }
        NumberAxis people = new NumberAxis();
        people.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        JFreeChart killedChart = chart("People killed, by side struck (total)", killedData, people, killedLines);

        for (JFreeChart c : List.of(escalationChart, attackChart, beliefChart, killedChart)) {
            ChartPanel p = new ChartPanel(c, false);
            p.setMinimumDrawWidth(200);
            p.setMinimumDrawHeight(150);
            p.setMaximumDrawWidth(4000);
            p.setMaximumDrawHeight(3000);
            panel.add(p);
        }
    }

    private static BasicStroke dash(int k) {
        return k == 0 ? new BasicStroke(3f)
                : new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12f / k, 6f}, 0);
    }

    private boolean attacks(int a) {
        for (var x : theatre.actions[a]) {
            if (theatre.rungKinetic[x.rung()]) return true;
        }
        return false;
    }

    private boolean attacked(int a) {
        for (int b = 0; b < theatre.actors; b++) {
            if (theatre.mayTarget[b][a]) return true;
        }
        return false;
    }

    private TimeSeries series(String name, TimeSeriesCollection data) {
        TimeSeries s = new TimeSeries(name);
        data.addSeries(s);
        all.add(s);
        return s;
    }

    private static JFreeChart chart(String title, TimeSeriesCollection data, ValueAxis range, XYLineAndShapeRenderer renderer) {
        DateAxis time = new DateAxis();
        for (ValueAxis axis : List.of(time, range)) {
            axis.setTickLabelFont(Look.AXIS);
            axis.setLabelFont(Look.AXIS);
        }
        XYPlot plot = new XYPlot(data, time, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Look.GRID);
        plot.setRangeGridlinePaint(Look.GRID);
        JFreeChart chart = new JFreeChart(null, Look.TITLE, plot, true);
        chart.setTitle(new TextTitle(title, Look.TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(Look.SMALL);
        legend.setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    JPanel panel() {
        return panel;
    }

    static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** Adds one day to every chart. Call on the Swing thread. */
    void add(Chronicle.Day d) {
        for (TimeSeries s : all) s.setNotify(false);
        Day today = day(d.date());
        level.addOrUpdate(today, d.level());
        recentLevels.addLast(d.level());
        if (recentLevels.size() > TREND_DAYS) recentLevels.removeFirst();
        levelTrend.addOrUpdate(today, recentLevels.stream().mapToInt(Integer::intValue).average().orElse(0));
        Day weekStart = day(theatre.start.plusDays(7L * d.week()));
        for (int a = 0; a < attacks.length; a++) {
            if (attacks[a] != null) attacks[a].addOrUpdate(weekStart, d.attacksThisWeek()[a]);
        }
        for (int k = 0; k < beliefs.length; k++) beliefs[k].addOrUpdate(today, d.beliefs()[k]);
        for (int a = 0; a < killed.length; a++) {
            if (killed[a] != null) killed[a].addOrUpdate(today, d.killedAmong()[a]);
        }
        for (TimeSeries s : all) s.setNotify(true);
    }

    /** Empties every chart for a new run; the escalation chart keeps {@code previousLevels} (may be null) as a second curve. */
    void reset(byte[] previousLevels, String previousLabel, String thisLabel) {
        for (TimeSeries t : all) t.clear();
        recentLevels.clear();
        levelTrend.setKey(shorten(thisLabel));
        if (previous != null) {
            trend.removeSeries(previous);
            previous = null;
        }
        if (previousLevels != null) {
            previous = new TimeSeries(shorten(previousLabel));
            previous.setNotify(false);
            double sum = 0;
            for (int d = 0; d < previousLevels.length; d++) {
                sum += previousLevels[d] - (d >= TREND_DAYS ? previousLevels[d - TREND_DAYS] : 0);
                previous.add(day(theatre.date(d)), sum / Math.min(d + 1, TREND_DAYS));
            }
            previous.setNotify(true);
            trend.addSeries(previous);
        }
    }

    /** Legend entries stay within the chart's width; the policy panel says the rest. */
    private static String shorten(String label) {
        return label.length() <= 64 ? label : label.substring(0, 63) + "…";
    }

    /** Number of points of each mean-level curve of the escalation chart: this run's, then the previous run's if shown. */
    int[] escalationPoints() {
        int[] out = new int[trend.getSeriesCount()];
        for (int k = 0; k < out.length; k++) out[k] = trend.getSeries(k).getItemCount();
        return out;
    }

    /** The mean levels the escalation chart draws: this run's, then the previous run's if shown. */
    double[][] escalationTrends() {
        double[][] out = new double[trend.getSeriesCount()][];
        for (int k = 0; k < out.length; k++) {
            TimeSeries t = trend.getSeries(k);
            out[k] = new double[t.getItemCount()];
            for (int i = 0; i < out[k].length; i++) out[k][i] = t.getValue(i).doubleValue();
        }
        return out;
    }

    JFreeChart escalationChart() {
        return escalationChart;
    }
}
