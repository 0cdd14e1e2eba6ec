package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every results folder says what made it: tool version, build commit, command, seed, and each input with its SHA-256. */
class ManifestTest {
    private static JsonNode manifest(Path folder) throws Exception {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void opening(JsonNode m, String command) {
        assertEquals("escalation", m.path("tool").asText());
        assertFalse(m.path("version").asText().isEmpty());
        assertTrue(m.path("commit").asText().matches("[0-9a-f]{40}|unknown"), m.path("commit").asText());
        assertTrue(m.path("command").asText().startsWith("escalation " + command), m.path("command").asText());
    }

    @Test
    void runWritesAManifestWithItsScenarioAndSeed(@TempDir Path dir) throws Exception {
        Path scenario = Path.of("scenarios", "deterrence-primer.yaml");
        Object[] r = ExperimentCommandTest.run("run", scenario.toString(), "--seed", "9", "-q", "--set", "actors.state.response.delay=3",
                "--out", dir.resolve("run").toString());
        assertEquals(0, r[0], r[2].toString());
        JsonNode m = manifest(dir.resolve("run"));
        opening(m, "run");
        assertEquals(9, m.path("seed").asInt());
        assertEquals(sha256(scenario), m.path("inputs").path("scenario").path("sha256").asText());
        assertEquals(3, m.path("scenario").path("resolved").path("actors").path("state").path("response").path("delay").asInt(),
                "the resolved scenario, overrides applied");
        assertTrue(m.path("command").asText().contains("--set actors.state.response.delay=3"));
    }

    @Test
    void historyWritesAManifestWithTheCheckAndItsScenario(@TempDir Path dir) throws Exception {
        Path targets = Path.of("scenarios", "history", "april-2024-exchange-targets.yaml");
        Object[] r = ExperimentCommandTest.run("history", targets.toString(), "--runs", "20", "--seed", "4", "--out", dir.resolve("h").toString());
        assertEquals(0, r[0], r[2].toString());
        JsonNode m = manifest(dir.resolve("h"));
        opening(m, "history");
        assertEquals(4, m.path("seed").asInt());
        assertEquals(sha256(targets), m.path("inputs").path("history").path("sha256").asText());
        assertEquals(64, m.path("inputs").path("scenario").path("sha256").asText().length());
        assertEquals(64, m.path("scenario").path("sha256").asText().length());
    }
}
