package escalation.report;

import static escalation.report.HtmlPage.esc;
import static escalation.report.HtmlPage.fmt;

import escalation.io.Csv;
import escalation.io.ResultsFolder;
import escalation.sensitivity.Prim;
import escalation.sensitivity.RegressionTree;
import escalation.study.Analysis;
import escalation.study.Experiment;
import escalation.study.Factor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The analysis of an experiment as tables (long CSV: one row per policy, outcome, factor and
 * statistic), charts and a self-contained {@code report.html}, and as text for the terminal.
 */
public final class ExperimentReport {
    public static final String SOBOL = "sobol.csv";
    public static final String CONVERGENCE = "convergence.csv";
    public static final String MORRIS = "morris.csv";
    public static final String TORNADO = "tornado.csv";
    public static final String RESPONSE = "response.csv";
    public static final String PRIM_TRAJECTORY = "prim-trajectory.csv";
    public static final String PRIM_BOX = "prim-box.csv";
    public static final String TREE = "tree.csv";
    public static final String FEATURES = "features.csv";
    public static final String REPORT = "report.html";

    private ExperimentReport() { }

    private static String policy(Experiment e, int p) {
        return e.policies().get(p);
    }

    private static String outcome(Experiment e, int o) {
        return e.outcomes().get(o);
    }

    private static String factor(Experiment e, int f) {
        return e.factors().get(f).name();
    }

    /** Every analysis table, whether or not the design gives it rows (a header alone says the method did not apply). */
    public static void tables(ResultsFolder folder, Analysis.Result a) throws IOException {
        Experiment e = a.experiment();
        StringBuilder s = new StringBuilder(Csv.row("policy", "outcome", "factor", "first", "first_low", "first_high", "total", "total_low", "total_high"));
        for (Analysis.SobolRow r : a.sobol()) {
            var i = r.index();
            s.append(Csv.row(policy(e, r.policy()), outcome(e, r.outcome()), factor(e, r.factor()), i.first(), i.firstLow(), i.firstHigh(),
                    i.total(), i.totalLow(), i.totalHigh()));
        }
        folder.write(SOBOL, s.toString());
        StringBuilder c = new StringBuilder(Csv.row("policy", "outcome", "factor", "samples", "first", "total"));
        for (Analysis.ConvergenceRow r : a.convergence()) {
            c.append(Csv.row(policy(e, r.policy()), outcome(e, r.outcome()), factor(e, r.factor()), r.samples(), r.first(), r.total()));
        }
        folder.write(CONVERGENCE, c.toString());
        StringBuilder m = new StringBuilder(Csv.row("policy", "outcome", "factor", "mu", "mu_star", "mu_star_low", "mu_star_high", "sigma", "trajectories"));
        for (Analysis.MorrisRow r : a.morris()) {
            var x = r.effect();
            m.append(Csv.row(policy(e, r.policy()), outcome(e, r.outcome()), factor(e, r.factor()), x.mu(), x.muStar(), x.muStarLow(),
                    x.muStarHigh(), x.sigma(), x.trajectories()));
        }
        folder.write(MORRIS, m.toString());
        StringBuilder t = new StringBuilder(Csv.row("policy", "outcome", "factor", "baseline", "low", "low_at", "high", "high_at", "swing"));
        for (Analysis.TornadoRow r : a.tornado()) {
            var b = r.bar();
            t.append(Csv.row(policy(e, r.policy()), outcome(e, r.outcome()), factor(e, b.factor()), r.baseline(), b.low(), b.lowAt(), b.high(),
                    b.highAt(), b.swing()));
        }
        folder.write(TORNADO, t.toString());
        StringBuilder rs = new StringBuilder(Csv.row("policy", "outcome", "factor", "bin", "factor_from", "factor_to", "points", "mean", "low", "high"));
        for (Analysis.ResponseRow r : a.response()) {
            Factor f = e.factors().get(r.factor());
            String from = f.discrete() ? f.cell(r.from() + 1e-9) : Csv.num(f.number(r.from()));
            String to = f.discrete() ? f.cell(r.to() - 1e-9) : Csv.num(f.number(r.to()));
            rs.append(Csv.row(policy(e, r.policy()), outcome(e, r.outcome()), f.name(), r.bin(), from, to, r.points(), r.mean(), r.low(), r.high()));
        }
        folder.write(RESPONSE, rs.toString());
        StringBuilder pt = new StringBuilder(Csv.row("policy", "outcome", "step", "coverage", "density", "mass", "points", "chosen"));
        StringBuilder pb = new StringBuilder(Csv.row("policy", "outcome", "factor", "low", "high", "p"));
        StringBuilder tr = new StringBuilder(Csv.row("policy", "outcome", "node", "depth", "factor", "threshold", "left", "right", "points", "mean"));
        StringBuilder fs = new StringBuilder(Csv.row("policy", "outcome", "factor", "score"));
        for (Analysis.Discovery d : a.discovery()) {
            String p = policy(e, d.policy());
            String o = outcome(e, d.outcome());
            for (Prim.Box b : d.prim().trajectory()) {
                pt.append(Csv.row(p, o, b.step(), b.coverage(), b.density(), b.mass(), b.points(), b.step() == d.prim().chosen()));
            }
            Prim.Box box = d.prim().box();
            for (int f = 0; f < e.factors().size(); f++) {
                if (!box.restricts(f)) continue;
                pb.append(Csv.row(p, o, factor(e, f), limit(box.low()[f]), limit(box.high()[f]), d.prim().pValue()[f]));
            }
            for (RegressionTree.Node n : d.tree().nodes()) {
                tr.append(Csv.row(p, o, n.id(), n.depth(), n.factor() < 0 ? "" : factor(e, n.factor()), n.threshold(),
                        n.left() < 0 ? "" : Integer.toString(n.left()), n.right() < 0 ? "" : Integer.toString(n.right()), n.points(), n.mean()));
            }
            double[] scores = d.tree().scores();
            for (int f = 0; f < scores.length; f++) fs.append(Csv.row(p, o, factor(e, f), scores[f]));
        }
        folder.write(PRIM_TRAJECTORY, pt.toString());
        folder.write(PRIM_BOX, pb.toString());
        folder.write(TREE, tr.toString());
        folder.write(FEATURES, fs.toString());
    }

    /** An open end of a box is an empty cell. */
    private static String limit(double v) {
        return Double.isInfinite(v) ? "" : Csv.num(v);
    }

    /** Charts and report.html. */
    public static void write(ResultsFolder folder, Analysis.Result a, String title, String command, String summary) throws IOException {
        Experiment e = a.experiment();
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        Map<String, String> captions = new LinkedHashMap<>();
        for (int p = 0; p < e.policies().size(); p++) {
            for (int o = 0; o < e.outcomes().size(); o++) {
                final int pp = p;
                final int oo = o;
                String key = e.policies().size() > 1 ? outcome(e, o) + "-" + policy(e, p) : outcome(e, o);
                String what = outcome(e, o) + (e.policies().size() > 1 ? " (policy " + policy(e, p) + ")" : "");
                var sobol = a.sobol().stream().filter(r -> r.policy() == pp && r.outcome() == oo).toList();
                if (!sobol.isEmpty()) {
                    charts.put("sobol-" + key, ExperimentCharts.sobol(e, sobol, "Sobol indices of " + what));
                    captions.put("sobol-" + key, "Sobol indices of " + what + ": the share of its variance each factor explains alone (S) "
                            + "and with its interactions (ST).");
                    charts.put("convergence-" + key, ExperimentCharts.convergence(e, a.convergence().stream()
                            .filter(r -> r.policy() == pp && r.outcome() == oo).toList(), "Convergence of the Sobol indices of " + what));
                    captions.put("convergence-" + key, "How the indices of " + what + " move as base samples are added.");
                }
                var morris = a.morris().stream().filter(r -> r.policy() == pp && r.outcome() == oo).toList();
                if (!morris.isEmpty()) {
                    charts.put("morris-" + key, ExperimentCharts.morris(e, morris, "Morris screening of " + what));
                    captions.put("morris-" + key, "mu* against sigma of the elementary effects on " + what + ".");
                }
                var tornado = a.tornado().stream().filter(r -> r.policy() == pp && r.outcome() == oo).toList();
                if (!tornado.isEmpty()) {
                    charts.put("tornado-" + key, ExperimentCharts.tornado(e, tornado, "One at a time: " + what));
                    captions.put("tornado-" + key, "The swing of " + what + " as each factor moves over its range alone.");
                }
                var response = a.response().stream().filter(r -> r.policy() == pp && r.outcome() == oo).toList();
                if (!response.isEmpty()) {
                    charts.put("response-" + key, ExperimentCharts.response(e, response, "Response of " + what + " to each factor"));
                    captions.put("response-" + key, "The mean of " + what + " across each factor's range.");
                }
            }
        }
        for (Analysis.Discovery d : a.discovery()) {
            String key = outcome(e, d.outcome()) + (e.policies().size() > 1 ? "-" + policy(e, d.policy()) : "");
            charts.put("prim-" + key, ExperimentCharts.peeling(d.prim(), "Scenario discovery: where " + outcome(e, d.outcome()) + " happens"));
            captions.put("prim-" + key, "PRIM's peeling trajectory; the red point is the chosen box (its limits are in the table below).");
            charts.put("features-" + key, ExperimentCharts.features(e, d.tree().scores(), "Feature scores for " + outcome(e, d.outcome())));
            captions.put("features-" + key, "The share of the regression tree's fit each factor's splits bring.");
        }
        Map<String, String> images = HtmlPage.writeCharts(folder.path(), charts);
        StringBuilder b = HtmlPage.start(title);
        b.append("<p><code>").append(esc(command)).append("</code></p>\n<pre>").append(esc(summary)).append("</pre>\n");
        for (Analysis.Discovery d : a.discovery()) box(b, e, d);
        for (var c : images.entrySet()) HtmlPage.figure(b, c.getKey(), c.getValue(), captions.get(c.getKey()));
        b.append("<p>Tables: runs.csv (one row per run), points.csv and point-outcomes.csv (per point), point-actors.csv (per point, metric "
                + "and actor), and the analysis in sobol.csv, convergence.csv, morris.csv, tornado.csv, response.csv, prim-trajectory.csv, "
                + "prim-box.csv, tree.csv and features.csv; see docs/experiments.md.</p>\n");
        folder.write(REPORT, b.append(HtmlPage.end()).toString());
    }

    private static void box(StringBuilder b, Experiment e, Analysis.Discovery d) {
        Prim.Box box = d.prim().box();
        b.append("<h2>Scenario discovery: ").append(esc(outcome(e, d.outcome()))).append(e.policies().size() > 1 ? " (" + esc(policy(e, d.policy())) + ")" : "")
                .append("</h2>\n<p>PRIM box: coverage ").append(fmt(box.coverage())).append(", density ").append(fmt(box.density()))
                .append(", mass ").append(fmt(box.mass())).append(" (").append(box.points()).append(" points).</p>\n<table><tr><th>factor</th><th>low</th><th>high</th><th>p</th></tr>\n");
        for (int f = 0; f < e.factors().size(); f++) {
            if (!box.restricts(f)) continue;
            HtmlPage.row(b, "td", esc(factor(e, f)), Double.isInfinite(box.low()[f]) ? "" : fmt(box.low()[f]),
                    Double.isInfinite(box.high()[f]) ? "" : fmt(box.high()[f]), HtmlPage.pValue(d.prim().pValue()[f]));
        }
        b.append("</table>\n");
    }

    /** The analysis in words and small tables, for the terminal and the top of the report. */
    public static String text(Analysis.Result a) {
        Experiment e = a.experiment();
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < e.policies().size(); p++) {
            for (int o = 0; o < e.outcomes().size(); o++) {
                final int pp = p;
                final int oo = o;
                String head = outcome(e, o) + (e.policies().size() > 1 ? " (policy " + policy(e, p) + ")" : "");
                var sobol = a.sobol().stream().filter(r -> r.policy() == pp && r.outcome() == oo)
                        .sorted(Comparator.comparingDouble(r -> -r.index().total())).toList();
                if (!sobol.isEmpty() && sobol.stream().allMatch(r -> Double.isNaN(r.index().total()))) {
                    b.append("Sobol indices of ").append(head).append(": none, the outcome is the same at every point (no variance to apportion)\n");
                } else if (!sobol.isEmpty()) {
                    b.append("Sobol indices of ").append(head).append('\n');
                    b.append(String.format(Locale.ROOT, "  %-28s %24s %24s%n", "factor", "first-order S (95%)", "total ST (95%)"));
                    for (var r : sobol) {
                        var i = r.index();
                        b.append(String.format(Locale.ROOT, "  %-28s %6.3f (%6.3f, %6.3f) %6.3f (%6.3f, %6.3f)%n", factor(e, r.factor()), i.first(),
                                i.firstLow(), i.firstHigh(), i.total(), i.totalLow(), i.totalHigh()));
                    }
                }
                var morris = a.morris().stream().filter(r -> r.policy() == pp && r.outcome() == oo)
                        .sorted(Comparator.comparingDouble(r -> -r.effect().muStar())).toList();
                if (!morris.isEmpty()) {
                    b.append("Morris effects on ").append(head).append('\n');
                    b.append(String.format(Locale.ROOT, "  %-28s %10s %10s %10s%n", "factor", "mu*", "mu", "sigma"));
                    for (var r : morris) {
                        b.append(String.format(Locale.ROOT, "  %-28s %10.4g %10.4g %10.4g%n", factor(e, r.factor()), r.effect().muStar(),
                                r.effect().mu(), r.effect().sigma()));
                    }
                }
                var tornado = a.tornado().stream().filter(r -> r.policy() == pp && r.outcome() == oo)
                        .sorted(Comparator.comparingDouble(r -> -r.bar().swing())).toList();
                if (!tornado.isEmpty()) {
                    b.append("One at a time: ").append(head).append(" (baseline ").append(fmt(tornado.get(0).baseline())).append(")\n");
                    for (var r : tornado) {
                        b.append(String.format(Locale.ROOT, "  %-28s %10.4g to %10.4g (swing %.4g)%n", factor(e, r.bar().factor()), r.bar().low(),
                                r.bar().high(), r.bar().swing()));
                    }
                }
            }
        }
        for (Analysis.Discovery d : a.discovery()) {
            Prim.Box box = d.prim().box();
            b.append("Scenario discovery of ").append(outcome(e, d.outcome()))
                    .append(e.policies().size() > 1 ? " (policy " + policy(e, d.policy()) + ")" : "")
                    .append(String.format(Locale.ROOT, ": PRIM box of coverage %.3f, density %.3f, mass %.3f%n", box.coverage(), box.density(), box.mass()));
            List<String> limits = new ArrayList<>();
            for (int f = 0; f < e.factors().size(); f++) {
                if (!box.restricts(f)) continue;
                limits.add(String.format(Locale.ROOT, "  %-28s %s to %s (p = %s)", factor(e, f),
                        Double.isInfinite(box.low()[f]) ? "-" : fmt(box.low()[f]), Double.isInfinite(box.high()[f]) ? "-" : fmt(box.high()[f]),
                        HtmlPage.pValue(d.prim().pValue()[f])));
            }
            b.append(limits.isEmpty() ? "  (no restriction)\n" : String.join("\n", limits) + "\n");
        }
        return b.toString();
    }
}
