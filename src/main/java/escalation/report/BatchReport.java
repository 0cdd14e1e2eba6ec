package escalation.report;

import escalation.experiment.BatchSummary;
import escalation.experiment.Statistics;
import escalation.io.ResultsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The charts and the self-contained {@code report.html} of a batch, and its summary for the terminal.
 * The page embeds every chart (as PNG) and holds no timestamps, so it depends only on the batch.
 */
public final class BatchReport {
    public static final String CHARTS = "charts";

    private BatchReport() { }

    /** Writes charts/ (PNG and SVG of each chart) and report.html; returns the chart names. */
    public static List<String> write(ResultsFolder folder, BatchSummary s, String description, double precision) throws IOException {
        Path charts = folder.path().resolve(CHARTS);
        Files.createDirectories(charts);
        Map<String, String> images = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> e : Charts.all(s).entrySet()) {
            ChartWriter.write(e.getValue(), charts, e.getKey(), ChartWriter.WIDTH, ChartWriter.HEIGHT);
            images.put(e.getKey(), Base64.getEncoder().encodeToString(Files.readAllBytes(charts.resolve(e.getKey() + ".png"))));
        }
        folder.write(BatchFiles.REPORT, html(s, description, precision, images));
        return List.copyOf(images.keySet());
    }

    static String html(BatchSummary s, String description, double precision, Map<String, String> pngs) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(s.title()))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:1250px;margin:2em auto;padding:0 1em;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #eee;margin:0.5em 0}"
                        + "code{background:#f4f4f4;padding:2px 4px}.warn{color:#a40}</style></head><body>\n");
        b.append("<h1>").append(esc(s.title())).append("</h1>\n");
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
        pngs.forEach((name, png) -> b.append("<figure><img alt=\"").append(esc(name)).append("\" id=\"chart-").append(name)
                .append("\" src=\"data:image/png;base64,").append(png).append("\"><figcaption>").append(esc(caption(name)))
                .append(" (also <a href=\"charts/").append(name).append(".svg\">SVG</a>)</figcaption></figure>\n"));

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
        return b.append("</body></html>\n").toString();
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

    static String fmt(double v) {
        if (Double.isNaN(v)) return "–";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    /** Probabilities keep three decimals, even at 0 and 1, so a column of them lines up. */
    static String prob(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
