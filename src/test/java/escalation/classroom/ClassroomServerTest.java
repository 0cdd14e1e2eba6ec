package escalation.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classroom over HTTP, as students' and the instructor's pages use it. */
class ClassroomServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private record Answer(int status, JsonNode body) { }

    private Answer post(ClassroomServer s, String path, String body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private Answer post(ClassroomServer s, String path, Map<String, Object> body) throws Exception {
        return post(s, path, JSON.writeValueAsString(body));
    }

    private JsonNode get(ClassroomServer s, String pathAndQuery) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + pathAndQuery))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static ClassroomServer server(Path dir, List<String> chairs, int turnDays) throws Exception {
        ClassSession session = new ClassSession(ClassSessionTest.AUTUMN, new SessionLog("autumn-2024-iraq", "-", 4, chairs, turnDays));
        ClassroomServer s = new ClassroomServer(session, new InetSocketAddress("127.0.0.1", 0), dir, 0, 200);
        s.start();
        return s;
    }

    private String join(ClassroomServer s, String actor) throws Exception {
        Answer a = post(s, "/api/join", Map.of("code", s.joinCode(), "actor", actor, "name", "team " + actor));
        assertEquals(200, a.status(), a.body().toString());
        return a.body().get("token").asText();
    }

    @Test
    void fourStudentsPlayTenTurnsToTheEndAndTheLogReplaysTheSameState(@TempDir Path dir) throws Exception {
        List<String> chairs = List.of("israel", "us", "iran", "kh");
        int turnDays = (ClassSessionTest.AUTUMN.days + 9) / 10;
        try (ClassroomServer s = server(dir, chairs, turnDays)) {
            List<String> tokens = new ArrayList<>();
            for (String c : chairs) tokens.add(join(s, c));
            for (int turn = 0; turn < 10; turn++) {
                for (int k = 0; k < chairs.size(); k++) {
                    JsonNode state = get(s, "/api/state?token=" + tokens.get(k));
                    assertEquals(turn, state.get("turn").asInt());
                    assertEquals(chairs.get(k), state.get("actor").asText());
                    // Each chair takes its first usable action on even turns and lets the model decide on odd ones.
                    String option = "model";
                    if (turn % 2 == 0) {
                        for (JsonNode o : state.get("options")) {
                            if (o.get("available").asBoolean() && o.get("target").isTextual()) {
                                option = o.get("id").asText();
                                break;
                            }
                        }
                    }
                    Answer a = post(s, "/api/choose", Map.of("token", tokens.get(k), "turn", turn, "option", option, "reason", "turn " + turn));
                    assertEquals(200, a.status(), a.body().toString());
                }
            }
            JsonNode end = get(s, "/api/state?key=" + s.instructorKey());
            assertTrue(end.get("finished").asBoolean(), "ten turns of " + turnDays + " days cover the calendar");
            Debrief.Result d = s.debrief();
            assertNotNull(d, "the debrief is ready at the end");
            assertEquals(200, d.runs());
            assertTrue(end.get("debrief").get("thresholds").size() > 0);
            ClassSession replayed = ClassSession.replay(ClassSessionTest.AUTUMN, SessionLog.read(dir.resolve("session.json")));
            assertEquals(fingerprintOfServed(dir), replayed.fingerprint());
        }
    }

    /** The fingerprint of the served session's final state, recomputed from its own saved log and the same scenario. */
    private static String fingerprintOfServed(Path dir) throws Exception {
        SessionLog log = SessionLog.read(dir.resolve("session.json"));
        assertEquals(10, log.turns.size());
        return ClassSession.replay(ClassSessionTest.AUTUMN, log).fingerprint();
    }

    @Test
    void refusedRequestsLeaveTheSessionGoing(@TempDir Path dir) throws Exception {
        try (ClassroomServer s = server(dir, List.of("israel", "kh"), 7)) {
            assertEquals(403, post(s, "/api/join", Map.of("code", "WRONG1", "actor", "israel")).status(), "a wrong join code");
            assertEquals(404, post(s, "/api/join", Map.of("code", s.joinCode(), "actor", "hezbollah")).status(), "a chair not open for play");
            String israel = join(s, "israel");
            String kh = join(s, "kh");
            assertEquals(409, post(s, "/api/join", Map.of("code", s.joinCode(), "actor", "kh")).status(), "a chair taken");
            assertEquals(409, post(s, "/api/choose", Map.of("token", israel, "turn", 0, "option", "strike_israel")).status(),
                    "another actor's action: kh's strike sent with Israel's token");
            assertEquals(409, post(s, "/api/choose", Map.of("token", kh, "turn", 3, "option", "hold")).status(), "out of turn");
            assertEquals(403, post(s, "/api/choose", Map.of("token", "forged", "turn", 0, "option", "hold")).status(), "an unknown token");
            assertEquals(413, post(s, "/api/choose", "{\"token\":\"" + kh + "\",\"reason\":\"" + "x".repeat(5000) + "\"}").status(), "oversized");
            assertEquals(400, post(s, "/api/choose", "{not json").status(), "malformed");
            assertEquals(400, post(s, "/api/choose", Map.of("token", kh, "turn", "zero", "option", "hold")).status(), "a mistyped field");
            assertEquals(403, post(s, "/api/instructor", Map.of("key", "guess", "command", "finish")).status(), "a student posing as the instructor");
            JsonNode state = get(s, "/api/state?token=" + kh);
            assertEquals(0, state.get("turn").asInt());
            assertTrue(!state.get("chosen").asBoolean());
            assertEquals(200, post(s, "/api/choose", Map.of("token", kh, "turn", 0, "option", "hold")).status());
            assertEquals(200, post(s, "/api/choose", Map.of("token", israel, "turn", 0, "option", "model")).status());
            assertEquals(1, get(s, "/api/state?token=" + kh).get("turn").asInt(), "the turn closed when every chair had decided");
        }
    }

    @Test
    void fortyClientsCloseATurnOnTheirLastDecision(@TempDir Path dir) throws Exception {
        String[] actors = ClassSessionTest.AUTUMN.actorIds;
        try (ClassroomServer s = server(dir, List.of(actors), 7)) {
            // Forty clients: one per chair, the rest watching the instructor's state as a projector would.
            List<String> tokens = new ArrayList<>();
            for (String a : actors) tokens.add(join(s, a));
            List<Thread> watchers = new ArrayList<>();
            for (int k = 0; k < 40 - actors.length; k++) {
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < 5; i++) get(s, "/api/state?key=" + s.instructorKey());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                t.start();
                watchers.add(t);
            }
            for (String token : tokens) post(s, "/api/choose", Map.of("token", token, "turn", 0, "option", "model"));
            for (Thread t : watchers) t.join();
            assertEquals(1, get(s, "/api/state?key=" + s.instructorKey()).get("turn").asInt());
        }
    }
}
