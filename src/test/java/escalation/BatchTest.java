package escalation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cli.EscalationCommand;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command end to end: reproducible whatever the threads, resumable, never overwriting, fully reported. */
class BatchTest {
    private static final String PRIMER = Scenarios.SHIPPED.resolve("deterrence-primer.yaml").toString();
    /** Half a year keeps the interrupted batches short. */
    private static final String SHORT = "calendar.end=2025-06-30";
    private static final List<String> CHARTS = List.of("escalation-fan", "outcomes", "survival", "weekly-attacks", "casualties");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oneAndTwoThreadsGiveByteIdenticalFiles(@TempDir Path dir) throws Exception {
        assertEquals(0, quietly("batch", PRIMER, "--runs", "300", "--seed", "11", "--threads", "1", "--out", dir.resolve("one").toString()));
        assertEquals(0, quietly("batch", PRIMER, "--runs", "300", "--seed", "11", "--threads", "2", "--out", dir.resolve("two").toString()));
        List<Path> files = files(dir.resolve("one"));
        assertTrue(files.size() >= 5 + 2 * CHARTS.size(), "tables, report and charts: " + files);
        for (Path f : files) {
            if (f.toString().equals("manifest.json")) continue;
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f.toString());
        }
        JsonNode m = json.readTree(dir.resolve("two/manifest.json").toFile());
        assertEquals(2, m.path("threads").asInt());
        assertTrue(m.path("complete").asBoolean());
        assertEquals(300, m.path("runs_done").asLong());
        assertEquals(64, m.path("scenario").path("sha256").asText().length());
        assertEquals("escalation batch " + PRIMER + " --runs 300 --seed 11", m.path("command").asText());
        assertFalse(Files.exists(dir.resolve("one/.checkpoint")), "a finished batch leaves no checkpoint");
    }

    @Test
    void outcomeTableAgreesWithTheRunsItSummarises(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("b");
        assertEquals(0, quietly("batch", Scenarios.SHIPPED.resolve("autumn-2024-iraq.yaml").toString(), "--runs", "200", "--seed", "3",
                "--no-report", "--out", out.toString()));
        List<String[]> runs = csv(out.resolve("runs.csv"));
        String[] header = runs.get(0);
        assertEquals(201, runs.size());
        Set<String> seeds = new HashSet<>();
        for (String[] r : runs.subList(1, runs.size())) seeds.add(r[1]);
        assertEquals(200, seeds.size(), "every run has its own seed");
        int checked = 0;
        for (String[] o : csv(out.resolve("outcomes.csv")).subList(1, 8)) {
            int column = List.of(header).indexOf(o[0] + "_date");
            assertTrue(column > 0, "runs.csv has a date column for " + o[0]);
            long crossed = runs.subList(1, runs.size()).stream().filter(r -> !r[column].isEmpty()).count();
            assertEquals(crossed, Long.parseLong(o[3]), o[0]);
            assertEquals(crossed / 200.0, Double.parseDouble(o[4]), 1e-9, o[0]);
            assertTrue(Double.parseDouble(o[5]) <= crossed / 200.0 && crossed / 200.0 <= Double.parseDouble(o[6]), o[0]);
            checked++;
        }
        assertEquals(7, checked);
        assertFalse(Files.exists(out.resolve("report.html")), "--no-report writes tables only");
    }

    @Test
    void reportHoldsEveryChartAndChartsAreValidPngAndSvg(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        assertEquals(0, quietly("batch", PRIMER, "--runs", "120", "--seed", "2", "--out", out.toString()));
        String html = Files.readString(out.resolve("report.html"));
        for (String chart : CHARTS) {
            Matcher img = Pattern.compile("id=\"chart-" + chart + "\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
            assertTrue(img.find(), "report.html inlines " + chart);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
            assertNotNull(png, chart + " decodes as an image");
            assertEquals(1200, png.getWidth());
            BufferedImage file = ImageIO.read(out.resolve("charts/" + chart + ".png").toFile());
            assertNotNull(file, chart + ".png is a PNG");
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var svg = xml.newDocumentBuilder().parse(out.resolve("charts/" + chart + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getNodeName(), chart + ".svg is SVG");
        }
        assertTrue(html.contains("escalation batch " + PRIMER + " --runs 120 --seed 2"), "the command that reproduces it");
        assertFalse(html.contains("src=\"http"), "self-contained: nothing fetched from elsewhere");
    }

    @Test
    void anExistingFolderIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("runs.csv"), "precious\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = capturing(err, "batch", PRIMER, "--runs", "10", "--out", out.toString());
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already exists"), err.toString(StandardCharsets.UTF_8));
        assertEquals("precious\n", Files.readString(out.resolve("runs.csv")));
        assertEquals(1, files(out).size());
    }

    @Test
    void aBatchStoppedBySignalResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        interruptResumeAndCompare(dir, false);
    }

    @Test
    void aBatchKilledOutrightResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        interruptResumeAndCompare(dir, true);
    }

    @Test
    void resumingAFinishedOrForeignFolderIsRefused(@TempDir Path dir) throws Exception {
        Path done = dir.resolve("done");
        assertEquals(0, quietly("batch", PRIMER, "--runs", "20", "--no-report", "--out", done.toString()));
        byte[] before = Files.readAllBytes(done.resolve("runs.csv"));
        assertEquals(2, quietly("batch", "--resume", done.toString()));
        assertArrayEquals(before, Files.readAllBytes(done.resolve("runs.csv")));
        assertEquals(2, quietly("batch", "--resume", dir.resolve("nowhere").toString()));
        assertEquals(2, quietly("batch", PRIMER, "--runs", "0"));
        assertEquals(2, quietly("batch"));
    }

    private void interruptResumeAndCompare(Path dir, boolean kill) throws Exception {
        int runs = 30_000;
        Path reference = dir.resolve("reference");
        Path interrupted = dir.resolve("interrupted");
        assertEquals(0, quietly("batch", PRIMER, "--runs", "" + runs, "--seed", "8", "--set", SHORT, "--no-report",
                "--out", reference.toString()));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EscalationCommand.class.getName(),
                "batch", PRIMER, "--runs", "" + runs, "--seed", "8", "--set", SHORT, "--no-report", "--threads", "1",
                "--out", interrupted.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            Path csv = interrupted.resolve("runs.csv");
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!(Files.exists(interrupted.resolve(".checkpoint")) && Files.exists(csv) && Files.size(csv) > 50_000)) {
                assertTrue(p.isAlive(), "the batch ended before it could be interrupted");
                assertTrue(System.nanoTime() < deadline, "the batch did not start");
                Thread.sleep(20);
            }
            if (kill) p.destroyForcibly();
            else p.destroy();
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        JsonNode m = json.readTree(interrupted.resolve("manifest.json").toFile());
        assertFalse(m.path("complete").asBoolean(), "the manifest says the batch is incomplete");
        long keptRows = Files.lines(interrupted.resolve("runs.csv")).count() - 1;
        assertTrue(keptRows > 0 && keptRows < runs, "finished runs are on disk: " + keptRows);
        if (!kill) {
            assertEquals(keptRows, m.path("runs_done").asLong(), "a stopped batch records every run it finished");
            assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("--resume"), "it says how to finish");
        }

        assertEquals(0, quietly("batch", "--resume", interrupted.toString(), "--threads", "2"));
        for (String f : List.of("runs.csv", "outcomes.csv", "daily.csv", "totals.csv")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(interrupted.resolve(f)), f);
        }
        assertTrue(json.readTree(interrupted.resolve("manifest.json").toFile()).path("complete").asBoolean());
    }

    private static int quietly(String... args) {
        return capturing(new ByteArrayOutputStream(), args);
    }

    private static int capturing(ByteArrayOutputStream err, String... args) {
        PrintStream out = System.out;
        PrintStream was = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return EscalationCommand.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(was);
        }
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static List<String[]> csv(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) rows.add(line.split(",", -1));
        return rows;
    }
}
