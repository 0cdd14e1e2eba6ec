package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.io.ManifestIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare}, {@code history}, {@code calibrate} and {@code experiment} stopped by SIGTERM and then, resumed, killed by
 * SIGKILL, each time in its own process, and finished by a third resume on another number of threads:
 * every file is byte for byte the uninterrupted run's, and the manifest records the same work. Between
 * the kills, a resume that would change the work is refused and writes nothing (issue 14, items 16 and 18).
 */
class ResumeEveryCommandTest {
    @Test
    void anInterruptedComparisonResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        List<String> start = List.of("compare", Cli.PRIMER.toString(), "--variant", "reliable=actors.state.response.reliability=0.9",
                "--runs", "12000", "--seed", "9", "--set", "calendar.end=2025-06-30");
        Path k = interruptTwice(dir, start, out -> rows(out.resolve("variants/reliable/runs.csv")) > 200,
                (out, before) -> rows(out.resolve("variants/reliable/runs.csv")) > before);
        refused(k, "compare", "--runs", "5");
        refused(k, "compare", "--variant", "x=actors.state.response.reliability=0.1");
        // One variant's table damaged before the checkpoint, another's holding a row cut in half after it: the
        // resume is refused for the first, and the second is not cut back either (every table checked first).
        Path damaged = k.resolve("variants/reliable/runs.csv");
        Path other;
        try (java.util.stream.Stream<Path> vs = Files.list(k.resolve("variants"))) {
            other = vs.filter(v -> !v.getFileName().toString().equals("reliable")).findFirst().orElseThrow().resolve("runs.csv");
        }
        byte[] good = Files.readAllBytes(damaged);
        byte[] flipped = good.clone();
        int at = -1;
        for (int lines = 0; lines < 3; lines++) at = indexOf(good, (byte) '\n', at + 1);
        flipped[at - 1] ^= 1;   // in the second run's row, which every checkpoint covers
        Files.write(damaged, flipped);
        byte[] whole = Files.readAllBytes(other);
        Files.write(other, "17,half a ro".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Cli.Result r = refused(k, "compare");
        assertTrue(r.err().contains("reliable") && r.err().contains("changed since the checkpoint"), r.err());
        Files.write(damaged, good);
        Files.write(other, whole);
        finishAndCompare(dir, k, "compare");
    }

    @Test
    void anInterruptedHistoryCheckResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        List<String> start = List.of("history", "scenarios/history/april-2024-exchange-targets.yaml", "--runs", "5000", "--seed", "3");
        Path k = interruptTwice(dir, start, out -> rows(out.resolve("runs.csv")) > 200,
                (out, before) -> rows(out.resolve("runs.csv")) > before);
        refused(k, "history", "--seed", "4");
        refused(k, "history", "--set", "calendar.end=2024-05-01");
        finishAndCompare(dir, k, "history");
    }

    @Test
    void anInterruptedCalibrationResumesByGenerationToTheSameBytes(@TempDir Path dir) throws Exception {
        Path priors = problem(dir);
        List<String> start = List.of("calibrate", priors.toString(), "--particles", "100", "--accept", "0.25", "--generations", "5",
                "--replicates", "1", "--seed", "4");
        Path k = interruptTwice(dir, start, out -> Cli.read(dir.resolve("logs-term/stderr.txt")).contains("generation 1:"),
                (out, before) -> Cli.read(dir.resolve("logs-kill/stderr.txt")).contains("Resuming"));
        assertTrue(Cli.read(dir.resolve("logs-kill/stderr.txt")).matches("(?s).*Resuming .* after [1-4] of 5 generations.*"),
                "the finished generations were kept: " + Cli.read(dir.resolve("logs-kill/stderr.txt")));
        refused(k, "calibrate", "--particles", "50");
        // An input changed since the calibration started: refused, naming the file, and nothing written.
        Path targets = dir.resolve("targets.yaml");
        String was = Files.readString(targets);
        Files.writeString(targets, was + "# edited\n");
        Cli.Result r = refused(k, "calibrate");
        assertTrue(r.err().contains("the history file " + targets.toAbsolutePath()) && r.err().contains("changed since the calibration started"), r.err());
        Files.writeString(targets, was);
        finishAndCompare(dir, k, "calibrate");
    }

    @Test
    void anInterruptedExperimentStopsThroughTheSameSignalAndResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("primer.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/experiments/primer-one-at-a-time.yaml"))
                .replace("scenario: ../deterrence-primer.yaml", "scenario: " + Cli.PRIMER.toAbsolutePath())
                .replace("replications: 50", "replications: 300"));
        List<String> start = List.of("experiment", file.toString(), "--no-report");
        Path k = interruptTwice(dir, start, out -> rows(out.resolve("runs.csv")) > 600,
                (out, before) -> rows(out.resolve("runs.csv")) > before);
        finishAndCompare(dir, k, "experiment");
    }

    @Test
    void anExperimentIsFoundByItsShippedName(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.run("experiment", "experiments/primer-one-at-a-time", "--stop-after", "1", "--no-report", "--threads", "2",
                "--out", dir.resolve("e").toString());
        assertEquals(130, r.code(), r.all());
        assertTrue(ManifestIdentity.read(dir.resolve("e/manifest.json")).path("experiment").path("path").asText()
                .endsWith("experiments/primer-one-at-a-time.yaml"), r.all());
    }

    /**
     * Starts {@code start} with {@code --out DIR}; once {@code started} holds, SIGTERM: exit 130, a manifest
     * not complete, a checkpoint, no row cut in half. Resumes it on one thread; once {@code resumed} holds
     * (given the folder and the most rows a table held after SIGTERM), SIGKILL. Returns the folder.
     */
    private static Path interruptTwice(Path dir, List<String> start, Predicate<Path> started, BiPredicate<Path, Long> resumed) throws Exception {
        Path reference = dir.resolve("reference");
        List<String> ref = new ArrayList<>(start);
        ref.addAll(List.of("--out", reference.toString(), "--threads", "2"));
        Cli.Result done = Cli.run(ref.toArray(String[]::new));
        assertEquals(0, done.code(), done.all());

        Path out = dir.resolve("interrupted");
        List<String> first = new ArrayList<>(start);
        first.addAll(List.of("--out", out.toString(), "--threads", "2"));
        Process p = Cli.start(dir.resolve("logs-term"), first.toArray(String[]::new));
        try {
            await(p, () -> Files.exists(out.resolve(".checkpoint")) && started.test(out));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops it");
        } finally {
            p.destroyForcibly();
        }
        String err = Cli.read(dir.resolve("logs-term/stderr.txt"));
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.contains("Finish with: escalation " + start.get(0) + " --resume " + out), err);
        var manifest = ManifestIdentity.read(out.resolve("manifest.json"));
        assertFalse(manifest.path("complete").asBoolean(true), manifest.toString());
        for (Path f : Cli.files(out)) {
            if (f.getFileName().toString().equals("runs.csv")) {
                byte[] b = Files.readAllBytes(out.resolve(f));
                assertEquals('\n', b[b.length - 1], f + " ends with a whole row");
            }
        }
        long rowsAfterTerm = Cli.files(out).stream().filter(f -> f.getFileName().toString().equals("runs.csv"))
                .mapToLong(f -> rows(out.resolve(f))).max().orElse(0);

        Process q = Cli.start(dir.resolve("logs-kill"), start.get(0), "--resume", out.toString(), "--threads", "1");
        try {
            await(q, () -> resumed.test(out, rowsAfterTerm));
            q.destroyForcibly();
            assertTrue(q.waitFor(60, TimeUnit.SECONDS), "SIGKILL stops it");
        } finally {
            q.destroyForcibly();
        }
        assertEquals(137, q.exitValue(), Cli.read(dir.resolve("logs-kill/stderr.txt")));
        return out;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) return i;
        }
        throw new AssertionError("no more lines");
    }

    /** A resume with {@code extra} is refused with exit 2, and the folder is left exactly as it was (a stale lock aside). */
    private static Cli.Result refused(Path out, String command, String... extra) throws Exception {
        Files.deleteIfExists(out.resolve(".lock"));
        List<Path> before = Cli.files(out);
        List<byte[]> bytes = new ArrayList<>();
        for (Path f : before) bytes.add(Files.readAllBytes(out.resolve(f)));
        List<String> args = new ArrayList<>(List.of(command, "--resume", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.all());
        if (extra.length > 0) assertTrue(r.err().contains(extra[0] + " cannot be given with --resume"), r.err());
        assertEquals(before, Cli.files(out), "nothing written");
        for (int i = 0; i < before.size(); i++) assertArrayEquals(bytes.get(i), Files.readAllBytes(out.resolve(before.get(i))), before.get(i).toString());
        return r;
    }

    /** Finishes the folder on three threads and compares every file with the uninterrupted run's. */
    private static void finishAndCompare(Path dir, Path out, String command) throws Exception {
        Cli.Result r = Cli.run(command, "--resume", out.toString(), "--threads", "3");
        assertEquals(0, r.code(), r.all());
        Path reference = dir.resolve("reference");
        List<Path> files = Cli.files(reference);
        assertEquals(files, Cli.files(out), "the same files (no checkpoint left)");
        for (Path f : files) {
            if (f.toString().equals("manifest.json")) continue;
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f + " of " + command);
        }
        assertEquals(ManifestIdentity.of(ManifestIdentity.read(reference.resolve("manifest.json"))),
                ManifestIdentity.of(ManifestIdentity.read(out.resolve("manifest.json"))), "the manifests record the same work");
        assertTrue(ManifestIdentity.read(out.resolve("manifest.json")).path("complete").asBoolean(), "complete");
    }

    private static long rows(Path csv) {
        try {
            if (!Files.exists(csv)) return 0;
            try (var lines = Files.lines(csv)) {
                return lines.count() - 1;
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Process p, Condition c) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!c.holds()) {
            if (!p.isAlive()) throw new AssertionError("the process ended (code " + p.exitValue() + ") before it could be interrupted");
            if (System.currentTimeMillis() > deadline) throw new AssertionError("the process did not get far enough in time");
            Thread.sleep(20);
        }
    }

    /** Two counts of the deterrence primer's militia, and priors on its tempo and its utility base. */
    private static Path problem(Path dir) throws Exception {
        Path primer = Cli.PRIMER.toAbsolutePath();
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
