package escalation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.cli.EscalationCommand;
import escalation.report.CompareReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code escalation compare}: paired runs with common random numbers, its statistics, files and errors. */
class CompareTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String AUTUMN = "scenarios/autumn-2024-iraq.yaml";
    private static final String CREDIBLE = "scenarios/credible-retaliation.yaml";
    private static final String PRIMER = "scenarios/deterrence-primer.yaml";

    @TempDir
    Path dir;

    record Result(int code, String out, String err) { }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = EscalationCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path compare(String out, String... args) {
        Path folder = dir.resolve(out);
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", folder.toString()));
        Result r = run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return folder;
    }

    /** comparison.csv as maps from column name to cell, keyed by "outcome/variant". */
    private static Map<String, Map<String, String>> rows(Path folder, String file, String key) throws Exception {
        List<String> lines = Files.readAllLines(folder.resolve(file));
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replaceAll("\"[^\"]*\"", "name").split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            out.put(row.get(key) + "/" + row.get("variant"), row);
        }
        return out;
    }

    private static void assertClean(Result r) {
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
    }

    @Test
    void aVariantIdenticalToTheBaselineDiffersByExactlyNothing() throws Exception {
        // 0.5 is the primer's own reliability, so "same" is the baseline under another name.
        Path f = compare("same", PRIMER, "--variant", "same=actors.state.response.reliability=0.5", "--runs", "200", "--seed", "9");
        Map<String, Map<String, String>> rows = rows(f, CompareReport.COMPARISON, "outcome");
        int checked = 0;
        for (Map<String, String> r : rows.values()) {
            if (!r.get("variant").equals("same")) continue;
            checked++;
            assertEquals("0", r.get("difference"));
            assertEquals("0", r.get("only_baseline"));
            assertEquals("0", r.get("only_variant"));
            assertEquals("1", r.get("p"));
            assertEquals("1", r.get("p_holm"));
        }
        assertEquals(2, checked);
        for (Map<String, String> r : rows(f, CompareReport.TOTALS, "metric").values()) {
            if (r.get("variant").equals("same")) {
                assertEquals("0", r.get("difference"), r.toString());
                assertEquals("1", r.get("p"), r.toString());
            }
        }
        // Common random numbers: run i of both used the same seed, so identical models give identical runs.
        assertArrayEquals(Files.readAllBytes(f.resolve("variants/baseline/runs.csv")), Files.readAllBytes(f.resolve("variants/same/runs.csv")));
    }

    @Test
    void everyVariantRunsWithTheSameSeeds() throws Exception {
        Path f = compare("seeds", PRIMER, "--variant", "empty=actors.state.response.reliability=0.05",
                "--variant", "credible=actors.state.response.reliability=0.95", "--runs", "50", "--seed", "4");
        List<String> seeds = null;
        for (String v : List.of("baseline", "empty", "credible")) {
            List<String> s = Files.readAllLines(f.resolve("variants/" + v + "/runs.csv")).stream().skip(1)
                    .map(l -> l.split(",")[1]).toList();
            assertEquals(50, s.size());
            if (seeds != null) assertEquals(seeds, s, v);
            seeds = s;
        }
        assertEquals(Integer.toString(escalation.experiment.Seeds.of(4, 0)), seeds.get(0));
    }

    @Test
    void oneAndTwoThreadsWriteByteIdenticalTables() throws Exception {
        Path one = compare("t1", AUTUMN, CREDIBLE, "--runs", "120", "--seed", "5", "--threads", "1", "--no-report");
        Path two = compare("t2", AUTUMN, CREDIBLE, "--runs", "120", "--seed", "5", "--threads", "2", "--no-report");
        for (String file : List.of(CompareReport.COMPARISON, CompareReport.TOTALS, "variants/credible-retaliation/runs.csv",
                "variants/autumn-2024-iraq/outcomes.csv", "variants/credible-retaliation/daily.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
    }

    @Test
    void credibleRetaliationBringsUsStrikesInIraq() throws Exception {
        // The US answering lethal attacks on Israel as its own, almost surely and within days, must bring
        // its strikes on the factions in Iraq far more often than its harm-keyed doctrine alone does.
        Path f = compare("real", AUTUMN, CREDIBLE, "--runs", "300", "--seed", "2");
        Map<String, String> us = rows(f, CompareReport.COMPARISON, "outcome").get("us_strikes_iraq/credible-retaliation");
        assertTrue(Double.parseDouble(us.get("diff_low")) > 0.3, us.toString());
        assertTrue(Double.parseDouble(us.get("p_holm")) < 1e-6, us.toString());
        assertTrue(Long.parseLong(us.get("only_variant")) > 5 * Long.parseLong(us.get("only_baseline")), us.toString());
    }

    @Test
    void aCredibleDoctrineDetersAttacksInThePrimer() throws Exception {
        Path f = compare("primer", PRIMER, "--set", "actors.state.response.reliability=0.05",
                "--variant", "credible=actors.state.response.reliability=0.95", "--runs", "200", "--seed", "3", "--no-report");
        Map<String, String> attacks = rows(f, CompareReport.TOTALS, "metric").get("attacks/credible");
        assertTrue(Double.parseDouble(attacks.get("diff_high")) < 0, "fewer attacks against a credible state: " + attacks);
        assertTrue(Double.parseDouble(attacks.get("p_holm")) < 0.001, attacks.toString());
    }

    @Test
    void differencesAreGivenPerActorAndPerPairAndAddUpToTheSummedTotal() throws Exception {
        Path f = compare("breakdown", PRIMER, "--set", "actors.state.response.reliability=0.05",
                "--variant", "credible=actors.state.response.reliability=0.95", "--runs", "200", "--seed", "3", "--no-report");
        List<String> actors = Files.readAllLines(f.resolve(CompareReport.ACTORS));
        assertEquals("actor,metric,variant,runs,mean,low,high,difference,diff_low,diff_high,p,p_holm", actors.get(0));
        Map<String, Map<String, String>> byActor = new HashMap<>();
        String[] header = actors.get(0).split(",");
        for (String line : actors.subList(1, actors.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            byActor.put(row.get("actor") + "/" + row.get("metric") + "/" + row.get("variant"), row);
        }
        Map<String, String> militia = byActor.get("militia/attacks/credible");
        assertTrue(Double.parseDouble(militia.get("diff_high")) < 0 && Double.parseDouble(militia.get("p_holm")) < 0.001,
                "the militia attacks less against a credible state: " + militia);
        Map<String, String> state = byActor.get("state/attacks/credible");
        assertTrue(Double.parseDouble(state.get("difference")) > 0, "and the state answers more often: " + state);
        double sum = Double.parseDouble(militia.get("difference")) + Double.parseDouble(state.get("difference"));
        double total = Double.parseDouble(rows(f, CompareReport.TOTALS, "metric").get("attacks/credible").get("difference"));
        assertEquals(total, sum, 1e-3 * Math.max(1, Math.abs(total)), "the actors' differences add up to the summed one");
        Map<String, Map<String, String>> pairs = rows(f, CompareReport.PAIRS, "metric");
        assertTrue(Files.readAllLines(f.resolve(CompareReport.PAIRS)).get(1).startsWith("militia,state,attacks,"),
                "per (attacker, target) pair, in the same columns as totals.csv");
        assertFalse(pairs.isEmpty());
    }

    @Test
    void theReportEmbedsEveryChartAndTheManifestReproduces() throws Exception {
        Path f = compare("report", PRIMER, "--variant", "credible=actors.state.response.reliability=0.95",
                "--variant", "empty=actors.state.response.reliability=0.05", "--runs", "60", "--seed", "8");
        String html = Files.readString(f.resolve(CompareReport.REPORT));
        List<String> charts = List.of("compare-fan", "compare-outcomes", "compare-differences");
        for (String chart : charts) {
            byte[] png = Files.readAllBytes(f.resolve("charts/" + chart + ".png"));
            assertNotNull(ImageIO.read(f.resolve("charts/" + chart + ".png").toFile()), chart);
            assertTrue(Files.size(f.resolve("charts/" + chart + ".svg")) > 1000, chart);
            assertTrue(html.contains("id=\"chart-" + chart + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)),
                    chart + " is not embedded in compare.html");
        }
        assertFalse(html.contains("src=\"http"), "self-contained: nothing fetched from elsewhere");
        assertFalse(html.contains("<0.001"), "a p-value below 0.001 is escaped in HTML");
        assertTrue(html.contains("&lt;0.001"), "the credible doctrine differs clearly from the baseline");
        assertTrue(html.contains("McNemar") && html.contains("Holm") && html.contains("Newcombe"));

        JsonNode m = new ObjectMapper().readTree(f.resolve("manifest.json").toFile());
        assertTrue(m.path("complete").asBoolean());
        assertEquals(8, m.path("seed").asLong());
        assertEquals(60, m.path("runs").asLong());
        assertEquals(3, m.path("variants").size());
        for (JsonNode v : m.path("variants")) {
            assertEquals(64, v.path("scenario").path("sha256").asText().length());
            assertTrue(v.path("scenario").path("resolved").has("actors"));
        }
        assertEquals(0.95, m.path("variants").get(1).path("scenario").path("resolved").path("actors").path("state")
                .path("response").path("reliability").asDouble());
        assertTrue(m.path("command").asText().contains("--variant credible=actors.state.response.reliability=0.95"));
        assertTrue(m.path("command").asText().contains("--runs 60 --seed 8"));
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("comparison.csv"), "keep me");
        Result r = run("compare", AUTUMN, CREDIBLE, "--runs", "5", "--out", taken.toString());
        assertClean(r);
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("keep me", Files.readString(taken.resolve("comparison.csv")));
        try (Stream<Path> files = Files.list(taken)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() {
        Path out = dir.resolve("never");
        Result missing = run("compare", AUTUMN, "scenarios/no-such.yaml", "--runs", "5", "--out", out.toString());
        assertClean(missing);
        assertTrue(missing.err().contains("no-such.yaml"), missing.err());

        Result syntax = run("compare", PRIMER, "--variant", "credible", "--runs", "5", "--out", out.toString());
        assertClean(syntax);
        assertTrue(syntax.err().contains("NAME=PATH=VALUE"), syntax.err());

        Result path = run("compare", PRIMER, "--variant", "c=actors.state.response.reliabilty=0.9", "--runs", "5", "--out", out.toString());
        assertClean(path);
        assertTrue(path.err().contains("reliabilty") && path.err().contains("variant c"), path.err());

        Result different = run("compare", AUTUMN, PRIMER, "--runs", "5", "--out", out.toString());
        assertClean(different);
        assertTrue(different.err().contains("different calendars") && different.err().contains("different outcomes"), different.err());

        Result twoFilesAndVariant = run("compare", AUTUMN, CREDIBLE, "--variant", "x=actors.us.attention=1", "--out", out.toString());
        assertClean(twoFilesAndVariant);
        Result alone = run("compare", AUTUMN, "--out", out.toString());
        assertClean(alone);
        assertTrue(alone.err().contains("nothing to compare"), alone.err());
        Result twice = run("compare", PRIMER, "--variant", "a=actors.state.attention=1", "--variant", "a=actors.state.attention=0.5",
                "--out", out.toString());
        assertClean(twice);
        assertTrue(twice.err().contains("named 'a'"), twice.err());
        assertFalse(Files.exists(out), "no folder is created for invalid input");
    }
}
