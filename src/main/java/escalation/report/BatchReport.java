package escalation.report;

import static escalation.report.HtmlPage.esc;
import static escalation.report.HtmlPage.fmt;
import static escalation.report.HtmlPage.prob;

import escalation.experiment.BatchSummary;
import escalation.experiment.Statistics;
import escalation.io.ResultsFolder;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts and the self-contained {@code report.html} of a batch, and its summary for the terminal.
 * The page embeds every chart (as PNG) and holds no timestamps, so it depends only on the batch.
 */
public final class BatchReport {
    public static final String CHARTS = HtmlPage.CHARTS;

    private BatchReport() { }

    /** Writes charts/ (PNG and SVG of each chart) and report.html; returns the chart names. */
    public static List<String> write(ResultsFolder folder, BatchSummary s, String description, double precision) throws IOException {
        Map<String, String> images = HtmlPage.writeCharts(folder.path(), Charts.all(s));
        folder.write(BatchFiles.REPORT, html(s, description, precision, images));
        return List.copyOf(images.keySet());
    }

    static String html(BatchSummary s, String description, double precision, Map<String, String> pngs) {
        StringBuilder b = HtmlPage.start(s.title());
        if (!description.isBlank()) b.append("<p>").append(esc(description.strip())).append("</p>\n");
        b.append("<p>").append(s.runs()).append(" runs from ").append(s.dates().get(0)).append(" to ")
                .append(s.dates().get(s.dates().size() - 1)).append(" (").append(s.dates().size()).append(" days), master seed ")
                .append(s.seed()).append(". Actors: ").append(esc(String.join(", ", s.actorNames()))).append(".</p>\n");
        if (s.failed() > 0) {
            b.append("<p class=\"warn\">").append(s.failed()).append(" run(s) threw an error and are left out; see runs.csv.</p>\n");
        }
        b.append("<p>Reproduce: <code>").append(esc(s.command())).append("</code></p>\n");

        b.append("<h2>Outcomes</h2>\n<table><tr><th>outcome</th><th>probability</th><th>95% interval</th>"
                + "<th>median first crossing</th><th>runs for &plusmn;").append(fmt(precision)).append("</th></tr>\n");
        for (BatchSummary.OutcomeEstimate o : s.outcomes()) {
            b.append("<tr><td>").append(esc(o.name())).append("</td><td>").append(prob(o.probability())).append("</td><td>")
                    .append(prob(o.low())).append(" – ").append(prob(o.high())).append("</td><td>")
                    .append(o.medianDay() < 0 ? "none (under half cross)" : s.dates().get(o.medianDay()).toString()).append("</td><td>")
                    .append(Statistics.runsNeeded(o.probability(), precision)).append("</td></tr>\n");
        }
        b.append("</table>\n<p>").append(esc(convergence(s, precision))).append("</p>\n");

        b.append("<h2>Charts</h2>\n");
        pngs.forEach((name, png) -> HtmlPage.figure(b, name, png, caption(name)));

        b.append("<h2>Totals per run</h2>\n<table><tr><th>attacker → target</th><th>metric</th><th>mean</th><th>95% interval</th>"
                + "<th>5%</th><th>median</th><th>95%</th></tr>\n");
        for (BatchSummary.MetricEstimate m : s.metrics()) {
            if (m.mean() == 0) continue;
            b.append("<tr><td>").append(esc(name(s, m.attacker()) + " → " + name(s, m.target()))).append("</td><td>").append(m.metric())
                    .append("</td><td>").append(fmt(m.mean())).append("</td><td>").append(fmt(m.low())).append(" – ").append(fmt(m.high()))
                    .append("</td><td>").append(fmt(m.p5())).append("</td><td>").append(fmt(m.p50())).append("</td><td>")
                    .append(fmt(m.p95())).append("</td></tr>\n");
        }
        b.append("</table>\n<p>Tables: runs.csv (one row per run), outcomes.csv, daily.csv, totals.csv; the resolved scenario is in manifest.json.</p>\n");
        return b.append(HtmlPage.end()).toString();
    }

    private static String caption(String chart) {
        return switch (chart) {
            case "escalation-fan" -> "Daily escalation level: median, 50% and 90% bands, mean";
            case "outcomes" -> "Probability of each outcome with its 95% Wilson interval";
            case "survival" -> "Probability that an outcome has not yet happened (Kaplan–Meier, censored at the calendar's end)";
            case "weekly-attacks" -> "Mean attacks per week by actor";
            case "casualties" -> "Distribution across runs of people killed, by target";
            default -> chart;
        };
    }

    /** Whether N was enough for the wanted precision of every outcome probability, and if not how many runs would be. */
    public static String convergence(BatchSummary s, double precision) {
        long needed = 0;
        for (BatchSummary.OutcomeEstimate o : s.outcomes()) {
            if ((o.high() - o.low()) / 2 > precision) needed = Math.max(needed, Statistics.runsNeeded(o.probability(), precision));
        }
        return needed == 0
                ? "Convergence: every outcome probability is known to within ±" + fmt(precision) + " (95%) with " + s.runs() + " runs."
                : "Convergence: " + s.runs() + " runs are not enough for ±" + fmt(precision) + " (95%) on every outcome; about "
                        + needed + " would be.";
    }

    /** The terminal summary of a batch. */
    public static String text(BatchSummary s, double precision) {
        StringBuilder b = new StringBuilder();
        b.append(s.title()).append(": ").append(s.runs()).append(" runs, seed ").append(s.seed()).append('\n');
        b.append(String.format(Locale.ROOT, "%-42s %11s %17s  %s%n", "outcome", "probability", "95% interval", "median first crossing"));
        for (BatchSummary.OutcomeEstimate o : s.outcomes()) {
            b.append(String.format(Locale.ROOT, "%-42s %11.3f   %6.3f – %6.3f  %s%n", o.name(), o.probability(), o.low(), o.high(),
                    o.medianDay() < 0 ? "none (under half cross)" : s.dates().get(o.medianDay()).toString()));
        }
        return b.append(convergence(s, precision)).append('\n').toString();
    }

    private static String name(BatchSummary s, String id) {
        int i = s.actorIds().indexOf(id);
        return i < 0 ? id : s.actorNames().get(i);
    }
}
