package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder is never corrupted or silently incomplete: one process at a time, every resume
 * checked against what its checkpoint recorded, nothing written when a resume is refused, nothing
 * written through links or into a folder removed under the batch (issue 14, items 1-6, 17, 18).
 */
class ResultsFolderSafetyTest {
    /** A batch long enough to interrupt, short enough to finish in a few seconds. */
    static final String[] BATCH = {"--runs", "12000", "--seed", "8", "--set", "calendar.end=2025-06-30", "--no-report", "--threads", "1"};
    static final List<String> TABLES = List.of("runs.csv", "outcomes.csv", "daily.csv", "totals.csv");

    @TempDir
    static Path shared;
    static Path reference;

    @BeforeAll
    static void referenceBatch() {
        reference = shared.resolve("reference");
        Cli.Result r = Cli.run(batch(reference));
        assertEquals(0, r.code(), r.err());
    }

    static String[] batch(Path out) {
        List<String> a = new ArrayList<>(List.of("batch", Cli.PRIMER.toString()));
        a.addAll(List.of(BATCH));
        a.add("--out");
        a.add(out.toString());
        return a.toArray(String[]::new);
    }

    /** An interrupted batch in {@code dir}: started in a child process, stopped by SIGTERM once rows are on disk. */
    static Path interrupted(Path dir) throws Exception {
        Path out = dir.resolve("interrupted");
        Process p = Cli.start(dir.resolve("logs"), batch(out));
        try {
            Cli.awaitSize(p, out.resolve(".checkpoint"), 1, 60_000);
            Cli.awaitSize(p, out.resolve("runs.csv"), 200_000, 60_000);
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), Cli.read(dir.resolve("logs/stderr.txt")));
        return out;
    }

    static void assertSameAsReference(Path out) throws Exception {
        for (String f : TABLES) assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
    }

    /** Every file's bytes, to show that a refused resume wrote nothing. */
    static Map<Path, byte[]> snapshot(Path dir) throws Exception {
        Map<Path, byte[]> m = new java.util.TreeMap<>();
        for (Path f : Cli.files(dir)) m.put(f, Files.readAllBytes(dir.resolve(f)));
        return m;
    }

    static void assertUnchanged(Map<Path, byte[]> before, Path dir) throws Exception {
        Map<Path, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet(), "the same files");
        for (Path f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " unchanged");
    }

    static void assertRefused(Path out, String expected, String... extra) throws Exception {
        Map<Path, byte[]> before = snapshot(out);
        List<String> args = new ArrayList<>(List.of("batch", "--resume", out.toString()));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains(expected), "says what differs (" + expected + "): " + r.err());
        assertFalse(r.all().contains("Exception"), "no raw Java message: " + r.all());
        assertUnchanged(before, out);
    }

    @Test
    void aSecondProcessCannotWriteAFolderInUseAndAStaleLockIsTakenOver(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("busy");
        Process p = Cli.start(dir.resolve("logs"), batch(out));
        try {
            Cli.awaitSize(p, out.resolve(".checkpoint"), 1, 60_000);
            Cli.awaitSize(p, out.resolve("runs.csv"), 100_000, 60_000);
            Cli.Result r = Cli.run("batch", "--resume", out.toString(), "--threads", "1");
            assertEquals(3, r.code(), r.all());
            assertTrue(r.err().contains("in use by process " + p.pid()), r.err());
            p.destroyForcibly();   // kill -9: the lock file stays behind, stale
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(out.resolve(".lock")), "kill -9 leaves the lock file");
        byte[] csv = Files.readAllBytes(out.resolve("runs.csv"));
        for (byte b : csv) assertTrue(b != 0, "no NUL bytes in runs.csv");
        Cli.Result r = Cli.run("batch", "--resume", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.all());
        assertSameAsReference(out);
        assertFalse(Files.exists(out.resolve(".lock")), "a finished batch releases its folder");
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertTrue(m.path("complete").asBoolean());
    }

    @Test
    void aRunsFileShorterThanItsCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path out = interrupted(dir);
        try (FileChannel ch = FileChannel.open(out.resolve("runs.csv"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 1000 > 0 ? Files.size(out.resolve("runs.csv")) - 1000 : 0);
        }
        // A checkpoint older than the rows is fine, a cut below it is not: cut well below what is covered.
        try (FileChannel ch = FileChannel.open(out.resolve("runs.csv"), StandardOpenOption.WRITE)) {
            ch.truncate(50_000);
        }
        assertRefused(out, "shorter");
        Files.delete(out.resolve("runs.csv"));
        assertRefused(out, "missing");
    }

    @Test
    void anEditedManifestIsRefusedWithWhatDiffers(@TempDir Path dir) throws Exception {
        Path out = interrupted(dir);
        Path manifest = out.resolve("manifest.json");
        String original = Files.readString(manifest);
        ObjectMapper json = new ObjectMapper();
        for (Object[] edit : new Object[][] {{"seed", 43}, {"runs", 5}, {"runs", -1}, {"runs", "many"}}) {
            ObjectNode m = (ObjectNode) json.readTree(original);
            if (edit[1] instanceof Integer i) m.put((String) edit[0], i);
            else m.put((String) edit[0], (String) edit[1]);
            Files.writeString(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            assertRefused(out, (String) edit[0]);
        }
        // A changed scenario, and a changed recorded hash
        Files.writeString(manifest, original.replace("\"reliability\" : 0.", "\"reliability\" : 0.0"));
        if (!Files.readString(manifest).equals(original)) assertRefused(out, "scenario");
        ObjectNode m = (ObjectNode) json.readTree(original);
        ((ObjectNode) m.path("scenario")).put("sha256", "0".repeat(64));
        Files.writeString(manifest, json.writeValueAsString(m));
        assertRefused(out, "SHA-256");
        Files.writeString(manifest, original.substring(0, original.length() / 2));
        assertRefused(out, "not valid JSON");
        Files.writeString(manifest, original);
        Cli.Result r = Cli.run("batch", "--resume", out.toString());
        assertEquals(0, r.code(), r.all());
        assertSameAsReference(out);
    }

    @Test
    void aDamagedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path out = interrupted(dir);
        Path cp = out.resolve(".checkpoint");
        byte[] original = Files.readAllBytes(cp);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x01;
        Files.write(cp, flipped);
        assertRefused(out, "damaged");
        Files.write(cp, java.util.Arrays.copyOf(original, original.length - 7));
        assertRefused(out, "damaged");
        Files.write(cp, original);
        assertEquals(0, Cli.run("batch", "--resume", out.toString()).code());
        assertSameAsReference(out);
    }

    @Test
    void resumeRefusesSettingsItWouldIgnore(@TempDir Path dir) throws Exception {
        Path out = interrupted(dir);
        assertRefused(out, "--runs", "--runs", "5");
        assertRefused(out, "--seed", "--seed", "2");
        assertRefused(out, "--set", "--set", "actors.state.attention=0.5");
        assertRefused(out, "--out", "--out", dir.resolve("elsewhere").toString());
        assertFalse(Files.exists(dir.resolve("elsewhere")));
    }

    @Test
    void extendsCannotBeSetOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x");
        Cli.Result r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "10", "--set", "extends=autumn-2024-iraq.yaml", "--out", out.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().contains("extends"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aLinkAtATemporaryNameIsNeverWrittenThrough(@TempDir Path dir) throws Exception {
        Path out = interrupted(dir);
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious\n");
        Files.createSymbolicLink(out.resolve(".manifest.json.tmp"), victim);
        Files.createSymbolicLink(out.resolve(".checkpoint.tmp"), victim);
        Cli.Result r = Cli.run("batch", "--resume", out.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals("precious\n", Files.readString(victim));
        assertSameAsReference(out);
    }

    @Test
    void aFolderRemovedWhileTheBatchRunsStopsItInsteadOfBeingRecreated(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("doomed");
        List<String> args = new ArrayList<>(List.of(batch(out)));
        args.set(3, "200000");   // --runs: long enough to still be running
        Process p = Cli.start(dir.resolve("logs"), args.toArray(String[]::new));
        try {
            Cli.awaitSize(p, out.resolve("runs.csv"), 50_000, 60_000);
            try (var walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the batch stops");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(4, p.exitValue());
        assertTrue(Cli.read(dir.resolve("logs/stderr.txt")).contains("removed"), Cli.read(dir.resolve("logs/stderr.txt")));
        assertFalse(Cli.read(dir.resolve("logs/stdout.txt")).contains("Wrote"));
        assertFalse(Files.exists(out), "the folder is not recreated");
    }

    @Test
    void aFailedWriteNamesTheFileLeavesNoTemporaryFileAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("blocked");
        List<String> args = new ArrayList<>(List.of(batch(out)));
        args.remove("--no-report");
        Process p = Cli.start(dir.resolve("logs"), args.toArray(String[]::new));
        try {
            Cli.awaitSize(p, out.resolve(".checkpoint"), 1, 60_000);
            // A file where the charts folder must go: writing the charts fails, as on a full or read-only disk.
            Files.writeString(out.resolve("charts"), "in the way\n");
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        String err = Cli.read(dir.resolve("logs/stderr.txt"));
        assertEquals(4, p.exitValue(), err);
        assertTrue(err.contains(out.resolve("charts").toString()), "names the file: " + err);
        assertTrue(err.contains("--resume " + out), "says how to finish: " + err);
        for (Path f : Cli.files(out)) assertFalse(f.getFileName().toString().endsWith(".tmp"), "no temporary file left: " + f);
        Files.delete(out.resolve("charts"));
        Cli.Result r = Cli.run("batch", "--resume", out.toString());
        assertEquals(0, r.code(), r.all());
        assertSameAsReference(out);
    }

    @Test
    void anEmptyFolderLeftBehindCanBeReused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("empty");
        Files.createDirectories(out);
        Cli.Result r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "20", "--no-report", "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.exists(out.resolve("runs.csv")));
        Cli.Result again = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "20", "--no-report", "--out", out.toString());
        assertEquals(2, again.code(), "a folder with files is never written into");
    }

    @Test
    void aBatchKilledBeforeItsFirstCheckpointLeavesAFolderThatANewStartTakes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("early");
        Cli.Result done = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "20", "--no-report", "--out", dir.resolve("full").toString());
        assertEquals(0, done.code(), done.all());
        // What a kill between the manifest and the first checkpoint leaves: a stale lock, the manifest, a header.
        Files.createDirectories(out);
        Files.writeString(out.resolve(".lock"), "999999999\n");
        ObjectNode unstarted = (ObjectNode) new ObjectMapper().readTree(dir.resolve("full/manifest.json").toFile());
        unstarted.put("complete", false).put("runs_done", 0);
        Files.writeString(out.resolve("manifest.json"), unstarted.toString());
        Files.writeString(out.resolve("runs.csv"), Files.readAllLines(dir.resolve("full/runs.csv")).get(0) + "\n");
        Cli.Result r = Cli.run("batch", Cli.PRIMER.toString(), "--runs", "20", "--no-report", "--out", out.toString());
        assertEquals(0, r.code(), r.all());
        assertArrayEquals(Files.readAllBytes(dir.resolve("full/runs.csv")), Files.readAllBytes(out.resolve("runs.csv")));
        // A runs.csv with a row is a result: never taken.
        Path kept = dir.resolve("kept");
        Files.createDirectories(kept);
        Files.writeString(kept.resolve("manifest.json"), unstarted.toString());
        List<String> rows = Files.readAllLines(dir.resolve("full/runs.csv"));
        Files.writeString(kept.resolve("runs.csv"), rows.get(0) + "\n" + rows.get(1) + "\n");
        assertEquals(2, Cli.run("batch", Cli.PRIMER.toString(), "--runs", "20", "--no-report", "--out", kept.toString()).code());
    }

    @Test
    void aComparisonKilledBeforeItsFirstCheckpointLeavesAFolderThatANewStartTakes(@TempDir Path dir) throws Exception {
        String[] compare = {"compare", Cli.PRIMER.toString(), "--variant", "v=actors.state.response.reliability=0.9", "--runs", "20",
                "--no-report", "--out"};
        Path full = dir.resolve("full");
        Cli.Result done = Cli.run(append(compare, full.toString()));
        assertEquals(0, done.code(), done.all());
        // What a kill between the manifest and the first checkpoint leaves: a stale lock, the manifest, each variant's header.
        Path out = dir.resolve("early");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".lock"), "999999999\n");
        ObjectNode unstarted = (ObjectNode) new ObjectMapper().readTree(full.resolve("manifest.json").toFile());
        unstarted.put("complete", false).put("runs_done", 0);
        Files.writeString(out.resolve("manifest.json"), unstarted.toString());
        for (String v : List.of("baseline", "v")) {
            Files.createDirectories(out.resolve("variants/" + v));
            Files.writeString(out.resolve("variants/" + v + "/runs.csv"), Files.readAllLines(full.resolve("variants/" + v + "/runs.csv")).get(0) + "\n");
        }
        Cli.Result r = Cli.run(append(compare, out.toString()));
        assertEquals(0, r.code(), r.all());
        assertArrayEquals(Files.readAllBytes(full.resolve("comparison.csv")), Files.readAllBytes(out.resolve("comparison.csv")));
        // A variant's row is a result: never taken.
        Path kept = dir.resolve("kept");
        Files.createDirectories(kept.resolve("variants/v"));
        Files.writeString(kept.resolve("manifest.json"), unstarted.toString());
        List<String> rows = Files.readAllLines(full.resolve("variants/v/runs.csv"));
        Files.writeString(kept.resolve("variants/v/runs.csv"), rows.get(0) + "\n" + rows.get(1) + "\n");
        assertEquals(2, Cli.run(append(compare, kept.toString())).code());
        assertEquals(2, Files.readAllLines(kept.resolve("variants/v/runs.csv")).size(), "the row is kept");
    }

    private static String[] append(String[] head, String last) {
        String[] a = java.util.Arrays.copyOf(head, head.length + 1);
        a[head.length] = last;
        return a;
    }
}
