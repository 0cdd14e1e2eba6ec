package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.io.ManifestIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch whose runs do not fit in the heap (a hundred actors under -Xmx16m, in its own process): one
 * line that says so and how to finish, exit code 5, no stack trace; the folder it leaves resumes, with
 * the memory it needs, to the bytes of a batch that never ran short (issue 14, item 12).
 */
class OutOfMemoryTest {
    static final Path HUNDRED = Path.of("scenarios", "bench", "hundred-actors.yaml");

    @Test
    void aBatchOutOfMemorySaysSoInOneLineAndLeavesAResumableFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("short");
        String line = theOneLineOfABatchOutOfMemory(dir, "-Xmx16m", 200, out);
        assertEquals("escalation: out of memory; give Java more (java -Xmx4g -jar escalation.jar ...) and finish with: escalation batch --resume "
                + out, line);

        assertTrue(Files.exists(out.resolve(".checkpoint")), "a checkpoint to resume from: " + Cli.files(out));
        assertFalse(ManifestIdentity.read(out.resolve("manifest.json")).path("complete").asBoolean(true));
        Cli.Result resumed = Cli.run("batch", "--resume", out.toString(), "--threads", "2");
        assertEquals(0, resumed.code(), resumed.all());

        Path reference = dir.resolve("reference");
        Cli.Result whole = Cli.run("batch", HUNDRED.toString(), "--runs", "200", "--seed", "3", "--threads", "2", "--no-report",
                "--out", reference.toString());
        assertEquals(0, whole.code(), whole.all());
        for (String f : ResultsFolderSafetyTest.TABLES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    /**
     * Under a heap too small to set up the runs, memory may run out before the folder's first checkpoint:
     * then the line says only to give Java more (there is nothing to resume), and the same {@code --out}
     * is free for the next start. Where it runs out after the checkpoint, the line says how to resume.
     */
    @Test
    void memoryShortBeforeTheFirstCheckpointLeavesTheFolderFreeForTheNextStart(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("short");
        String line = theOneLineOfABatchOutOfMemory(dir, "-Xmx12m", 40, out);
        assertTrue(line.startsWith("escalation: out of memory; give Java more (java -Xmx4g -jar escalation.jar ...)"), line);
        Cli.Result next = line.contains("--resume")
                ? Cli.run("batch", "--resume", out.toString(), "--threads", "2")
                : Cli.run("batch", HUNDRED.toString(), "--runs", "40", "--seed", "3", "--threads", "2", "--no-report", "--out", out.toString());
        assertEquals(0, next.code(), next.all());
        assertTrue(ManifestIdentity.read(out.resolve("manifest.json")).path("complete").asBoolean(false));
    }

    /**
     * Runs a batch of the hundred-actor scenario in its own process under {@code heap}; asserts that it ends with
     * exit code 5 and one line on standard error with no stack trace, and returns that line.
     */
    private static String theOneLineOfABatchOutOfMemory(Path dir, String heap, int runs, Path out) throws Exception {
        Process p = Cli.start(dir.resolve("logs"), List.of(heap), "batch", HUNDRED.toString(), "--runs", String.valueOf(runs), "--seed", "3",
                "--threads", "2", "--no-report", "--out", out.toString());
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a batch out of memory ends");
        } finally {
            p.destroyForcibly();
        }
        String err = Cli.read(dir.resolve("logs/stderr.txt"));
        assertEquals(5, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line:\n" + err);
        assertFalse(err.contains("Exception") || err.contains("Self-suppression") || err.contains("\tat "), err);
        return lines.get(0);
    }
}
