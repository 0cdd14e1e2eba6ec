package escalation.report;

import escalation.experiment.BatchSummary;
import escalation.experiment.Comparison;
import escalation.experiment.PairedBreakdown;
import escalation.io.Csv;
import escalation.io.ResultsFolder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The tables, charts and self-contained {@code compare.html} of a comparison of variants, and its
 * summary for the terminal. Nothing here depends on the time or the thread count.
 */
public final class CompareReport {
    public static final String COMPARISON = "comparison.csv";
    public static final String TOTALS = "comparison-totals.csv";
    public static final String ACTORS = "comparison-actors.csv";
    public static final String PAIRS = "comparison-pairs.csv";
    public static final String REPORT = "compare.html";
    /** Each variant's own batch files live under {@code variants/<name>/}. */
    public static final String VARIANTS = "variants";

    static final String METHODS = "Every variant ran with the same seeds (common random numbers): run i of each variant used "
            + "the seed derived from the master seed and i, so differences are estimated on paired runs. Probabilities: "
            + "share of runs with a 95% Wilson interval. Differences (variant minus baseline): 95% Newcombe square-and-add "
            + "interval for paired proportions (Newcombe 1998, method 10). Test: McNemar's exact test on the discordant runs "
            + "(crossed in one variant only). Several outcomes and variants are tested at once, so p-values are also given "
            + "Holm-adjusted over all of them (family-wise error 5%). Totals: mean per run with a 95% interval; the mean "
            + "paired difference with a 95% paired t interval and paired t test, Holm-adjusted over all totals.";

    private CompareReport() { }

    /** The charts of a comparison, keyed by file name, in report order. */
    public static LinkedHashMap<String, JFreeChart> charts(Comparison c) {
        LinkedHashMap<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("compare-fan", Charts.compareFan(c.variants(), c.summaries()));
        charts.put("compare-outcomes", Charts.compareOutcomes(c.variants(), c.summaries()));
        charts.put("compare-differences", Charts.compareDifferences(c));
        return charts;
    }

    /** Writes comparison.csv, comparison-totals.csv, comparison-actors.csv and comparison-pairs.csv. */
    public static void tables(ResultsFolder folder, Comparison c) throws IOException {
        StringBuilder o = new StringBuilder("outcome,name,variant,runs,crossed,estimate,low,high,difference,diff_low,diff_high,"
                + "only_baseline,only_variant,p,p_holm\n");
        for (Comparison.OutcomeRow r : c.outcomes()) {
            o.append(Csv.row(r.outcome(), r.name(), r.variant(), c.runs(), r.crossed(), r.estimate(), r.low(), r.high(),
                    r.difference(), r.differenceLow(), r.differenceHigh(), r.baseline() ? "" : r.onlyBaseline(),
                    r.baseline() ? "" : r.onlyVariant(), r.p(), r.pHolm()));
        }
        folder.write(COMPARISON, o.toString());
        StringBuilder t = new StringBuilder("metric,variant,runs,mean,low,high,difference,diff_low,diff_high,p,p_holm\n");
        for (Comparison.TotalRow r : c.totals()) {
            t.append(Csv.row(r.metric(), r.variant(), c.runs(), r.mean(), r.low(), r.high(), r.difference(), r.differenceLow(),
                    r.differenceHigh(), r.p(), r.pHolm()));
        }
        folder.write(TOTALS, t.toString());
        StringBuilder a = new StringBuilder("actor,metric,variant,runs,mean,low,high,difference,diff_low,diff_high,p,p_holm\n");
        for (PairedBreakdown.Row r : c.actors()) {
            a.append(Csv.row(r.actor(), r.metric(), r.variant(), c.runs(), r.mean(), r.low(), r.high(), r.difference(), r.differenceLow(),
                    r.differenceHigh(), r.p(), r.pHolm()));
        }
        folder.write(ACTORS, a.toString());
        StringBuilder p = new StringBuilder("attacker,target,metric,variant,runs,mean,low,high,difference,diff_low,diff_high,p,p_holm\n");
        for (PairedBreakdown.Row r : c.pairs()) {
            p.append(Csv.row(r.attacker(), r.target(), r.metric(), r.variant(), c.runs(), r.mean(), r.low(), r.high(), r.difference(),
                    r.differenceLow(), r.differenceHigh(), r.p(), r.pHolm()));
        }
        folder.write(PAIRS, p.toString());
    }

    /** Writes charts/ (PNG and SVG) and compare.html; returns the chart names. */
    public static List<String> write(ResultsFolder folder, Comparison c, Map<String, String> descriptions) throws IOException {
        Map<String, String> images = HtmlPage.writeCharts(folder.path(), charts(c));
        folder.write(REPORT, html(c, descriptions, images));
        return List.copyOf(images.keySet());
    }

    static String html(Comparison c, Map<String, String> descriptions, Map<String, String> pngs) {
        BatchSummary base = c.summaries().get(0);
        StringBuilder b = HtmlPage.start("Comparison: " + String.join(" vs ", c.variants()));
        b.append("<p>").append(c.runs()).append(" paired runs of each variant from ").append(base.dates().get(0)).append(" to ")
                .append(base.dates().get(base.dates().size() - 1)).append(", master seed ").append(c.seed())
                .append(". Baseline: <b>").append(HtmlPage.esc(c.variants().get(0))).append("</b>.</p>\n<ul>\n");
        for (int v = 0; v < c.variants().size(); v++) {
            String name = c.variants().get(v);
            b.append("<li><b>").append(HtmlPage.esc(name)).append("</b>: ").append(HtmlPage.esc(c.summaries().get(v).title()));
            String d = descriptions.getOrDefault(name, "");
            if (!d.isBlank()) b.append(" — ").append(HtmlPage.esc(d));
            b.append("</li>\n");
        }
        b.append("</ul>\n");
        if (c.failed() > 0) {
            b.append("<p class=\"warn\">").append(c.failed())
                    .append(" run(s) threw an error in at least one variant and are left out of every variant; see each runs.csv.</p>\n");
        }
        b.append("<p>Reproduce: <code>").append(HtmlPage.esc(c.command())).append("</code></p>\n");

        b.append("<h2>Outcomes</h2>\n<table>\n");
        HtmlPage.row(b, "th", "outcome", "variant", "probability", "95% interval", "difference", "95% interval",
                "discordant runs (baseline only / variant only)", "McNemar p", "Holm p");
        for (Comparison.OutcomeRow r : c.outcomes()) {
            boolean sig = Comparison.significant(r);
            HtmlPage.row(b, "td", r.baseline() ? HtmlPage.esc(r.name()) : "", HtmlPage.esc(r.variant()), HtmlPage.fmt(r.estimate()),
                    HtmlPage.fmt(r.low()) + " – " + HtmlPage.fmt(r.high()),
                    r.baseline() ? "" : (sig ? "<span class=\"sig\">" : "") + signed(r.difference()) + (sig ? "</span>" : ""),
                    r.baseline() ? "" : signed(r.differenceLow()) + " – " + signed(r.differenceHigh()),
                    r.baseline() ? "" : r.onlyBaseline() + " / " + r.onlyVariant(),
                    r.baseline() ? "" : HtmlPage.esc(HtmlPage.pValue(r.p())), r.baseline() ? "" : HtmlPage.esc(HtmlPage.pValue(r.pHolm())));
        }
        b.append("</table>\n<p>Bold: significant at 5% after Holm's adjustment.</p>\n");

        b.append("<h2>Totals per run (all actors)</h2>\n<table>\n");
        HtmlPage.row(b, "th", "total", "variant", "mean", "95% interval", "mean difference", "95% interval (paired t)", "p", "Holm p");
        for (Comparison.TotalRow r : c.totals()) {
            HtmlPage.row(b, "td", r.baseline() ? r.metric().replace('_', ' ') : "", HtmlPage.esc(r.variant()), HtmlPage.fmt(r.mean()),
                    HtmlPage.fmt(r.low()) + " – " + HtmlPage.fmt(r.high()), r.baseline() ? "" : signed(r.difference()),
                    r.baseline() ? "" : signed(r.differenceLow()) + " – " + signed(r.differenceHigh()),
                    r.baseline() ? "" : HtmlPage.esc(HtmlPage.pValue(r.p())), r.baseline() ? "" : HtmlPage.esc(HtmlPage.pValue(r.pHolm())));
        }
        b.append("</table>\n");

        b.append("<h2>Charts</h2>\n");
        pngs.forEach((name, png) -> HtmlPage.figure(b, name, png, caption(name)));
        b.append("<h2>Methods</h2>\n<p>").append(HtmlPage.esc(METHODS)).append("</p>\n");
        b.append("<p>Tables: comparison.csv (outcomes), comparison-totals.csv (totals), and each variant's runs.csv, "
                + "outcomes.csv, daily.csv and totals.csv under variants/; each variant's resolved scenario is in manifest.json.</p>\n");
        return b.append(HtmlPage.end()).toString();
    }

    private static String caption(String chart) {
        return switch (chart) {
            case "compare-fan" -> "Daily escalation level of each variant: median and middle 50% of runs";
            case "compare-outcomes" -> "Probability of each outcome by variant, with 95% Wilson intervals";
            case "compare-differences" -> "Paired difference from the baseline in each outcome's probability, with 95% Newcombe intervals";
            default -> chart;
        };
    }

    private static String signed(double v) {
        if (Double.isNaN(v)) return "–";
        return (v > 0 ? "+" : "") + HtmlPage.fmt(v);
    }

    /** The terminal summary of a comparison. */
    public static String text(Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append("Comparison of ").append(c.variants().size()).append(" variants, ").append(c.runs())
                .append(" paired runs each (same seeds), master seed ").append(c.seed()).append("; baseline: ")
                .append(c.variants().get(0)).append('\n');
        int w = Math.max(12, c.variants().stream().mapToInt(String::length).max().orElse(0) + 2);
        String head = "%-40s %-" + w + "s %7s %17s  %8s %19s  %11s %9s %8s%n";
        b.append(String.format(Locale.ROOT, head, "outcome", "variant", "p", "95% interval", "diff", "95% interval",
                "discordant", "McNemar p", "Holm p"));
        for (Comparison.OutcomeRow r : c.outcomes()) {
            String name = r.baseline() ? shorten(r.name(), 40) : "";
            if (r.baseline()) {
                b.append(String.format(Locale.ROOT, "%-40s %-" + w + "s %7.3f   %6.3f – %6.3f%n", name, r.variant(), r.estimate(),
                        r.low(), r.high()));
            } else {
                b.append(String.format(Locale.ROOT, "%-40s %-" + w + "s %7.3f   %6.3f – %6.3f  %+8.3f  %+7.3f – %+7.3f  %5d/%-5d %9s %8s%s%n",
                        name, r.variant(), r.estimate(), r.low(), r.high(), r.difference(), r.differenceLow(), r.differenceHigh(),
                        r.onlyBaseline(), r.onlyVariant(), HtmlPage.pValue(r.p()), HtmlPage.pValue(r.pHolm()),
                        Comparison.significant(r) ? " *" : ""));
            }
        }
        b.append(String.format(Locale.ROOT, "%n%-40s %-" + w + "s %9s %21s  %9s %23s %9s%n", "total per run", "variant", "mean",
                "95% interval", "diff", "95% interval", "Holm p"));
        for (Comparison.TotalRow r : c.totals()) {
            String name = r.baseline() ? r.metric().replace('_', ' ') : "";
            if (r.baseline()) {
                b.append(String.format(Locale.ROOT, "%-40s %-" + w + "s %9.2f   %8.2f – %8.2f%n", name, r.variant(), r.mean(),
                        r.low(), r.high()));
            } else {
                b.append(String.format(Locale.ROOT, "%-40s %-" + w + "s %9.2f   %8.2f – %8.2f  %+9.2f  %+9.2f – %+9.2f %9s%s%n",
                        name, r.variant(), r.mean(), r.low(), r.high(), r.difference(), r.differenceLow(), r.differenceHigh(),
                        HtmlPage.pValue(r.pHolm()), r.pHolm() < 0.05 ? " *" : ""));
            }
        }
        b.append("* significant at 5% after Holm's adjustment over all ").append(c.outcomes().size() - c.outcomes().size() / c.variants().size())
                .append(" outcome tests (McNemar's exact) and, separately, all totals (paired t).\n");
        b.append(String.format(Locale.ROOT, "%n%-40s %-" + w + "s %9s  %9s %23s%n", "attacks per run, by actor", "variant", "mean", "diff",
                "95% interval"));
        for (PairedBreakdown.Row r : c.actors()) {
            if (!r.metric().equals("attacks") || r.baseline()) continue;
            b.append(String.format(Locale.ROOT, "%-40s %-" + w + "s %9.2f  %+9.2f  %+9.2f – %+9.2f%s%n", r.actor(), r.variant(), r.mean(),
                    r.difference(), r.differenceLow(), r.differenceHigh(), r.pHolm() < 0.05 ? " *" : ""));
        }
        b.append("By actor and by (attacker, target) pair, every total: comparison-actors.csv and comparison-pairs.csv.\n");
        return b.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
