package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code escalation experiment} end to end on the deterrence primer: the same bytes on one thread and two,
 * the same bytes after stopping and resuming, tidy tables, and exit code 2 for a bad file.
 */
class ExperimentCommandTest {
    private static Path experiment(Path dir, String design) throws Exception {
        Path f = dir.resolve("primer-experiment.yaml");
        Files.writeString(f, String.join("\n",
                "scenario: " + Path.of("scenarios", "deterrence-primer.yaml").toAbsolutePath(),
                "factors:",
                "  - {name: reliability, path: actors.state.response.reliability, uniform: [0.05, 0.95]}",
                "  - {name: cost, path: actors.militia.rule.cost, log_uniform: [1, 30]}",
                "  - {name: delay, path: actors.state.response.delay, triangular: [0, 2, 10], whole: true}",
                "  - {name: winter, path: mechanisms.winter, levels: [true, false]}",
                "policies:",
                "  as_is: []",
                "  no_drones: [actors.state.air_defence.drone=1.0]",
                "design: " + design,
                "replications: 3",
                "seed: 5",
                "outcomes:",
                "  - {name: strikes_back, threshold: state_strikes_back}",
                "  - {name: attacks, total: attacks, by: [militia], against: [state]}",
                "  - {name: first_attack, statistic: first_date, by: [militia], against: [state]}",
                "  - {name: peak, max_level: true}",
                "discovery: {outcome: attacks, above: 60}",
                ""));
        return f;
    }

    /** Runs the command; returns {exit code, standard output, standard error}. */
    static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = EscalationCommand.execute(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).filter(p -> !p.toString().equals("manifest.json")).sorted().toList();
        }
    }

    private static void sameFiles(Path a, Path b) throws Exception {
        assertEquals(files(a), files(b));
        for (Path p : files(a)) assertEquals(-1L, Files.mismatch(a.resolve(p), b.resolve(p)), p + " differs");
    }

    @Test
    void oneThreadAndTwoWriteTheSameBytesAndTidyTables(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "{kind: latin_hypercube, points: 12}");
        Object[] one = run("experiment", file.toString(), "--threads", "1", "--out", dir.resolve("one").toString());
        assertEquals(0, one[0], one[2].toString());
        assertEquals(0, run("experiment", file.toString(), "--threads", "2", "--out", dir.resolve("two").toString())[0]);
        sameFiles(dir.resolve("one"), dir.resolve("two"));

        List<String> runs = Files.readAllLines(dir.resolve("one/runs.csv"));
        assertEquals("run,point,design_point,policy,replication,seed,status,error,reliability,cost,delay,winter,"
                + "strikes_back,strikes_back_date,attacks,first_attack,first_attack_date,peak", runs.get(0));
        assertEquals(1 + 12 * 2 * 3, runs.size(), "one row per (point, replication): 12 design points x 2 policies x 3");
        // both policies of a design point use the same seeds (paired), replications of one point different ones
        String[] a = runs.get(1).split(",");
        String[] b = runs.get(4).split(",");
        assertEquals("as_is", a[3]);
        assertEquals("no_drones", b[3]);
        assertEquals(a[5], b[5]);
        assertFalse(a[5].equals(runs.get(2).split(",")[5]));
        List<String> points = Files.readAllLines(dir.resolve("one/points.csv"));
        assertEquals(25, points.size());
        assertTrue(points.get(0).startsWith("point,design_point,policy,reliability,cost,delay,winter,runs,failed,strikes_back,strikes_back_low"));
        List<String> actors = Files.readAllLines(dir.resolve("one/point-actors.csv"));
        assertEquals("point,metric,actor,runs,mean,low,high", actors.get(0));
        assertEquals(1 + 24 * 4 * 2, actors.size(), "24 points x 4 metrics x 2 actors");
        assertEquals(1 + 24 * 4, Files.readAllLines(dir.resolve("one/point-outcomes.csv")).size());
        assertTrue(Files.readString(dir.resolve("one/prim-trajectory.csv")).lines().count() > 2);
        assertTrue(Files.exists(dir.resolve("one/report.html")));
        assertFalse(Files.exists(dir.resolve("one/.checkpoint")) || Files.exists(dir.resolve("one/.point-means")));

        JsonNode m = new ObjectMapper().readTree(dir.resolve("one/manifest.json").toFile());
        assertTrue(m.path("complete").asBoolean());
        assertEquals(64, m.path("experiment").path("sha256").asText().length());
        assertEquals(64, m.path("scenario").path("sha256").asText().length());
        assertTrue(m.has("commit") && m.has("version") && m.path("command").asText().startsWith("escalation experiment"));
        assertEquals(72, m.path("runs").asLong());
    }

    @Test
    void anExperimentStoppedAndResumedWritesTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "{kind: morris, trajectories: 3, levels: 4}");
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        assertEquals(0, run("experiment", file.toString(), "--out", whole.toString())[0]);
        Object[] first = run("experiment", file.toString(), "--out", parts.toString(), "--stop-after", "7");
        assertEquals(130, first[0], first[2].toString());
        assertEquals(1 + 7 * 3, Files.readAllLines(parts.resolve("runs.csv")).size());
        assertEquals(130, run("experiment", "--resume", parts.toString(), "--stop-after", "11", "--threads", "1")[0]);
        Object[] last = run("experiment", "--resume", parts.toString(), "--threads", "2");
        assertEquals(0, last[0], last[2].toString());
        sameFiles(whole, parts);
        assertTrue(Files.readString(parts.resolve("morris.csv")).lines().count() == 1 + 2 * 4 * 4, "2 policies x 4 outcomes x 4 factors");
        assertEquals(2, run("experiment", "--resume", parts.toString())[0], "a complete experiment is not resumed");
    }

    @Test
    void aChangedExperimentFileIsNotResumed(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "{kind: latin_hypercube, points: 4}");
        Path out = dir.resolve("out");
        assertEquals(130, run("experiment", file.toString(), "--out", out.toString(), "--stop-after", "1")[0]);
        Files.writeString(file, Files.readString(file).replace("seed: 5", "seed: 6"));
        Object[] r = run("experiment", "--resume", out.toString());
        assertEquals(2, r[0]);
        assertTrue(r[2].toString().contains("changed since the experiment started"), r[2].toString());
    }

    /** Every file a folder holds, with its bytes, to check that a refused resume wrote nothing. */
    private static java.util.Map<Path, byte[]> snapshot(Path dir) throws Exception {
        java.util.Map<Path, byte[]> all = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) all.put(dir.relativize(p), Files.readAllBytes(p));
        }
        return all;
    }

    private static void sameSnapshot(java.util.Map<Path, byte[]> before, Path dir) throws Exception {
        java.util.Map<Path, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet());
        for (Path p : before.keySet()) assertTrue(java.util.Arrays.equals(before.get(p), after.get(p)), p + " was changed by a refused resume");
    }

    @Test
    void aResumeChecksTheSealedCheckpointTheManifestAndEveryTableUpToIt(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "{kind: latin_hypercube, points: 6}");
        Path out = dir.resolve("out");
        assertEquals(130, run("experiment", file.toString(), "--out", out.toString(), "--stop-after", "3")[0]);

        // a byte of runs.csv before the checkpoint flipped: refused, names the file, writes nothing
        Path runs = out.resolve("runs.csv");
        byte[] good = Files.readAllBytes(runs);
        byte[] flipped = good.clone();
        int at = good.length / 2;
        flipped[at] = (byte) (flipped[at] == '1' ? '2' : '1');
        Files.write(runs, flipped);
        java.util.Map<Path, byte[]> before = snapshot(out);
        Object[] r = run("experiment", "--resume", out.toString());
        assertEquals(2, r[0], r[2].toString());
        assertTrue(r[2].toString().contains("runs.csv") && r[2].toString().contains("changed since the checkpoint"), r[2].toString());
        sameSnapshot(before, out);
        Files.write(runs, good);

        // the manifest's seed edited: refused with the field that differs
        Path manifest = out.resolve("manifest.json");
        String m = Files.readString(manifest);
        Files.writeString(manifest, m.replace("\"seed\" : 5", "\"seed\" : 6"));
        r = run("experiment", "--resume", out.toString());
        assertEquals(2, r[0], r[2].toString());
        assertTrue(r[2].toString().contains("manifest.json was changed since the checkpoint") && r[2].toString().contains("seed"), r[2].toString());
        Files.writeString(manifest, m);

        // the checkpoint itself damaged: refused as damaged
        Path cp = out.resolve(".checkpoint");
        byte[] seal = Files.readAllBytes(cp);
        byte[] bad = seal.clone();
        bad[10] ^= 1;
        Files.write(cp, bad);
        r = run("experiment", "--resume", out.toString());
        assertEquals(2, r[0], r[2].toString());
        assertTrue(r[2].toString().contains("damaged"), r[2].toString());
        assertFalse(r[2].toString().contains("Exception"), r[2].toString());
        Files.write(cp, seal);

        // restored, it resumes to the bytes of an uninterrupted run
        Object[] last = run("experiment", "--resume", out.toString());
        assertEquals(0, last[0], last[2].toString());
        assertEquals(0, run("experiment", file.toString(), "--out", dir.resolve("whole").toString())[0]);
        sameFiles(dir.resolve("whole"), out);
    }

    @Test
    void aBadFileExitsWithCodeTwoAndEveryProblemWithItsPlace(@TempDir Path dir) throws Exception {
        Path file = experiment(dir, "{kind: sobol, sampels: 8}");
        Files.writeString(file, Files.readString(file).replace("threshold: state_strikes_back", "threshold: strikes"));
        Object[] r = run("experiment", file.toString(), "--out", dir.resolve("never").toString());
        assertEquals(2, r[0]);
        String err = r[2].toString();
        assertTrue(err.contains("primer-experiment.yaml:10:") && err.contains("design.sampels: unknown key 'sampels' (did you mean 'samples'?)"), err);
        assertTrue(err.contains("design.samples: missing required field"), err);
        assertTrue(err.contains("primer-experiment.yaml:14:") && err.contains("no threshold 'strikes'"), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(dir.resolve("never")), "nothing is written for a bad file");
    }
}
