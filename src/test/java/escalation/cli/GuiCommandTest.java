package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code escalation gui} run from an empty folder, as a new program: it finds the primer among the scenarios the
 * program carries, and with a display it opens and saves the window; other commands find shipped scenarios by name too.
 */
class GuiCommandTest {
    private record Result(int code, String out, String err) { }

    private static Result run(Path dir, boolean headless, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=" + headless, "-cp", cp, "escalation.cli.EscalationCommand"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("escalation " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void guiFromAnEmptyFolderOpensThePrimer(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run(empty, true, "gui");
        assertTrue(r.out().startsWith("Classroom console: Deterrence primer: a militia and a state (shipped scenario deterrence-primer), seed 1"),
                r.out() + r.err());
        assertEquals(1, r.code(), "no display in a headless program: " + r.err());
        assertTrue(r.err().contains("gui needs a display"), r.err());
        Result named = run(empty, true, "gui", "autumn-2024-iraq", "--seed", "7");
        assertTrue(named.out().startsWith("Classroom console: The Iraqi front, autumn 2024 (shipped scenario autumn-2024-iraq), seed 7"), named.out());
        Result missing = run(empty, true, "gui", "autumn-2042");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("autumn-2042:1:1: no such scenario file"), missing.err());
        assertEquals(List.of("err.txt", "out.txt"), list(empty), "nothing written but the captured output");
    }

    @Test
    void runAndBatchTakeAShippedScenarioByNameFromAnyFolder(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result run = run(empty, true, "run", "strong-restraint", "--seed", "3", "-q", "--out", "r");
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(empty.resolve("r").resolve("events.csv")), "the run of the shipped scenario, which extends another");
        Result batch = run(empty, true, "batch", "autumn-2024-iraq", "--runs", "20", "--seed", "1", "--threads", "1", "--no-report", "--out", "b");
        assertEquals(0, batch.code(), batch.err());
        assertTrue(Files.readString(empty.resolve("b").resolve("manifest.json")).contains("\"name\" : \"autumn-2024-iraq\""));
    }

    @Test
    void withADisplayTheWindowOpensFromAnEmptyFolder(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the tests under xvfb-run");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run(empty, false, "gui", "--days", "5", "--window", "1280x800", "--screenshot", "primer.png");
        assertEquals(0, r.code(), r.err());
        var image = ImageIO.read(empty.resolve("primer.png").toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(800, image.getHeight());
    }

    private static List<String> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
