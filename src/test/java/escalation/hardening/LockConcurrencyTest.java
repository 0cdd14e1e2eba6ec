package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escalation.io.FolderLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One folder, one writer: processes racing to resume the same batch, and commands racing in one process. */
class LockConcurrencyTest {
    @Test
    void ofProcessesRacingToResumeOneBatchExactlyOneWrites(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, Cli.run(ResultsFolderSafetyTest.batch(reference)).code());
        Path out = dir.resolve("raced");
        Process first = Cli.start(dir.resolve("logs"), ResultsFolderSafetyTest.batch(out));
        try {
            Cli.awaitSize(first, out.resolve(".checkpoint"), 1, 60_000);
            Cli.awaitSize(first, out.resolve("runs.csv"), 100_000, 60_000);
            first.destroyForcibly();
            first.waitFor();
        } finally {
            first.destroyForcibly();
        }
        List<Process> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(Cli.start(dir.resolve("racer-" + i), "batch", "--resume", out.toString(), "--threads", "1"));
        }
        List<Integer> codes = new ArrayList<>();
        for (Process p : racers) {
            try {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                codes.add(p.exitValue());
            } finally {
                p.destroyForcibly();
            }
        }
        assertEquals(1, codes.stream().filter(c -> c == 0).count(), "exactly one resume finishes the batch: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 0 || c == 3 || c == 2), "the others are refused (in use, or already complete): " + codes);
        for (String f : ResultsFolderSafetyTest.TABLES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    @Test
    void aFolderHeldInThisProcessIsBusyForItsOtherCommands(@TempDir Path dir) throws Exception {
        try (FolderLock held = FolderLock.acquire(dir)) {
            FolderLock.Busy busy = assertThrows(FolderLock.Busy.class, () -> FolderLock.acquire(dir));
            assertTrue(busy.getMessage().contains(dir.toString()));
            assertTrue(held.intact(), "a refused second taker leaves the first's lock in place");
        }
        try (FolderLock again = FolderLock.acquire(dir)) {
            assertTrue(again.intact(), "released, the folder can be taken again");
        }
        assertTrue(!Files.exists(dir.resolve(FolderLock.NAME)), "a released lock leaves no file");
    }
}
