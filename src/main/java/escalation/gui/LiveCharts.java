package escalation.gui;

import escalation.model.Theatre;
import escalation.report.ActorPalette;
import escalation.spec.ScenarioSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.swing.JLabel;
import java.util.TreeSet;
import javax.swing.JPanel;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The live charts, JFreeChart 1.5 panels fed one day at a time on the Swing thread, each over the
 * scenario's whole calendar from before the first day: the escalation level with the rungs' names on
 * its axis, attacks per week by actor, each proxy's belief that its adversary retaliates, people
 * killed, and, where the scenario has them, its fronts' states and the claimed attacks against the
 * attacks launched (the observation layer). After a replay every chart also draws the run before,
 * dashed. Actors have their colours from {@link ActorPalette}, as in the batch charts.
 */
final class LiveCharts {
    static final int TREND_DAYS = 7;
    /** The narrowest a chart may be, in pixels. */
    static final int MIN_WIDTH = 300;

    private final Theatre theatre;
    private final JPanel grid = new JPanel(new Grid());
    private final JPanel panel = new JPanel(new java.awt.BorderLayout(0, 2));
    private final JPanel key = new JPanel(new KeyRows());
    private final List<JLabel> keyLabels = new ArrayList<>();
    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<ChartPanel> panels = new ArrayList<>();
    /** The rungs the scenario's actions use, ascending; the escalation axis shows only these, above "calm". */
    private final int[] usedRungs;
    private final int[] levelRow;

    private final TimeSeries level = new TimeSeries("each day");
    private final TimeSeries levelTrend = new TimeSeries("This run (mean of 7 days)");
    private final TimeSeries levelBefore = new TimeSeries("The run before");
    private final TimeSeriesCollection trend = new TimeSeriesCollection();
    private final java.util.ArrayDeque<Integer> recent = new java.util.ArrayDeque<>();
    private final TimeSeries[] attacks;
    private final TimeSeries[] attacksBefore;
    private final TimeSeries[] beliefs;
    private final TimeSeries[] beliefsBefore;
    private final TimeSeries[] killed;
    private final TimeSeries[] killedBefore;
    private final TimeSeries launched = new TimeSeries("Attacks launched");
    private final TimeSeries claimed = new TimeSeries("Attacks claimed");
    private final TimeSeries launchedBefore = new TimeSeries("Launched, run before");
    private final TimeSeries claimedBefore = new TimeSeries("Claimed, run before");
    private final XYIntervalSeries[] frontStates;
    private final XYIntervalSeries[] frontStatesBefore;
    private final List<TimeSeries> thisRun = new ArrayList<>();
    private final List<TimeSeries> before = new ArrayList<>();
    private final boolean claims;
    private final int[] weekClaimsStart = new int[2];
    private int currentWeek = -1;
    private int[] lastFront;
    private final JFreeChart escalationChart;
    private Look look;

    LiveCharts(Theatre theatre, int[][] beliefPairs, boolean claimants, Look look) {
        this.theatre = theatre;
        this.look = look;
        claims = claimants;
        TreeSet<Integer> used = new TreeSet<>();
        for (var actions : theatre.actions) {
            for (var a : actions) used.add(a.rung());
        }
        usedRungs = used.stream().mapToInt(Integer::intValue).toArray();
        levelRow = new int[theatre.rungs() + 1];
        for (int k = 0; k < usedRungs.length; k++) levelRow[usedRungs[k] + 1] = k + 1;
        for (int l = 1; l < levelRow.length; l++) if (levelRow[l] == 0) levelRow[l] = levelRow[l - 1];
        int n = theatre.actors;

        // Escalation: the daily level as a grey step line, its 7-day mean thick, the run before dashed red.
        String[] names = new String[usedRungs.length + 1];
        names[0] = "calm";
        for (int k = 0; k < usedRungs.length; k++) names[k + 1] = theatre.rungNames[usedRungs[k]];
        SymbolAxis rungs = new SymbolAxis(null, names);
        rungs.setGridBandsVisible(false);
        rungs.setRange(-0.2, usedRungs.length + 0.4);
        TimeSeriesCollection daily = new TimeSeriesCollection(level);
        thisRun.add(level);
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, new Color(0xBDBDBD));
        step.setSeriesStroke(0, new BasicStroke(1f));
        step.setDefaultSeriesVisibleInLegend(false);
        escalationChart = chart("Escalation level (grey: each day; black: mean of 7 days)", daily, rungs, step);
        escalationChart.removeLegend();
        trend.addSeries(levelTrend);
        trend.addSeries(levelBefore);
        thisRun.add(levelTrend);
        before.add(levelBefore);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, Color.BLACK);
        lines.setSeriesStroke(0, new BasicStroke(3.5f));
        lines.setSeriesPaint(1, Look.PREVIOUS);
        lines.setSeriesStroke(1, dashed(3.5f));
        escalationChart.getXYPlot().setDataset(1, trend);
        escalationChart.getXYPlot().setRenderer(1, lines);
        add(escalationChart);

        TimeSeriesCollection attackData = new TimeSeriesCollection();
        XYLineAndShapeRenderer attackLines = new XYLineAndShapeRenderer(true, false);
        attacks = new TimeSeries[n];
        attacksBefore = new TimeSeries[n];
        for (int a = 0; a < n; a++) {
            if (!attacks(a)) continue;
            attacks[a] = series(theatre.actorNames[a], attackData, attackLines, ActorPalette.of(a), new BasicStroke(3f), thisRun);
        }
        for (int a = 0; a < n; a++) {
            if (attacks[a] != null) attacksBefore[a] = series("before: " + theatre.actorNames[a], attackData, attackLines,
                    Look.fade(ActorPalette.of(a), 0.55), dashed(2.5f), before);
        }
        NumberAxis count = integers();
        JFreeChart attackChart = chart("Attacks per week", attackData, count, attackLines);
        attackChart.removeLegend();
        add(attackChart);

        TimeSeriesCollection beliefData = new TimeSeriesCollection();
        XYLineAndShapeRenderer beliefLines = new XYLineAndShapeRenderer(true, false);
        beliefs = new TimeSeries[beliefPairs.length];
        beliefsBefore = new TimeSeries[beliefPairs.length];
        // Colour says who believes, the dash says about whom: one legend entry each, not one per pair.
        List<Integer> holders = new ArrayList<>();
        List<Integer> adversaries = new ArrayList<>();
        for (int[] pair : beliefPairs) {
            if (!holders.contains(pair[0])) holders.add(pair[0]);
            if (!adversaries.contains(pair[1])) adversaries.add(pair[1]);
        }
        for (int k = 0; k < beliefPairs.length; k++) {
            beliefs[k] = series(theatre.actorNames[beliefPairs[k][0]] + " about " + theatre.actorNames[beliefPairs[k][1]], beliefData, beliefLines,
                    ActorPalette.of(beliefPairs[k][0]), dash(adversaries.indexOf(beliefPairs[k][1]), 3f), thisRun);
        }
        for (int k = 0; k < beliefPairs.length; k++) {
            beliefsBefore[k] = series("before " + k, beliefData, beliefLines, Look.fade(ActorPalette.of(beliefPairs[k][0]), 0.45),
                    dashed(1.8f), before);
        }
        LegendItemCollection legend = new LegendItemCollection();
        if (adversaries.size() > 1) {
            for (int k = 0; k < adversaries.size(); k++) legend.add(item("about " + theatre.actorNames[adversaries.get(k)], Color.DARK_GRAY, dash(k, 3f)));
        }
        NumberAxis probability = new NumberAxis();
        probability.setRange(0, 1);
        JFreeChart beliefChart = chart("Belief that the adversary retaliates", beliefData, probability, beliefLines);
        if (legend.getItemCount() > 0) beliefChart.getXYPlot().setFixedLegendItems(legend);
        else beliefChart.removeLegend();
        add(beliefChart);

        TimeSeriesCollection killedData = new TimeSeriesCollection();
        XYLineAndShapeRenderer killedLines = new XYLineAndShapeRenderer(true, false);
        killed = new TimeSeries[n];
        killedBefore = new TimeSeries[n];
        for (int a = 0; a < n; a++) {
            if (!attacked(a)) continue;
            killed[a] = series(theatre.actorNames[a], killedData, killedLines, ActorPalette.of(a), new BasicStroke(3f), thisRun);
        }
        for (int a = 0; a < n; a++) {
            if (killed[a] != null) killedBefore[a] = series("before: " + theatre.actorNames[a], killedData, killedLines,
                    Look.fade(ActorPalette.of(a), 0.55), dashed(2.5f), before);
        }
        JFreeChart killedChart = chart("People killed, by side struck", killedData, integers(), killedLines);
        killedChart.removeLegend();
        add(killedChart);

        if (claims) {
            TimeSeriesCollection claimData = new TimeSeriesCollection();
            XYLineAndShapeRenderer claimLines = new XYLineAndShapeRenderer(true, false);
            series(launched, claimData, claimLines, new Color(0x333333), new BasicStroke(3f), thisRun);
            series(claimed, claimData, claimLines, new Color(0xD55E00), new BasicStroke(3f), thisRun);
            series(launchedBefore, claimData, claimLines, Look.fade(new Color(0x333333), 0.5), dashed(2.5f), before);
            series(claimedBefore, claimData, claimLines, Look.fade(new Color(0xD55E00), 0.5), dashed(2.5f), before);
            LegendItemCollection claimLegend = new LegendItemCollection();
            claimLegend.add(item("launched", new Color(0x333333), new BasicStroke(4f)));
            claimLegend.add(item("claimed", new Color(0xD55E00), new BasicStroke(4f)));
            JFreeChart claimChart = chart("Attacks launched and claimed, per week", claimData, integers(), claimLines);
            claimChart.getXYPlot().setFixedLegendItems(claimLegend);
            add(claimChart);
        }

        int fronts = theatre.frontIds.length;
        frontStates = new XYIntervalSeries[ScenarioSpec.FRONT_STATES.size()];
        frontStatesBefore = new XYIntervalSeries[frontStates.length];
        if (fronts > 0) {
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            XYBarRenderer bars = new XYBarRenderer();
            bars.setUseYInterval(true);
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
            LegendItemCollection frontLegend = new LegendItemCollection();
            for (int s = 0; s < frontStates.length; s++) {
                frontStates[s] = new Bars(ScenarioSpec.FRONT_STATES.get(s));
                data.addSeries(frontStates[s]);
                bars.setSeriesPaint(s, frontColour(s));
                frontLegend.add(new LegendItem(ScenarioSpec.FRONT_STATES.get(s), null, null, null, new Rectangle2D.Double(0, 0, 18, 10), frontColour(s)));
            }
            for (int s = 0; s < frontStates.length; s++) {
                frontStatesBefore[s] = new Bars("before " + ScenarioSpec.FRONT_STATES.get(s));
                data.addSeries(frontStatesBefore[s]);
                bars.setSeriesPaint(frontStates.length + s, Look.fade(frontColour(s), 0.45));
            }
            String[] frontNames = new String[fronts];
            for (int f = 0; f < fronts; f++) frontNames[f] = theatre.frontNames[f];
            SymbolAxis axis = new SymbolAxis(null, frontNames);
            axis.setGridBandsVisible(false);
            axis.setRange(-0.6, fronts - 0.4);
            axis.setInverted(true);
            JFreeChart frontChart = chart("The wider war: each front's state", data, axis, bars);
            frontChart.getXYPlot().setFixedLegendItems(frontLegend);
            add(frontChart);
        }
        // One key for every chart: an actor has the same colour everywhere.
        TreeSet<Integer> shown = new TreeSet<>();
        for (int a = 0; a < n; a++) if (attacks[a] != null || killed[a] != null) shown.add(a);
        for (int[] pair : beliefPairs) shown.add(pair[0]);
        for (int a : shown) keyLabels.add(swatch(theatre.actorNames[a], ActorPalette.of(a), false));
        keyLabels.add(swatch("dashed, faded (fronts: thin bars): the run before, after Replay", Look.PREVIOUS, true));
        key.setOpaque(false);
        for (JLabel l : keyLabels) key.add(l);
        grid.setOpaque(false);
        panel.add(key, java.awt.BorderLayout.NORTH);
        panel.add(grid, java.awt.BorderLayout.CENTER);
        restyle(look);
        reset(null);
    }

    private static JLabel swatch(String text, Color colour, boolean dashed) {
        JLabel l = new JLabel(text, new javax.swing.Icon() {
            @Override public void paintIcon(Component c, java.awt.Graphics g, int x, int y) {
                java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
                g2.setColor(colour);
                int h = getIconHeight();
                g2.setStroke(dashed ? new BasicStroke(Math.max(2, h / 5f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {5, 4}, 0)
                        : new BasicStroke(Math.max(3, h / 3.5f)));
                g2.drawLine(x, y + h / 2, x + getIconWidth(), y + h / 2);
                g2.dispose();
            }

            @Override public int getIconWidth() {
                return 22;
            }

            @Override public int getIconHeight() {
                return 12;
            }
        }, JLabel.LEFT);
        return l;
    }

    private static Color frontColour(int state) {
        return switch (ScenarioSpec.FRONT_STATES.get(state)) {
            case "war" -> new Color(0xB2182B);
            case "attrition" -> new Color(0xEF8A62);
            case "truce" -> new Color(0x92C5DE);
            case "ceasefire" -> new Color(0x2166AC);
            default -> new Color(0xD9D9D9);
        };
    }

    private static LegendItem item(String label, Paint paint, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(0, 0, 26, 0), stroke, paint);
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {9, 6}, 0);
    }

    private static BasicStroke dash(int k, float width) {
        return k == 0 ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {12f / k, 6f}, 0);
    }

    private static NumberAxis integers() {
        NumberAxis a = new NumberAxis();
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRangeMinimumSize(4);
        return a;
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

    private static TimeSeries series(String name, TimeSeriesCollection data, XYLineAndShapeRenderer r, Paint paint, BasicStroke stroke,
                                     List<TimeSeries> into) {
        return series(new TimeSeries(name), data, r, paint, stroke, into);
    }

    private static TimeSeries series(TimeSeries s, TimeSeriesCollection data, XYLineAndShapeRenderer r, Paint paint, BasicStroke stroke,
                                     List<TimeSeries> into) {
        data.addSeries(s);
        r.setSeriesPaint(data.getSeriesCount() - 1, paint);
        r.setSeriesStroke(data.getSeriesCount() - 1, stroke);
        into.add(s);
        return s;
    }

    private JFreeChart chart(String title, org.jfree.data.xy.XYDataset data, ValueAxis range, org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setRange(millis(theatre.start), millis(theatre.start.plusDays(theatre.days)));
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setDateFormatOverride(format);
        XYPlot plot = new XYPlot(data, time, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Look.GRID);
        plot.setRangeGridlinePaint(Look.GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        chart.setTitle(new TextTitle(title));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private void add(JFreeChart c) {
        ChartPanel p = new ChartPanel(c, false);
        p.setMinimumDrawWidth(100);
        p.setMinimumDrawHeight(80);
        p.setMaximumDrawWidth(8000);
        p.setMaximumDrawHeight(5000);
        p.setPopupMenu(null);
        p.setDomainZoomable(false);
        p.setRangeZoomable(false);
        charts.add(c);
        panels.add(p);
        grid.add(p);
    }

    /**
     * Every rung's name on the escalation chart's axis, one per level: the names' font shrinks (to 10 px at the
     * least) until all of them fit the plot's height, rather than every other name being left out.
     */
    private void fitRungNames(int chartHeight) {
        SymbolAxis axis = (SymbolAxis) escalationChart.getXYPlot().getRangeAxis();
        int labels = usedRungs.length + 1;
        double plot = chartHeight - 2.6 * look.label.getSize() - 2.2 * look.axis.getSize();
        int least = look.presentation ? look.axis.getSize() : 10;
        double fits = plot / (labels + 0.6) / 1.2;
        int size = (int) Math.max(least, Math.min(look.axis.getSize(), fits));
        if (axis.getTickLabelFont().getSize() != size) axis.setTickLabelFont(look.axis.deriveFont((float) size));
        // Where even the least font does not fit every name (presentation mode on a small window), names are skipped.
        axis.setAutoTickUnitSelection(fits < least);
        if (fits >= least) axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
    }

    /** The key's entries left to right, wrapping onto as many rows as the width needs. */
    private static final class KeyRows implements LayoutManager {
        @Override public void addLayoutComponent(String name, Component comp) { }

        @Override public void removeLayoutComponent(Component comp) { }

        @Override public Dimension preferredLayoutSize(Container parent) {
            int w = parent.getWidth() > 0 ? parent.getWidth() : (parent.getParent() != null ? parent.getParent().getWidth() : 600);
            return new Dimension(w, arrange(parent, Math.max(200, w), false));
        }

        @Override public Dimension minimumLayoutSize(Container parent) {
            return preferredLayoutSize(parent);
        }

        @Override public void layoutContainer(Container parent) {
            arrange(parent, parent.getWidth(), true);
        }

        private static int arrange(Container parent, int width, boolean place) {
            int x = 2;
            int y = 1;
            int rowH = 0;
            for (Component c : parent.getComponents()) {
                Dimension d = c.getPreferredSize();
                if (x > 2 && x + d.width > width) {
                    x = 2;
                    y += rowH + 1;
                    rowH = 0;
                }
                if (place) c.setBounds(x, y, d.width, d.height);
                x += d.width + 12;
                rowH = Math.max(rowH, d.height);
            }
            return y + rowH + 2;
        }
    }

    /** Sets every chart's text in the look's fonts. */
    void restyle(Look l) {
        look = l;
        for (JLabel k : keyLabels) k.setFont(l.small);
        for (JFreeChart c : charts) {
            c.getTitle().setFont(l.label);
            c.getTitle().setPadding(1, 2, 1, 2);
            XYPlot plot = c.getXYPlot();
            for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
                axis.setTickLabelFont(l.axis);
                axis.setLabelFont(l.axis);
            }
            LegendTitle legend = c.getLegend();
            if (legend != null) legend.setItemFont(l.small);
        }
        panel.setBackground(Color.WHITE);
        panel.revalidate();
    }

    JPanel panel() {
        return panel;
    }

    List<ChartPanel> chartPanels() {
        return panels;
    }

    static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    static Day day(LocalDate d) {
        return new Day(new Date(millis(d)), TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
    }

    /** Adds one day to every chart. Call on the Swing thread. */
    void add(Chronicle.Day d) {
        for (TimeSeries s : thisRun) s.setNotify(false);
        Day today = day(d.date());
        level.addOrUpdate(today, levelRow[d.level()]);
        recent.addLast(levelRow[d.level()]);
        if (recent.size() > TREND_DAYS) recent.removeFirst();
        levelTrend.addOrUpdate(today, recent.stream().mapToInt(Integer::intValue).average().orElse(0));
        Day weekStart = day(theatre.start.plusDays(7L * d.week()));
        for (int a = 0; a < attacks.length; a++) {
            if (attacks[a] != null) attacks[a].addOrUpdate(weekStart, d.attacksThisWeek()[a]);
        }
        for (int k = 0; k < beliefs.length; k++) beliefs[k].addOrUpdate(today, d.beliefs()[k]);
        for (int a = 0; a < killed.length; a++) {
            if (killed[a] != null) killed[a].addOrUpdate(today, d.killedAmong()[a]);
        }
        if (claims) {
            if (d.week() != currentWeek) {
                weekClaimsStart[0] = lastLaunched;
                weekClaimsStart[1] = lastClaims;
                currentWeek = d.week();
            }
            launched.addOrUpdate(weekStart, d.attacksByClaimants() - weekClaimsStart[0]);
            claimed.addOrUpdate(weekStart, d.claims() - weekClaimsStart[1]);
            lastLaunched = d.attacksByClaimants();
            lastClaims = d.claims();
        }
        if (theatre.frontIds.length > 0) extendFronts(frontStates, d, lastFront, -0.32, 0.32);
        lastFront = d.fronts();
        for (TimeSeries s : thisRun) s.setNotify(true);
    }

    private int lastLaunched;
    private int lastClaims;

    /** A state's bars, one per stretch of days a front spent in it. */
    private static final class Bars extends XYIntervalSeries {
        private static final long serialVersionUID = 1L;

        Bars(String key) {
            super(key);
        }

        void removeAt(int i) {
            remove(i);
        }
    }

    /** Lengthens each front's bar by a day, starting a new one where its state changed; bars span rows f+lo to f+hi. */
    private static void extendFronts(XYIntervalSeries[] into, Chronicle.Day d, int[] previous, double lo, double hi) {
        long from = millis(d.date());
        long to = millis(d.date().plusDays(1));
        for (int f = 0; f < d.fronts().length; f++) {
            int s = d.fronts()[f];
            XYIntervalSeries series = into[s];
            int last = previous != null && previous[f] == s ? lastItemOf(series, f + lo) : -1;
            double x0 = from;
            if (last >= 0) {
                x0 = series.getXLowValue(last);
                ((Bars) series).removeAt(last);
            }
            series.add(x0, x0, to, f, f + lo, f + hi);
        }
    }

    /** The item of a front's latest bar in a state's series: the one starting at row {@code low} with the largest start. */
    private static int lastItemOf(XYIntervalSeries s, double low) {
        int best = -1;
        for (int i = 0; i < s.getItemCount(); i++) {
            if (Math.abs(s.getYLowValue(i) - low) < 1e-9 && (best < 0 || s.getXLowValue(i) > s.getXLowValue(best))) best = i;
        }
        return best;
    }

    /** Empties every chart for a new run and draws the run before (may be null) dashed, on every chart. */
    void reset(List<Chronicle.Day> previous) {
        for (TimeSeries t : thisRun) t.clear();
        for (TimeSeries t : before) t.clear();
        for (XYIntervalSeries s : frontStates) if (s != null) s.clear();
        for (XYIntervalSeries s : frontStatesBefore) if (s != null) s.clear();
        recent.clear();
        currentWeek = -1;
        lastLaunched = 0;
        lastClaims = 0;
        lastFront = null;
        if (previous == null || previous.isEmpty()) return;
        for (TimeSeries t : before) t.setNotify(false);
        double sum = 0;
        int[] beforeStart = new int[2];
        int week = -1;
        int prevLaunched = 0;
        int prevClaims = 0;
        int[] prevFront = null;
        for (int k = 0; k < previous.size(); k++) {
            Chronicle.Day d = previous.get(k);
            int row = levelRow[d.level()];
            sum += row - (k >= TREND_DAYS ? levelRow[previous.get(k - TREND_DAYS).level()] : 0);
            Day today = day(d.date());
            levelBefore.add(today, sum / Math.min(k + 1, TREND_DAYS));
            Day weekStart = day(theatre.start.plusDays(7L * d.week()));
            for (int a = 0; a < attacksBefore.length; a++) {
                if (attacksBefore[a] != null) attacksBefore[a].addOrUpdate(weekStart, d.attacksThisWeek()[a]);
            }
            for (int p = 0; p < beliefsBefore.length; p++) beliefsBefore[p].add(today, d.beliefs()[p]);
            for (int a = 0; a < killedBefore.length; a++) {
                if (killedBefore[a] != null) killedBefore[a].add(today, d.killedAmong()[a]);
            }
            if (claims) {
                if (d.week() != week) {
                    beforeStart[0] = prevLaunched;
                    beforeStart[1] = prevClaims;
                    week = d.week();
                }
                launchedBefore.addOrUpdate(weekStart, d.attacksByClaimants() - beforeStart[0]);
                claimedBefore.addOrUpdate(weekStart, d.claims() - beforeStart[1]);
                prevLaunched = d.attacksByClaimants();
                prevClaims = d.claims();
            }
            if (theatre.frontIds.length > 0) extendFronts(frontStatesBefore, d, prevFront, 0.34, 0.46);
            prevFront = d.fronts();
        }
        for (TimeSeries t : before) t.setNotify(true);
    }

    /** Number of points of the escalation chart's mean-level curves: this run's, and the run before's. */
    int[] escalationPoints() {
        return new int[] {levelTrend.getItemCount(), levelBefore.getItemCount()};
    }

    /** The number of series holding the run before that have points, over all charts. */
    int previousSeriesShown() {
        int k = 0;
        for (TimeSeries t : before) if (t.getItemCount() > 0) k++;
        for (XYIntervalSeries s : frontStatesBefore) if (s != null && s.getItemCount() > 0) k++;
        return k;
    }

    /** The charts that draw the run before once there is one: all of them. */
    int chartsWithPrevious() {
        int k = 0;
        for (JFreeChart c : charts) {
            XYPlot plot = c.getXYPlot();
            boolean has = false;
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                var data = plot.getDataset(d);
                if (data == null) continue;
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    String key = data.getSeriesKey(s).toString();
                    if ((key.startsWith("before") || key.contains("run before")) && data.getItemCount(s) > 0) has = true;
                }
            }
            if (has) k++;
        }
        return k;
    }

    List<JFreeChart> charts() {
        return charts;
    }

    JFreeChart escalationChart() {
        return escalationChart;
    }

    /**
     * Lays the charts out for the room: the escalation chart across the whole width, the fronts (a wide strip)
     * across the bottom, the others two to a row, or one to a row where two would be narrower than {@link #MIN_WIDTH}.
     */
    private final class Grid implements LayoutManager {
        @Override public void addLayoutComponent(String name, Component comp) { }

        @Override public void removeLayoutComponent(Component comp) { }

        @Override public Dimension preferredLayoutSize(Container parent) {
            return new Dimension(2 * MIN_WIDTH, 600);
        }

        @Override public Dimension minimumLayoutSize(Container parent) {
            return new Dimension(MIN_WIDTH, 300);
        }

        @Override public void layoutContainer(Container parent) {
            int n = parent.getComponentCount();
            if (n == 0) return;
            int w = parent.getWidth();
            int h = parent.getHeight();
            int gap = 6;
            boolean fronts = theatre.frontIds.length > 0;
            int middle = n - 1 - (fronts ? 1 : 0);
            int columns = (w - gap) / 2 >= MIN_WIDTH ? 2 : 1;
            int rows = (middle + columns - 1) / columns;
            double topWeight = look.presentation ? 1.3 : 1.45;
            double frontWeight = fronts ? Math.min(1.1, 0.6 + 0.15 * theatre.frontIds.length) : 0;
            double total = topWeight + rows + frontWeight;
            double unit = (h - gap * (rows + (fronts ? 2 : 1))) / total;
            int y = 0;
            int top = (int) Math.round(unit * topWeight);
            parent.getComponent(0).setBounds(0, y, w, top);
            fitRungNames(top);
            y += top + gap;
            int rowH = (int) Math.round(unit);
            for (int k = 0; k < middle; k++) {
                int row = k / columns;
                int col = k % columns;
                boolean alone = columns == 2 && col == 0 && k == middle - 1;
                int cw = alone ? w : (w - gap * (columns - 1)) / columns;
                parent.getComponent(1 + k).setBounds(col * (cw + gap), y + row * (rowH + gap), cw, rowH);
            }
            y += rows * (rowH + gap);
            if (fronts) parent.getComponent(n - 1).setBounds(0, y, w, Math.max(40, h - y));
        }
    }
}
