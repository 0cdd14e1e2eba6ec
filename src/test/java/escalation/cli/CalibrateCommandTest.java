package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate} on a small problem: the same files whatever the number of threads, with each parameter's narrowing. */
class CalibrateCommandTest {
    @Test
    void theSameSeedGivesTheSameFilesOnOneThreadAndOnThree(@TempDir Path dir) throws Exception {
        Path priors = problem(dir);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        String printed = calibrate(priors, one, "1");
        calibrate(priors, three, "3");
        for (String file : List.of("summary.txt", "posterior.csv", "narrowing.csv", "calibrated.yaml")) {
            assertEquals(Files.readString(one.resolve(file)), Files.readString(three.resolve(file)), file);
        }
        String summary = Files.readString(one.resolve("summary.txt"));
        assertTrue(printed.contains(summary), "the summary is printed as written:\n" + printed);
        assertTrue(summary.lines().anyMatch(l -> l.contains("90% interval") && l.contains("width ratio")), summary);

        List<String> narrowing = Files.readAllLines(one.resolve("narrowing.csv"));
        assertEquals("parameter,prior,prior_low_5,prior_high_95,posterior_low_5,posterior_high_95,width_ratio,scale", narrowing.get(0));
        assertEquals(3, narrowing.size(), String.join("\n", narrowing));
        List<String> tempo = cells(narrowing.get(1));
        assertEquals("tempo", tempo.get(0));
        // uniform(0.02, 1.0): 5% at 0.02 + 0.05 * 0.98, 95% at 0.02 + 0.95 * 0.98
        assertEquals(0.069, Double.parseDouble(tempo.get(2)), 1e-9);
        assertEquals(0.951, Double.parseDouble(tempo.get(3)), 1e-9);
        double ratio = (Double.parseDouble(tempo.get(5)) - Double.parseDouble(tempo.get(4))) / (0.951 - 0.069);
        assertEquals(ratio, Double.parseDouble(tempo.get(6)), 1e-4);
        assertEquals("\"uniform(0.02, 1.0)\"", tempo.get(1));
        assertEquals("log", cells(narrowing.get(2)).get(7));

        var manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(one.resolve("manifest.json").toFile());
        assertTrue(manifest.path("command").asText().startsWith("escalation calibrate"), manifest.toString());
        assertEquals(4, manifest.path("seed").asInt());
        assertEquals(64, manifest.path("inputs").path("priors").path("sha256").asText().length());
        assertTrue(manifest.has("commit") && manifest.path("settings").path("particles").asInt() == 16, manifest.toString());
    }

    /** A CSV row's cells, splitting at commas outside quotes (the prior's cell is quoted). */
    private static List<String> cells(String row) {
        return List.of(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
    }

    private static String calibrate(Path priors, Path out, String threads) throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, EscalationCommand.execute("calibrate", priors.toString(), "--particles", "16", "--accept", "0.5",
                    "--generations", "2", "--replicates", "1", "--seed", "4", "--threads", threads, "--out", out.toString()));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Two counts of the deterrence primer's militia, and priors on its tempo and its utility base. */
    private static Path problem(Path dir) throws Exception {
        Path primer = Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath();
        Files.writeString(dir.resolve("observed.csv"), "id,quantity,value,low,high,unit,source,publication,published,range_rule\n"
                + "h1,attacks in the first half,30,20,40,attacks,a test,none,2025,+/-10\n"
                + "h2,attacks in the second half,30,20,40,attacks,a test,none,2025,+/-10\n");
        Files.writeString(dir.resolve("targets.yaml"), "scenario: " + primer + "\nobserved: [observed.csv]\ntargets:\n"
                + "  - {figure: h1, statistic: count, by: [militia], against: [state], from: 2025-01-01, to: 2025-06-30}\n"
                + "  - {figure: h2, statistic: count, by: [militia], against: [state], from: 2025-07-01, to: 2025-12-31}\n");
        Path priors = dir.resolve("priors.yaml");
        Files.writeString(priors, "history: targets.yaml\nparameters:\n"
                + "  - {name: tempo, paths: [actors.militia.rule.tempo], prior: {uniform: [0.02, 1.0]}}\n"
                + "  - {name: base, paths: [actors.militia.rule.base], prior: {log_uniform: [0.01, 1.0]}}\n");
        return priors;
    }
}
