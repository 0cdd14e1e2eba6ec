package escalation.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch killed again and again, at random moments, by SIGTERM and by SIGKILL, each time in its own
 * process, and resumed each time: the finished folder is byte for byte the uninterrupted batch's.
 */
class FaultInjectionTest {
    static final int KILLS = 24;
    static final String[] SETTINGS = {"--runs", "60000", "--seed", "5", "--set", "calendar.end=2025-03-31", "--no-report", "--threads", "2"};

    static String[] command(String... head) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(SETTINGS));
        return a.toArray(String[]::new);
    }

    @Test
    void aBatchKilledAtTwentyFourRandomMomentsResumesToTheSameBytes(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference");
        List<String> ref = new ArrayList<>(List.of(command("batch", Cli.PRIMER.toString())));
        ref.addAll(List.of("--out", reference.toString()));
        long startedAt = System.nanoTime();
        assertEquals(0, Cli.run(ref.toArray(String[]::new)).code());
        // Kill moments spread over a whole batch's life on this machine, however fast or loaded it is.
        int life = (int) Math.max(1500, (System.nanoTime() - startedAt) / 1_000_000);

        Random random = new Random(20241127);
        List<String> log = new ArrayList<>();
        List<Path> finished = new ArrayList<>();
        int kills = 0;
        int cycle = 0;
        Path out = dir.resolve("killed-0");
        while (kills < KILLS) {
            boolean resumable = Files.exists(out.resolve("manifest.json")) && Files.exists(out.resolve(".checkpoint"));
            List<String> args = new ArrayList<>();
            if (resumable) {
                args.addAll(List.of("batch", "--resume", out.toString(), "--threads", String.valueOf(1 + cycle % 2)));
            } else {
                args.addAll(List.of(command("batch", Cli.PRIMER.toString())));
                args.addAll(List.of("--out", out.toString()));
            }
            Process p = Cli.start(dir.resolve("logs-" + cycle), args.toArray(String[]::new));
            long wait = 150 + random.nextInt(life);
            boolean term = random.nextBoolean();
            try {
                if (p.waitFor(wait, TimeUnit.MILLISECONDS)) {
                    String err = Cli.read(dir.resolve("logs-" + cycle + "/stderr.txt"));
                    assertEquals(0, p.exitValue(), "ended by itself, so it must have finished: " + err);
                    // Finished between kills: checked below; the kills go on with a new batch.
                    log.add((resumable ? "resume" : "start") + " finished within " + wait + " ms");
                    finished.add(out);
                    out = dir.resolve("killed-" + finished.size());
                    cycle++;
                    continue;
                }
                if (term) p.destroy();
                else p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "a killed batch ends");
            } finally {
                p.destroyForcibly();
            }
            int code = p.exitValue();
            log.add((resumable ? "resume" : "start") + " killed by " + (term ? "TERM" : "KILL") + " after " + wait + " ms: exit " + code);
            // A SIGTERM that arrives while Java is still starting, before the command's handlers exist, gets Java's own 143.
            assertTrue(code == (term ? 130 : 137) || term && code == 143 || code == 0, String.join("\n", log) + "\n" + Cli.read(dir.resolve("logs-" + cycle + "/stderr.txt")));
            cycle++;
            if (code == 0) {
                finished.add(out);
                out = dir.resolve("killed-" + finished.size());
                continue;
            }
            kills++;
        }
        assertTrue(log.stream().filter(l -> l.startsWith("resume killed")).count() >= 5, "resumed batches were killed too:\n" + String.join("\n", log));
        if (Files.exists(out.resolve("manifest.json")) && Files.exists(out.resolve(".checkpoint"))) {
            Cli.Result r = Cli.run("batch", "--resume", out.toString(), "--threads", "2");
            assertEquals(0, r.code(), String.join("\n", log) + "\n" + r.all());
            finished.add(out);
        }
        assertTrue(!finished.isEmpty(), "a killed batch was finished by its resumes:\n" + String.join("\n", log));
        for (Path done : finished) {
            for (String f : ResultsFolderSafetyTest.TABLES) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(done.resolve(f)), done + "/" + f + " after:\n" + String.join("\n", log));
            }
        }
    }
}
