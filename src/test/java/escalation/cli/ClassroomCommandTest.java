package escalation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escalation.classroom.SessionLog;
import escalation.io.FolderLock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code escalation classroom} in its own process, stopped by Ctrl-C or a kill in the middle of a session. */
class ClassroomCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String java;

    @Test
    void ctrlCSavesTheClosedTurnsAndReleasesTheFolder(@TempDir Path dir) throws Exception {
        stopMidSession(dir.resolve("int"), true);
    }

    @Test
    void aKillSavesTheClosedTurnsAndReleasesTheFolder(@TempDir Path dir) throws Exception {
        stopMidSession(dir.resolve("term"), false);
    }

    private void stopMidSession(Path dir, boolean sigint) throws Exception {
        Files.createDirectories(dir);
        Path out = dir.resolve("session");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EscalationCommand.class.getName(),
                "classroom", "scenarios/autumn-2024-iraq.yaml", "--play", "israel,kh", "--port", "0", "--debrief-runs", "10",
                "--out", out.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            Matcher projector = null;
            for (long deadline = System.nanoTime() + 60_000_000_000L; projector == null; Thread.sleep(50)) {
                assertTrue(p.isAlive(), "the classroom ended before it served: " + Files.readString(dir.resolve("stderr.txt")));
                assertTrue(System.nanoTime() < deadline, "the classroom did not start");
                Matcher m = Pattern.compile("Projector: (http://[0-9.:]+)/instructor\\?key=([A-Z0-9]+)").matcher(Files.readString(dir.resolve("stdout.txt")));
                if (m.find()) projector = m;
            }
            String base = projector.group(1);
            String key = projector.group(2);
            Matcher code = Pattern.compile("join code ([A-Z0-9]+)").matcher(Files.readString(dir.resolve("stdout.txt")));
            assertTrue(code.find());
            assertTrue(Files.exists(out.resolve(FolderLock.NAME)), "the folder is locked while the session runs");

            JsonNode joined = post(base + "/api/join", "{\"code\":\"" + code.group(1) + "\",\"actor\":\"kh\"}");
            String token = joined.get("token").asText();
            // Israel's chair is taken too and never decides, so only the instructor closes a turn.
            post(base + "/api/join", "{\"code\":\"" + code.group(1) + "\",\"actor\":\"israel\"}");
            post(base + "/api/choose", "{\"token\":\"" + token + "\",\"turn\":0,\"option\":\"strike_israel\",\"reason\":\"first\"}");
            post(base + "/api/instructor", "{\"key\":\"" + key + "\",\"command\":\"close\"}");
            // A choice of the open turn, not yet a turn of the log.
            post(base + "/api/choose", "{\"token\":\"" + token + "\",\"turn\":1,\"option\":\"hold\"}");

            if (sigint) assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            else p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the classroom stops on a signal");
            assertEquals(ExitCode.INTERRUPTED, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        SessionLog saved = SessionLog.read(out.resolve("session.json"));
        assertEquals(1, saved.turns.size(), "the closed turn is saved, the open one is not a turn yet");
        assertEquals("strike_israel", saved.turns.get(0).choices().get(0).option());
        assertFalse(Files.exists(out.resolve(FolderLock.NAME)), "the folder's lock is released");
        assertFalse(Files.exists(out.resolve("session.json.tmp")));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("--replay"), "it says how to replay what was saved");
        // The saved session replays.
        Process replay = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), EscalationCommand.class.getName(), "classroom", "scenarios/autumn-2024-iraq.yaml",
                "--replay", out.resolve("session.json").toString()).redirectErrorStream(true).start();
        try {
            String printed = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(replay.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, replay.exitValue(), printed);
            assertTrue(printed.contains("Replayed 1 turns") && printed.contains("state fingerprint"), printed);
        } finally {
            replay.destroyForcibly();
        }
    }

    private JsonNode post(String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
