package escalation.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Writes a chart as PNG (for slides) and SVG (for the HTML report and print). Each file appears
 * whole or not at all, so a report folder never holds a half-written chart after a crash, and a
 * reader (a browser refreshing the report) never sees one mid-write.
 */
public final class ChartWriter {
    private ChartWriter() { }

    /** 16:9, the shape of a slide. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    /** Writes {@code name.png} and {@code name.svg} into {@code dir} (created if missing); returns both paths. */
    public static List<Path> write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        atomically(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
        atomically(svg, tmp -> Files.writeString(tmp, svg(chart, name, width, height), StandardCharsets.UTF_8));
        return List.of(png, svg);
    }

    /** Writes with the default slide size. */
    public static List<Path> write(JFreeChart chart, Path dir, String name) throws IOException {
        return write(chart, dir, name, WIDTH, HEIGHT);
    }

    /**
     * The chart as an SVG document ({@link SvgGraphics}). Ids are prefixed by the chart's name, so that
     * several charts inlined in one HTML page keep their clip paths apart.
     */
    public static String svg(JFreeChart chart, String name, int width, int height) {
        SvgGraphics g2 = new SvgGraphics(width, height, idPrefix(name));
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.document();
    }

    private static String idPrefix(String name) {
        return "chart-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-";
    }

    /** createTempFile makes owner-only files; a report is meant to be served and shared. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private interface Writing {
        void to(Path tmp) throws IOException;
    }

    private static void atomically(Path target, Writing writing) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            writing.to(tmp);
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
