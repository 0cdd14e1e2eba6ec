package escalation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The pieces every self-contained report page is made of: one style, escaped text, numbers in a
 * locale-independent form, and charts written to {@code charts/} and embedded as PNG. A page holds
 * no timestamps, so it depends only on what it reports.
 */
final class HtmlPage {
    static final String CHARTS = "charts";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:1250px;margin:2em auto;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #eee;margin:0.5em 0}"
            + "code{background:#f4f4f4;padding:2px 4px}.warn{color:#a40;font-weight:bold}.sig{font-weight:bold}"
            + "table.text td,table.text th{text-align:left;vertical-align:top}";

    private HtmlPage() { }

    /** The opening of a page, up to and including its {@code h1}. */
    static StringBuilder start(String title) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
        return b.append("<h1>").append(esc(title)).append("</h1>\n");
    }

    static String end() {
        return "</body></html>\n";
    }

    /**
     * Writes each chart as PNG and SVG under {@code dir/charts/} and returns, in the same order,
     * each chart's PNG as base64 for embedding.
     */
    static Map<String, String> writeCharts(Path dir, Map<String, JFreeChart> charts) throws IOException {
        Path folder = dir.resolve(CHARTS);
        Files.createDirectories(folder);
        Map<String, String> images = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            ChartWriter.write(e.getValue(), folder, e.getKey(), ChartWriter.WIDTH, ChartWriter.HEIGHT);
            images.put(e.getKey(), Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(e.getKey() + ".png"))));
        }
        return images;
    }

    /** A chart embedded as PNG, with its caption and a link to its SVG. */
    static void figure(StringBuilder b, String name, String png, String caption) {
        b.append("<figure><img alt=\"").append(esc(name)).append("\" id=\"chart-").append(name)
                .append("\" src=\"data:image/png;base64,").append(png).append("\"><figcaption>").append(esc(caption))
                .append(" (also <a href=\"").append(CHARTS).append('/').append(name).append(".svg\">SVG</a>)</figcaption></figure>\n");
    }

    /** A table row of already-escaped cells. */
    static void row(StringBuilder b, String tag, Object... cells) {
        b.append("<tr>");
        for (Object c : cells) b.append('<').append(tag).append('>').append(c).append("</").append(tag).append('>');
        b.append("</tr>\n");
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

    /** A p-value as people read them: three decimals, or "<0.001". */
    static String pValue(double p) {
        if (Double.isNaN(p)) return "–";
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
