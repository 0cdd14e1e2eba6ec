package escalation.report;

import static escalation.report.HtmlPage.esc;

import escalation.history.Target;
import escalation.history.Validation;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import java.io.IOException;
import java.util.LinkedHashMap;
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

    private HistoryReport() { }

    /** The table for the terminal. */
    public static String text(String title, Validation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(title).append(": ").append(r.runs()).append(" runs, seed ").append(r.seed()).append('\n');
        String row = "%-28s %-11s %-11s %-25s %-8s %s%n";
        b.append(String.format(Locale.ROOT, row, "target", "observed", "sim median", "sim 90% interval", "covered", "point inside"));
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            b.append(String.format(Locale.ROOT, row, t.id(), t.format(t.observed()), t.format(c.median()),
                    t.format(c.low()) + " – " + t.format(c.high()), c.covered() ? "yes" : "NO", c.pointInside() ? "yes" : "no"));
        }
        b.append(r.coveredCount()).append(" of ").append(r.checks().size())
                .append(" observed ranges meet the simulated 90% interval (covered); ").append(r.pointInsideCount())
                .append(" of ").append(r.checks().size()).append(" observed values lie inside it (point inside).\n");
        return b.toString();
    }

    /** One row per target: the figure, its range and source, and the simulated distribution. */
    public static String csv(Validation.Result r) {
        StringBuilder b = new StringBuilder(Csv.row("target", "statistic", "observed", "observed_low", "observed_high",
                "sim_median", "sim_low_5", "sim_high_95", "sim_mean", "undefined_runs", "covered", "point_inside", "source", "published"));
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            b.append(Csv.row(t.id(), t.kind().key, t.format(t.observed()), t.format(t.low()), t.format(t.high()),
                    t.format(c.median()), t.format(c.low()), t.format(c.high()), Csv.num(c.mean()), c.undefined(),
                    c.covered(), c.pointInside(), t.figure().source(), t.figure().published()));
        }
        return b.toString();
    }

    /** Writes checks.csv, charts/ and report.html. */
    public static void write(ResultsFolder folder, String title, String command, Validation.Result r) throws IOException {
        folder.write(CHECKS, csv(r));
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
                .append(r.coveredCount()).append(" of ").append(r.checks().size()).append(" targets are covered; ")
                .append(r.pointInsideCount()).append(" of ").append(r.checks().size()).append(" have the point inside.</p>\n");
        if (r.failed() > 0) b.append("<p class=\"warn\">").append(r.failed()).append(" run(s) threw an error and are left out.</p>\n");
        b.append("<p>Reproduce: <code>").append(esc(command)).append("</code></p>\n");
        b.append("<table class=\"text\"><tr><th>target</th><th>what was observed</th><th>observed (range)</th><th>simulated median</th>"
                + "<th>simulated 90%</th><th>covered</th><th>point inside</th><th>source</th></tr>\n");
        for (Validation.Check c : r.checks()) {
            Target t = c.target();
            b.append("<tr><td>").append(esc(t.id())).append("</td><td>").append(esc(t.figure().quantity()))
                    .append("</td><td>").append(t.format(t.observed())).append(" (").append(t.format(t.low())).append(" – ")
                    .append(t.format(t.high())).append(")</td><td>").append(t.format(c.median())).append("</td><td>")
                    .append(t.format(c.low())).append(" – ").append(t.format(c.high())).append("</td><td")
                    .append(c.covered() ? ">yes" : " class=\"warn\">no").append("</td><td")
                    .append(c.pointInside() ? ">yes" : " class=\"warn\">no").append("</td><td>").append(esc(t.figure().citation()))
                    .append("; range: ").append(esc(t.figure().rangeRule())).append("</td></tr>\n");
        }
        return b.append("</table>\n").append(figures).append("<p>Table: checks.csv.</p>\n").append(HtmlPage.end()).toString();
    }
}
