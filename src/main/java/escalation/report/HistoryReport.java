package escalation.report;

import static escalation.report.HtmlPage.esc;

import escalation.history.Target;
import escalation.history.Validation;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * What a history check says: the table of observed figures against their simulated distributions
 * (terminal and {@code checks.csv}), the observed series over the simulated weekly fan, and a
 * self-contained {@code report.html} with sources.
 */
public final class HistoryReport {
    public static final String CHECKS = "checks.csv";
    public static final String REPORT = "report.html";
    public static final String SUMMARY = "summary.json";

    private HistoryReport() { }

    /** The table for the terminal; the censored column only when some target has censored runs. */
    public static String text(String title, Validation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(title).append(": ").append(r.runs()).append(" runs, seed ").append(r.seed()).append('\n');
        boolean censoring = r.checks().stream().anyMatch(c -> c.censoredShare() > 0);
        List<String[]> rows = new ArrayList<>();
        rows.add(censoring ? new String[] {"target", "observed", "sim median", "sim 90% interval", "in range", "censored", "covered", "point inside"}
                : new String[] {"target", "observed", "sim median", "sim 90% interval", "in range", "covered", "point inside"});
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            List<String> row = new ArrayList<>(List.of(t.id(), t.format(t.observed()), t.format(c.median()), interval(c), percent(c.inRangeShare())));
            if (censoring) row.add(c.censoredShare() > 0 ? percent(c.censoredShare()) : "");
            row.add(c.covered() ? "yes" : "NO");
            row.add(c.pointInside() ? "yes" : "no");
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) width[k] = Math.max(width[k], row[k].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < row.length; k++) line.append(row[k]).append(" ".repeat(width[k] - row[k].length() + 2));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        b.append(r.coveredCount()).append(" of ").append(r.checks().size())
                .append(" observed ranges meet the simulated 90% interval (covered); ").append(r.pointInsideCount())
                .append(" of ").append(r.checks().size()).append(" observed values lie inside it (point inside).\n");
        b.append("whole record: ").append(wholeRecord(r.wholeRecord())).append('\n');
        Validation.Check rarest = rarest(r);
        if (rarest != null) {
            b.append("fewest runs in range: ").append(rarest.target().id()).append(" (").append(percent(rarest.inRangeShare())).append(")\n");
        }
        if (r.failed() > 0) b.append(r.failed()).append(" run(s) threw an error and are left out.\n");
        return b.toString();
    }

    /** "12 of 1000 runs (1.2%, 95% Wilson interval 0.7% – 2.1%) have every target in its observed range". */
    static String wholeRecord(Validation.WholeRecord w) {
        double[] ci = w.interval();
        return w.matching() + " of " + w.runs() + " runs (" + percent(w.share()) + ", 95% Wilson interval " + percent(ci[0]) + " – "
                + percent(ci[1]) + ") have every target in its observed range";
    }

    /** The target fewest runs match, which bounds the whole-record share from above. */
    static Validation.Check rarest(Validation.Result r) {
        return r.checks().stream().min(java.util.Comparator.comparingDouble(Validation.Check::inRangeShare)).orElse(null);
    }

    /** A simulated 90% interval; a censored end says so. */
    static String interval(Validation.Check c) {
        return c.target().format(c.low()) + " – " + c.target().format(c.high());
    }

    /** A share of runs as a percentage: one decimal, more below 1% so that a small share is not shown as 0. */
    static String percent(double share) {
        if (Double.isNaN(share)) return "–";
        double p = 100 * share;
        return String.format(Locale.ROOT, p > 0 && p < 1 ? "%.2f%%" : "%.1f%%", p);
    }

    /** One row per target: the figure, its range and source, and the simulated distribution. */
    public static String csv(Validation.Result r) {
        StringBuilder b = new StringBuilder(Csv.row("target", "statistic", "observed", "observed_low", "observed_high",
                "sim_median", "sim_low_5", "sim_high_95", "sim_mean", "undefined_runs", "censored_share", "in_range_share",
                "covered", "point_inside", "source", "published"));
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            b.append(Csv.row(t.id(), t.kind().key, t.format(t.observed()), t.format(t.low()), t.format(t.high()),
                    t.format(c.median()), t.format(c.low()), t.format(c.high()), Csv.num(c.mean()), c.undefined(),
                    Csv.num(c.censoredShare()), Csv.num(c.inRangeShare()), c.covered(), c.pointInside(),
                    t.figure().source(), t.figure().published()));
        }
        return b.toString();
    }

    /** Writes checks.csv, summary.json (what {@code history --json} prints), charts/ and report.html. */
    public static void write(ResultsFolder folder, String title, String scenario, String command, Validation.Result r) throws IOException {
        folder.write(CHECKS, csv(r));
        folder.write(SUMMARY, HistoryJson.of(title, scenario, r));
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        Map<String, String> captions = new LinkedHashMap<>();
        if (r.fan() != null) {
            charts.put("weekly-observed", HistoryCharts.weeklyFan(title, r));
            captions.put("weekly-observed", "Observed counts (each window as a weekly rate, with its range) over the "
                    + "simulated weekly counts: median, 50% and 90% of runs");
        }
        charts.put("targets", HistoryCharts.coverage(title, r));
        captions.put("targets", "Each target: the simulated 90% interval and median (bar) against the observed value and range "
                + "(diamond and whisker), scaled to the observed range");
        Map<String, String> pngs = HtmlPage.writeCharts(folder.path(), charts);
        StringBuilder figures = new StringBuilder();
        pngs.forEach((name, png) -> HtmlPage.figure(figures, name, png, captions.get(name)));
        folder.write(REPORT, html(title, command, r, figures.toString()));
    }

    static String html(String title, String command, Validation.Result r, String figures) {
        StringBuilder b = HtmlPage.start(title);
        b.append("<p>").append(r.runs()).append(" runs, master seed ").append(r.seed())
                .append(". A target is <em>covered</em> when its observed range meets the simulated 90% interval (5% to 95% of runs); ")
                .append("the stricter <em>point inside</em> asks that the observed value itself lie inside that interval. ")
                .append("A lag or first date with no event by its window's end is <em>censored</em>; such a target passes neither ")
                .append("check through censored runs alone: at least 5% of runs must have an event on or after the observed value ")
                .append("(point inside) or the range's low end (covered). ")
                .append(r.coveredCount()).append(" of ").append(r.checks().size()).append(" targets are covered; ")
                .append(r.pointInsideCount()).append(" of ").append(r.checks().size()).append(" have the point inside.</p>\n");
        b.append("<p><strong>Whole record</strong>: ").append(esc(wholeRecord(r.wholeRecord())))
                .append(" at once, the pattern-oriented test of one parameter set against every pattern together.");
        Validation.Check rarest = rarest(r);
        if (rarest != null) {
            b.append(" The target fewest runs match is ").append(esc(rarest.target().id())).append(" (")
                    .append(percent(rarest.inRangeShare())).append(" of runs in its range).");
        }
        b.append("</p>\n");
        if (r.failed() > 0) b.append("<p class=\"warn\">").append(r.failed()).append(" run(s) threw an error and are left out.</p>\n");
        b.append("<p>Reproduce: <code>").append(esc(command)).append("</code></p>\n");
        b.append("<table class=\"text\"><tr><th>target</th><th>what was observed</th><th>observed (range)</th><th>simulated median</th>"
                + "<th>simulated 90%</th><th>runs in range</th><th>runs censored</th><th>covered</th><th>point inside</th><th>source</th></tr>\n");
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            b.append("<tr><td>").append(esc(t.id())).append("</td><td>").append(esc(t.figure().quantity()))
                    .append("</td><td>").append(t.format(t.observed())).append(" (").append(t.format(t.low())).append(" – ")
                    .append(t.format(t.high())).append(")</td><td>").append(t.format(c.median())).append("</td><td>")
                    .append(interval(c)).append("</td><td>").append(percent(c.inRangeShare())).append("</td><td>")
                    .append(c.censoredShare() > 0 ? percent(c.censoredShare()) : t.kind().censors() ? "0%" : "").append("</td><td")
                    .append(c.covered() ? ">yes" : " class=\"warn\">no").append("</td><td")
                    .append(c.pointInside() ? ">yes" : " class=\"warn\">no").append("</td><td>").append(esc(t.figure().citation()))
                    .append("; range: ").append(esc(t.figure().rangeRule())).append("</td></tr>\n");
        }
        return b.append("</table>\n").append(figures).append("<p>Tables: checks.csv; summary.json.</p>\n").append(HtmlPage.end()).toString();
    }
}
